# Runs one command and checks its exit code and output; a CLI test is one call of this script.
#
#   cmake "-DCMD=prog;arg;..." -DEXPECT_CODE=65 ["-DEXPECT_STDERR=regex"]
#         ["-DEXPECT_STDERR_2=regex" ...] ["-DEXPECT_STDOUT=regex" ...] [-DTOUCH=file]
#         [-DEXPECT_ABSENT=file] -P expect.cmake
#
# CMD is a list, one element per argument, so paths with spaces survive. EXPECT_STDERR,
# EXPECT_STDERR_2, _3, ... (and the same for STDOUT) must each match somewhere in that stream.
# Each regex is its own variable, not a list: CMake does not split a list at a `;` inside
# square brackets, and a regex for "(0, 1]" has an unbalanced one.
# TOUCH names a file created before the run that must be left unchanged (an output that the
# command must refuse to overwrite).
# EXPECT_STDOUT_LACKS is a regex that must NOT match stdout.
# EXPECT_ABSENT names an output that must not exist after the run, nor any FILE.tmp-* beside it,
# nor a sweep's journal folder FILE.pairs (a refused run leaves nothing behind); they are
# removed before the run.
cmake_minimum_required(VERSION 3.25)

if(NOT DEFINED CMD OR NOT DEFINED EXPECT_CODE)
  message(FATAL_ERROR "expect.cmake needs -DCMD=... and -DEXPECT_CODE=...")
endif()

set(touch_content "netadopt test: must not be overwritten\n")
if(TOUCH)
  file(WRITE "${TOUCH}" "${touch_content}")
endif()

if(EXPECT_ABSENT)
  file(GLOB stale "${EXPECT_ABSENT}.tmp-*")
  file(REMOVE_RECURSE "${EXPECT_ABSENT}" "${EXPECT_ABSENT}.pairs" ${stale})
endif()

execute_process(COMMAND ${CMD} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)

set(failures "")
if(NOT code STREQUAL EXPECT_CODE)
  string(APPEND failures "  exit code ${code}, expected ${EXPECT_CODE}\n")
endif()
# check_stream(NAME TEXT): every EXPECT_<NAME>, EXPECT_<NAME>_2, ... must match TEXT.
function(check_stream name text)
  set(variable EXPECT_${name})
  set(number 1)
  while(DEFINED ${variable})
    if(NOT "${${variable}}" STREQUAL "" AND NOT text MATCHES "${${variable}}")
      string(APPEND failures "  ${name} does not match: ${${variable}}\n")
    endif()
    math(EXPR number "${number} + 1")
    set(variable EXPECT_${name}_${number})
  endwhile()
  set(failures "${failures}" PARENT_SCOPE)
endfunction()
check_stream(STDERR "${err}")
if(DEFINED EXPECT_STDOUT_LACKS AND out MATCHES "${EXPECT_STDOUT_LACKS}")
  string(APPEND failures "  STDOUT matches what it must not: ${EXPECT_STDOUT_LACKS}\n")
endif()
check_stream(STDOUT "${out}")
if(TOUCH)
  file(READ "${TOUCH}" touched)
  if(NOT touched STREQUAL touch_content)
    string(APPEND failures "  ${TOUCH} was overwritten\n")
  endif()
  file(REMOVE "${TOUCH}")
endif()
if(EXPECT_ABSENT)
  file(GLOB leftovers LIST_DIRECTORIES true "${EXPECT_ABSENT}" "${EXPECT_ABSENT}.tmp-*"
       "${EXPECT_ABSENT}.pairs")
  foreach(leftover IN LISTS leftovers)
    string(APPEND failures "  ${leftover} exists; expected no output\n")
    file(REMOVE_RECURSE "${leftover}")
  endforeach()
endif()

if(failures)
  list(JOIN CMD " " command_line)
  message(FATAL_ERROR "command: ${command_line}\n${failures}"
                      "--- stdout ---\n${out}--- stderr ---\n${err}--------------")
endif()
