# Helpers that give every egin target the same warnings, sanitizers and include layout.

# egin_warnings(<target>): the project's warning set, as errors when EGIN_WERROR is on.
function(egin_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                           -Wno-sign-conversion)
  if(EGIN_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(EGIN_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
                                             -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()

# egin_library(<name> DEPS <targets...>): library egin_<name> from every .cpp in the current
# folder (one concept per file; adding a file needs no edit here). Headers live beside sources
# and are included as "egin/<name>/<file>.hpp".
function(egin_library name)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  if(NOT sources)
    # Header-only (or not yet written): an interface library keeps the dependency graph intact.
    add_library(egin_${name} INTERFACE)
    add_library(egin::${name} ALIAS egin_${name})
    target_include_directories(egin_${name} INTERFACE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(egin_${name} INTERFACE ${ARG_DEPS})
    return()
  endif()
  add_library(egin_${name} STATIC ${sources})
  add_library(egin::${name} ALIAS egin_${name})
  target_include_directories(egin_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(egin_${name} PUBLIC ${ARG_DEPS})
  egin_warnings(egin_${name})
endfunction()

# egin_unit_tests(<library> DEPS <targets...> PROPERTIES <name value...>): one GoogleTest program
# per library from every .cpp in tests/unit/<library>/, registered with CTest under the label
# "unit"; PROPERTIES are added to every discovered test (e.g. FIXTURES_REQUIRED, ENVIRONMENT).
function(egin_unit_tests name)
  cmake_parse_arguments(ARG "" "" "DEPS;PROPERTIES" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  if(NOT sources)
    return()
  endif()
  add_executable(unit_${name} ${sources})
  target_link_libraries(unit_${name} PRIVATE egin::${name} ${ARG_DEPS} GTest::gtest GTest::gtest_main)
  target_compile_definitions(unit_${name} PRIVATE EGIN_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  egin_warnings(unit_${name})
  gtest_discover_tests(unit_${name} DISCOVERY_TIMEOUT 60 PROPERTIES LABELS unit ${ARG_PROPERTIES})
endfunction()
