# A scenario file one byte over the 64 MiB bound: `validate` and `run` exit 66 at once with the
# file and the limit, and `run` writes nothing. The file is made sparse (truncate), so it takes
# no disk space, and removed afterwards.
#   cmake -DNETADOPT=prog -DWORK=dir -P oversize.cmake
cmake_minimum_required(VERSION 3.25)

set(file "${WORK}/oversize.ini")
set(out "${WORK}/oversize.h5")
file(REMOVE "${file}" "${out}")
math(EXPR bytes "64 * 1024 * 1024 + 1")
execute_process(COMMAND truncate -s ${bytes} "${file}" RESULT_VARIABLE made)
if(NOT made STREQUAL "0")
  message(FATAL_ERROR "cannot make a sparse file of ${bytes} bytes with truncate: ${made}")
endif()
set(expected "oversize\\.ini: cannot read scenario file: larger than 64 MiB; expected a short INI text file")
set(failures "")
foreach(command validate run)
  set(args "${command}" "${file}")
  if(command STREQUAL "run")
    list(APPEND args -o "${out}" --quiet)
  endif()
  execute_process(COMMAND "${NETADOPT}" ${args} RESULT_VARIABLE code ERROR_VARIABLE err
                  TIMEOUT 20)
  if(NOT code STREQUAL "66" OR NOT err MATCHES "${expected}")
    string(APPEND failures "${command}: expected exit 66 and '${expected}'; got ${code}:\n${err}\n")
  endif()
endforeach()
file(REMOVE "${file}")
if(EXISTS "${out}")
  string(APPEND failures "run left ${out} behind\n")
endif()
if(failures)
  message(FATAL_ERROR "${failures}")
endif()
