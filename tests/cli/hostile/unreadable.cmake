# A scenario file that exists but cannot be read (mode 000): `run` exits 66 with
# the reason and writes nothing. Root reads any file whatever its mode, so as root the case
# prints "netadopt-test-skipped", which the test's SKIP_REGULAR_EXPRESSION turns into a skip.
#   cmake -DNETADOPT=prog -DINPUT=small_valid.ini -DWORK=dir -P unreadable.cmake
cmake_minimum_required(VERSION 3.25)

execute_process(COMMAND id -u OUTPUT_VARIABLE uid OUTPUT_STRIP_TRAILING_WHITESPACE)
if(uid STREQUAL "0")
  message("netadopt-test-skipped: running as root, which can read a file of any mode")
  return()
endif()

set(file "${WORK}/unreadable.ini")
set(out "${WORK}/unreadable.h5")
file(REMOVE "${file}" "${out}")
file(COPY_FILE "${INPUT}" "${file}")
execute_process(COMMAND chmod 000 "${file}")
execute_process(COMMAND "${NETADOPT}" run "${file}" -o "${out}" --quiet
                RESULT_VARIABLE code ERROR_VARIABLE err)
execute_process(COMMAND chmod 600 "${file}")  # file(CHMOD) cannot see an unreadable file
file(REMOVE "${file}")
if(NOT code STREQUAL "66" OR NOT err MATCHES "unreadable\\.ini: cannot read scenario file: Permission denied"
   OR EXISTS "${out}")
  message(FATAL_ERROR "expected exit 66, 'Permission denied' and no ${out}; got ${code}:\n${err}")
endif()
