# The library for other C++ projects: find_package(maxpods) and link maxpods::lib.
include(CMakePackageConfigHelpers)

set(MAXPODS_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/maxpods)
install(TARGETS maxpods_lib EXPORT maxpodsTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/maxpods DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT development)
install(FILES ${PROJECT_BINARY_DIR}/generated/include/maxpods/version.hpp
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/maxpods COMPONENT development)
install(EXPORT maxpodsTargets NAMESPACE maxpods:: DESTINATION ${MAXPODS_CMAKE_DIR}
  COMPONENT development)

configure_package_config_file(cmake/maxpodsConfig.cmake.in
  ${PROJECT_BINARY_DIR}/maxpodsConfig.cmake INSTALL_DESTINATION ${MAXPODS_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/maxpodsConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/maxpodsConfig.cmake
  ${PROJECT_BINARY_DIR}/maxpodsConfigVersion.cmake
  DESTINATION ${MAXPODS_CMAKE_DIR} COMPONENT development)
