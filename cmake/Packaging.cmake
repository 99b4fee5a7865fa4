# .deb and .rpm packages of the runtime component: the static binary, its man page and the shell
# completions. `cpack -G DEB` / `cpack -G RPM` in a build directory (rpm needs Debian's `rpm`).
set(CPACK_PACKAGE_NAME maxpods)
set(CPACK_PACKAGE_VENDOR maxpods)
set(CPACK_PACKAGE_CONTACT "maxpods maintainers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
  "maxpods answers offline how many pods an EC2 instance type can run on EKS with the AWS VPC \
CNI, and how many ENIs, IPs and subnet addresses that takes. A drop-in replacement for \
max-pods-calculator.sh, with the instance table compiled in.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_COMPONENTS_ALL runtime)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_RPM_COMPONENT_INSTALL ON)
set(CPACK_GENERATOR DEB RPM)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/packages)
# Strip the binary in the packages, with the target's strip (CMAKE_STRIP) when cross-compiling.
set(CPACK_STRIP_FILES ON)

if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64)$")
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE arm64)
  set(CPACK_RPM_PACKAGE_ARCHITECTURE aarch64)
else()
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE amd64)
  set(CPACK_RPM_PACKAGE_ARCHITECTURE x86_64)
endif()

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
# A static binary depends on nothing; bash-completion and zsh find the completions if present.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "")

set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_GROUP "Applications/System")
set(CPACK_RPM_PACKAGE_AUTOREQPROV OFF)
# rpmbuild's post-install steps strip and scan with the host's tools, which cannot read a
# cross-compiled binary; CPack has stripped it already.
set(CPACK_RPM_SPEC_MORE_DEFINE
  "%define __os_install_post %{nil}\n%define debug_package %{nil}\n%define _build_id_links none")
# Leave directories the packages share with the system (/usr/share/man/man1, ...) unowned.
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
  /usr/share/man /usr/share/man/man1 /usr/share/bash-completion
  /usr/share/bash-completion/completions /usr/share/zsh /usr/share/zsh/site-functions)

include(CPack)
