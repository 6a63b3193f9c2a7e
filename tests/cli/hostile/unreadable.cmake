# A scenario file that exists but cannot be read (mode 000): `run` exits 66 with
# the reason and writes nothing. Root reads any file whatever its mode, so as root (as in CI)
# the command runs as the unprivileged user 65534 (setpriv, util-linux), from a copy of the
# binary in a scratch folder under /tmp that user can reach, whatever the checkout's modes.
#   cmake -DNETADOPT=prog -DINPUT=small_valid.ini -DWORK=dir -P unreadable.cmake
cmake_minimum_required(VERSION 3.25)

execute_process(COMMAND id -u OUTPUT_VARIABLE uid OUTPUT_STRIP_TRAILING_WHITESPACE)
set(as_user)
set(program "${NETADOPT}")
set(work "${WORK}")
if(uid STREQUAL "0")
  execute_process(COMMAND mktemp -d /tmp/netadopt-unreadable-XXXXXX OUTPUT_VARIABLE work
                  OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
  execute_process(COMMAND chmod 0777 "${work}" COMMAND_ERROR_IS_FATAL ANY)
  file(COPY_FILE "${NETADOPT}" "${work}/netadopt")
  execute_process(COMMAND chmod 0755 "${work}/netadopt" COMMAND_ERROR_IS_FATAL ANY)
  set(program "${work}/netadopt")
  set(as_user setpriv --reuid=65534 --regid=65534 --clear-groups)
endif()

set(file "${work}/unreadable.ini")
set(out "${work}/unreadable.h5")
file(REMOVE "${file}" "${out}")
file(COPY_FILE "${INPUT}" "${file}")
execute_process(COMMAND chmod 000 "${file}")
execute_process(COMMAND ${as_user} "${program}" run "${file}" -o "${out}" --quiet
                RESULT_VARIABLE code ERROR_VARIABLE err)
execute_process(COMMAND chmod 600 "${file}")  # file(CHMOD) cannot see an unreadable file
file(REMOVE "${file}")
set(written FALSE)
if(EXISTS "${out}")
  set(written TRUE)
endif()
if(uid STREQUAL "0")
  file(REMOVE_RECURSE "${work}")
endif()
if(NOT code STREQUAL "66" OR NOT err MATCHES "unreadable\\.ini: cannot read scenario file: Permission denied"
   OR written)
  message(FATAL_ERROR "expected exit 66, 'Permission denied' and no ${out}; got ${code}:\n${err}")
endif()
