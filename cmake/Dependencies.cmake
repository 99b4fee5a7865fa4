# Every dependency comes from a Debian package; a missing one names the package to install.
macro(maxpods_require package debian_package)
  find_package(${package} ${ARGN} CONFIG QUIET)
  if(NOT ${package}_FOUND)
    message(FATAL_ERROR
      "maxpods needs ${package}: install it with `sudo apt-get install ${debian_package}`")
  endif()
endmacro()

maxpods_require(fmt libfmt-dev)
maxpods_require(nlohmann_json nlohmann-json3-dev)
maxpods_require(CLI11 libcli11-dev)
# Boost.Beast, header-only, is the HTTP client for the instance metadata service: unlike libcurl
# it adds no shared libraries to start-up and keeps the binary static.
maxpods_require(Boost libboost-dev 1.74)
if(MAXPODS_BUILD_TESTS)
  maxpods_require(Catch2 catch2)
endif()

# yaml-cpp reads eksctl ClusterConfig files for `maxpods check`. Debian ships it as a shared and a
# static library; a static maxpods takes the static one.
maxpods_require(yaml-cpp libyaml-cpp-dev)
add_library(maxpods_yaml INTERFACE)
if(MAXPODS_STATIC)
  find_library(MAXPODS_YAML_CPP_ARCHIVE NAMES libyaml-cpp.a)
  if(NOT MAXPODS_YAML_CPP_ARCHIVE)
    message(FATAL_ERROR "a static maxpods needs libyaml-cpp.a: `sudo apt-get install libyaml-cpp-dev`, "
                        "or configure with -DMAXPODS_STATIC=OFF")
  endif()
  target_link_libraries(maxpods_yaml INTERFACE ${MAXPODS_YAML_CPP_ARCHIVE})
  target_include_directories(maxpods_yaml INTERFACE
    $<TARGET_PROPERTY:yaml-cpp,INTERFACE_INCLUDE_DIRECTORIES>)
else()
  target_link_libraries(maxpods_yaml INTERFACE yaml-cpp)
endif()
