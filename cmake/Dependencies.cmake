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
