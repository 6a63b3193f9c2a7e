# netadopt_library(NAME SOURCES files... [PUBLIC libs...] [PRIVATE libs...]): the library of one
# folder under sim/ (README, "Architecture"): target netadopt_NAME, alias netadopt::NAME, its
# public headers under include/netadopt/. PUBLIC lists the libraries below it that it uses.
function(netadopt_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC;PRIVATE" ${ARGN})
  add_library(netadopt_${name} STATIC ${ARG_SOURCES})
  target_include_directories(netadopt_${name} PUBLIC ${PROJECT_SOURCE_DIR}/include)
  target_link_libraries(netadopt_${name} PUBLIC ${ARG_PUBLIC} PRIVATE ${ARG_PRIVATE})
  add_library(netadopt::${name} ALIAS netadopt_${name})
endfunction()
