# forksafe_check(): a build target that runs forksafe on a target's sources.
#
#   find_package(forksafe CONFIG REQUIRED)      # includes this module
#   add_executable(server server.c db.c)
#   forksafe_check(TARGET server)                # cmake --build build --target server-forksafe
#
#   forksafe_check(TARGET <tgt>
#                  [NAME <check-target>]         # default <tgt>-forksafe
#                  [ALL]                         # run it in every build (the build fails on findings)
#                  [CHECKS <glob>...]            # --checks=, e.g. forksafe-* -forksafe-inherited-handle-close
#                  [RULES <file-or-dir>...]      # --rules= (your own libraries' rule files)
#                  [ARGS <arg>...]               # any other forksafe options
#                  [SOURCES <file>...]           # analyse these instead of the target's sources
#                  [NO_LINKED]                   # do not add the sources of linked in-project libraries
#                  [BUILD_TARGET_FIRST]          # build <tgt> before checking (generated headers)
#                  [BUILD_DIR <dir>])            # where compile_commands.json is; default CMAKE_BINARY_DIR
#
# The check target runs `forksafe -p <BUILD_DIR> --quiet [options] <sources>`
# and fails (so the build fails) when forksafe exits non-zero: 1 findings,
# 2 bad configuration, 3 translation units that could not be analysed.
# The analysis is whole-program over the sources it is given: by default the
# target's own C/C++/Objective-C sources plus those of the libraries of this
# project it links (recursively), so a handle connected in a library and used
# in the executable's child process is found.
#
# It turns on EXPORT_COMPILE_COMMANDS for the targets it checks (CMake writes
# compile_commands.json only with the Makefile and Ninja generators).
#
# The forksafe CLI: FORKSAFE_EXECUTABLE (set by find_package(forksafe) to the
# installed one), otherwise `forksafe` on PATH.
include_guard(GLOBAL)

function(forksafe_check)
  cmake_parse_arguments(PARSE_ARGV 0 _fs
    "ALL;NO_LINKED;BUILD_TARGET_FIRST"
    "TARGET;NAME;BUILD_DIR;EXECUTABLE"
    "CHECKS;RULES;ARGS;SOURCES")
  if(_fs_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "forksafe_check: unknown arguments: ${_fs_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT _fs_TARGET)
    message(FATAL_ERROR "forksafe_check: TARGET <target> is required")
  endif()
  if(NOT TARGET "${_fs_TARGET}")
    message(FATAL_ERROR "forksafe_check: '${_fs_TARGET}' is not a target")
  endif()
  get_target_property(_imported "${_fs_TARGET}" IMPORTED)
  if(_imported)
    message(FATAL_ERROR "forksafe_check: '${_fs_TARGET}' is an imported target; it has no sources to check")
  endif()

  set(_exe "${_fs_EXECUTABLE}")
  if(NOT _exe)
    set(_exe "${FORKSAFE_EXECUTABLE}")
  endif()
  if(NOT _exe)
    find_program(FORKSAFE_EXECUTABLE forksafe)
    set(_exe "${FORKSAFE_EXECUTABLE}")
  endif()
  if(NOT _exe)
    message(FATAL_ERROR "forksafe_check: the forksafe program was not found; "
                        "install it or set FORKSAFE_EXECUTABLE")
  endif()

  if(NOT CMAKE_GENERATOR MATCHES "Makefiles|Ninja")
    message(WARNING "forksafe_check: the ${CMAKE_GENERATOR} generator writes no "
                    "compile_commands.json; use Ninja or Unix Makefiles")
  endif()

  set(_name "${_fs_NAME}")
  if(NOT _name)
    set(_name "${_fs_TARGET}-forksafe")
  endif()
  if(TARGET "${_name}")
    message(FATAL_ERROR "forksafe_check: a target named '${_name}' already exists (use NAME)")
  endif()
  set(_build_dir "${_fs_BUILD_DIR}")
  if(NOT _build_dir)
    set(_build_dir "${CMAKE_BINARY_DIR}")
  endif()

  set(_cmd "${_exe}" -p "${_build_dir}" --quiet)
  if(_fs_CHECKS)
    list(JOIN _fs_CHECKS "," _checks)
    list(APPEND _cmd "--checks=${_checks}")
  endif()
  foreach(_r IN LISTS _fs_RULES)
    get_filename_component(_r "${_r}" ABSOLUTE)
    list(APPEND _cmd "--rules=${_r}")
  endforeach()
  list(APPEND _cmd ${_fs_ARGS})

  # The sources are collected at the end of the calling directory, so
  # target_sources() after forksafe_check() are seen.
  set(_p "_FORKSAFE_CHECK_${_name}")
  set_property(GLOBAL PROPERTY "${_p}_TARGET" "${_fs_TARGET}")
  set_property(GLOBAL PROPERTY "${_p}_COMMAND" "${_cmd}")
  set_property(GLOBAL PROPERTY "${_p}_SOURCES" "${_fs_SOURCES}")
  set_property(GLOBAL PROPERTY "${_p}_ALL" "${_fs_ALL}")
  set_property(GLOBAL PROPERTY "${_p}_NO_LINKED" "${_fs_NO_LINKED}")
  set_property(GLOBAL PROPERTY "${_p}_BUILD_FIRST" "${_fs_BUILD_TARGET_FIRST}")
  set_property(GLOBAL PROPERTY "${_p}_BUILD_DIR" "${_build_dir}")
  set_property(GLOBAL PROPERTY "${_p}_SOURCE_DIR" "${CMAKE_CURRENT_SOURCE_DIR}")
  cmake_language(EVAL CODE "cmake_language(DEFER CALL _forksafe_check_finalize [==[${_name}]==])")
endfunction()

# The in-project library targets <tgt> links, recursively (imported targets,
# plain library names and generator expressions are skipped).
function(_forksafe_linked_targets tgt out)
  set(_seen "${tgt}")
  set(_todo "${tgt}")
  set(_result "")
  while(_todo)
    list(POP_FRONT _todo _t)
    get_target_property(_type "${_t}" TYPE)
    set(_libs "")
    if(NOT _type STREQUAL "INTERFACE_LIBRARY")
      get_target_property(_libs "${_t}" LINK_LIBRARIES)
    endif()
    get_target_property(_ilibs "${_t}" INTERFACE_LINK_LIBRARIES)
    foreach(_l IN LISTS _libs _ilibs)
      if(_l MATCHES "^\\$<LINK_ONLY:([^>$]+)>$")
        set(_l "${CMAKE_MATCH_1}")
      endif()
      if(NOT _l OR _l MATCHES "\\$<" OR NOT TARGET "${_l}")
        continue()
      endif()
      get_target_property(_aliased "${_l}" ALIASED_TARGET)
      if(_aliased)
        set(_l "${_aliased}")
      endif()
      get_target_property(_imp "${_l}" IMPORTED)
      if(_imp OR "${_l}" IN_LIST _seen)
        continue()
      endif()
      list(APPEND _seen "${_l}")
      list(APPEND _todo "${_l}")
      list(APPEND _result "${_l}")
    endforeach()
  endwhile()
  set(${out} "${_result}" PARENT_SCOPE)
endfunction()

# Absolute paths of the translation units of <tgt> (headers are skipped).
function(_forksafe_target_sources tgt out)
  get_target_property(_srcs "${tgt}" SOURCES)
  get_target_property(_sdir "${tgt}" SOURCE_DIR)
  get_target_property(_bdir "${tgt}" BINARY_DIR)
  set(_result "")
  foreach(_s IN LISTS _srcs)
    if(_s MATCHES "\\$<")
      continue() # generator expression (e.g. $<TARGET_OBJECTS:...>)
    endif()
    if(NOT _s MATCHES "\\.(c|cc|cp|cpp|cxx|c\\+\\+|C|CPP|m|mm)$")
      continue()
    endif()
    if(NOT IS_ABSOLUTE "${_s}")
      if(EXISTS "${_sdir}/${_s}")
        set(_s "${_sdir}/${_s}")
      else()
        set(_s "${_bdir}/${_s}")
      endif()
    endif()
    get_filename_component(_s "${_s}" ABSOLUTE)
    list(APPEND _result "${_s}")
  endforeach()
  set(${out} "${_result}" PARENT_SCOPE)
endfunction()

function(_forksafe_check_finalize name)
  set(_p "_FORKSAFE_CHECK_${name}")
  foreach(_k TARGET COMMAND SOURCES ALL NO_LINKED BUILD_FIRST BUILD_DIR SOURCE_DIR)
    get_property(_${_k} GLOBAL PROPERTY "${_p}_${_k}")
  endforeach()

  set(_targets "${_TARGET}")
  if(NOT _NO_LINKED)
    _forksafe_linked_targets("${_TARGET}" _linked)
    list(APPEND _targets ${_linked})
  endif()
  foreach(_t IN LISTS _targets)
    get_target_property(_type "${_t}" TYPE)
    if(NOT _type STREQUAL "INTERFACE_LIBRARY")
      set_property(TARGET "${_t}" PROPERTY EXPORT_COMPILE_COMMANDS ON)
    endif()
  endforeach()

  set(_files "")
  if(_SOURCES)
    foreach(_s IN LISTS _SOURCES)
      if(NOT IS_ABSOLUTE "${_s}")
        set(_s "${_SOURCE_DIR}/${_s}")
      endif()
      list(APPEND _files "${_s}")
    endforeach()
  else()
    foreach(_t IN LISTS _targets)
      get_target_property(_type "${_t}" TYPE)
      if(_type STREQUAL "INTERFACE_LIBRARY")
        continue()
      endif()
      _forksafe_target_sources("${_t}" _ts)
      list(APPEND _files ${_ts})
    endforeach()
  endif()
  list(REMOVE_DUPLICATES _files)

  set(_all "")
  if(_ALL)
    set(_all ALL)
  endif()
  if(NOT _files)
    message(WARNING "forksafe_check: target '${_TARGET}' has no C/C++ sources to check")
    add_custom_target("${name}" ${_all}
      COMMAND "${CMAKE_COMMAND}" -E echo "forksafe: ${_TARGET} has no sources to check")
    return()
  endif()
  add_custom_target("${name}" ${_all}
    COMMAND ${_COMMAND} ${_files}
    WORKING_DIRECTORY "${_BUILD_DIR}"
    COMMENT "forksafe: checking ${_TARGET}"
    VERBATIM
    USES_TERMINAL)
  if(_BUILD_FIRST)
    add_dependencies("${name}" "${_TARGET}")
  endif()
endfunction()
