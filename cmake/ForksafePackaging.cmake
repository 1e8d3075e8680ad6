# Install rules for the CMake package and CPack (Debian package).
#
# Included at the end of the top-level CMakeLists.txt. What it adds:
#   <prefix>/lib/cmake/forksafe/forksafeConfig.cmake          find_package(forksafe)
#   <prefix>/lib/cmake/forksafe/forksafeConfigVersion.cmake
#   <prefix>/lib/cmake/forksafe/forksafeTargets.cmake         forksafe::runtime
#   <prefix>/lib/cmake/forksafe/ForksafeCheck.cmake           forksafe_check(TARGET ...)
# and `cpack -G DEB` (package "forksafe": the CLI, the rules, the runtime
# headers, the clang-tidy plugin and the CMake package).
include_guard(GLOBAL)
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(FORKSAFE_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/forksafe"
    CACHE STRING "Where the CMake package files are installed (relative to the prefix)")
mark_as_advanced(FORKSAFE_INSTALL_CMAKEDIR)

# ---- CMake package ----------------------------------------------------------
# The runtime target is forksafe_runtime in this build and forksafe::runtime
# for users (the alias here, the exported name there).
if(TARGET forksafe_runtime)
  set_target_properties(forksafe_runtime PROPERTIES EXPORT_NAME runtime)
  install(EXPORT forksafeTargets
    NAMESPACE forksafe::
    FILE forksafeTargets.cmake
    DESTINATION "${FORKSAFE_INSTALL_CMAKEDIR}")
endif()

configure_package_config_file(
  "${CMAKE_CURRENT_LIST_DIR}/forksafeConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/cmake/forksafeConfig.cmake"
  INSTALL_DESTINATION "${FORKSAFE_INSTALL_CMAKEDIR}"
  PATH_VARS CMAKE_INSTALL_BINDIR CMAKE_INSTALL_DATADIR CMAKE_INSTALL_INCLUDEDIR)
# 0.x: a minor release may change the CLI or the runtime API.
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/cmake/forksafeConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}"
  COMPATIBILITY SameMinorVersion)
install(FILES
  "${PROJECT_BINARY_DIR}/cmake/forksafeConfig.cmake"
  "${PROJECT_BINARY_DIR}/cmake/forksafeConfigVersion.cmake"
  "${PROJECT_SOURCE_DIR}/integration/cmake/ForksafeCheck.cmake"
  DESTINATION "${FORKSAFE_INSTALL_CMAKEDIR}")

# Documentation and the CI/pre-commit templates, for reference.
install(FILES "${PROJECT_SOURCE_DIR}/README.md" DESTINATION "${CMAKE_INSTALL_DOCDIR}")
install(FILES "${PROJECT_SOURCE_DIR}/integration/README.md"
  DESTINATION "${CMAKE_INSTALL_DOCDIR}" RENAME README.integration.md OPTIONAL)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/integration/ci/"
  DESTINATION "${CMAKE_INSTALL_DATADIR}/forksafe/ci")

# ---- CPack: Debian package --------------------------------------------------
# cpack -G DEB  (from the build tree; -B DIR puts the .deb and staging in DIR)
set(CPACK_PACKAGE_NAME "forksafe")
set(CPACK_PACKAGE_VENDOR "forksafe")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "forksafe maintainers <forksafe@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "finds database handles that are live at fork() and used in the child")
set(CPACK_PACKAGE_DESCRIPTION
"forksafe is a Clang LibTooling checker that finds code which opens a
database (or other fork-unsafe) handle and then forks: the child uses or
closes the inherited connection, so parent and child share one socket.
It reads a compile_commands.json and reports in clang's format (and as
SARIF, JSON or GitLab Code Quality). The package also contains the rule
files, the header-only runtime companion (forksafe/runtime.h), the
clang-tidy plugin and the CMake package (find_package(forksafe)).")
set(CPACK_RESOURCE_FILE_README "${PROJECT_SOURCE_DIR}/README.md")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/;/build/;/build-.*/")

set(CPACK_DEBIAN_PACKAGE_NAME "forksafe")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
# The CLI links libclang-cpp.so.19.1 and libLLVM.so.19.1 (ldd: libclang-cpp19,
# libllvm19, plus libc6, libstdc++6, libgcc-s1) and parses with clang's
# builtin headers from /usr/lib/llvm-19/lib/clang/19 (libclang-common-19-dev,
# which no library dependency brings in). With dpkg-shlibdeps (dpkg-dev) the
# library dependencies get their exact versions from it; without, they are
# listed here.
set(FORKSAFE_DEB_HEADER_DEPENDS "libclang-common-19-dev (>= 1:19.1)"
    CACHE STRING "Depends: of the Debian package that dpkg-shlibdeps cannot see")
set(FORKSAFE_DEB_LIBRARY_DEPENDS
    "libclang-cpp19 (>= 1:19.1), libllvm19 (>= 1:19.1), libc6, libstdc++6, libgcc-s1"
    CACHE STRING "Depends: of the Debian package when dpkg-shlibdeps is not available")
mark_as_advanced(FORKSAFE_DEB_HEADER_DEPENDS FORKSAFE_DEB_LIBRARY_DEPENDS)
find_program(FORKSAFE_DPKG_SHLIBDEPS dpkg-shlibdeps)
mark_as_advanced(FORKSAFE_DPKG_SHLIBDEPS)
if(FORKSAFE_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "${FORKSAFE_DEB_HEADER_DEPENDS}")
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "${FORKSAFE_DEB_LIBRARY_DEPENDS}, ${FORKSAFE_DEB_HEADER_DEPENDS}")
endif()
# find_package(forksafe) and forksafe_check() need CMake; the plugin needs
# clang-tidy-19.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "cmake (>= 3.20), clang-tidy-19")

include(CPack)
