# Cross-compiles maxpods for 64-bit Arm Linux (Graviton) with Debian's g++-aarch64-linux-gnu.
# Tools that run during the build (the table generator, the man page writer) run under
# qemu-aarch64 from Debian's qemu-user, which scripts/release.sh also uses to test the binary.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)

set(MAXPODS_SYSROOT /usr/aarch64-linux-gnu)
find_program(MAXPODS_QEMU_AARCH64 qemu-aarch64)
if(MAXPODS_QEMU_AARCH64)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${MAXPODS_QEMU_AARCH64} -L ${MAXPODS_SYSROOT})
endif()

# Libraries come from the Arm sysroot; header-only packages (fmt, CLI11, nlohmann/json, Boost)
# from the host's CMake package directories, since their headers are the same on every
# architecture.
set(CMAKE_FIND_ROOT_PATH ${MAXPODS_SYSROOT})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)

# CMake looks for package files in the target's multiarch directory (lib/aarch64-linux-gnu);
# fmt's, Boost's and yaml-cpp's (for its headers) are in the build machine's.
execute_process(COMMAND gcc -print-multiarch OUTPUT_VARIABLE maxpods_host_multiarch
  OUTPUT_STRIP_TRAILING_WHITESPACE)
set(maxpods_host_cmake /usr/lib/${maxpods_host_multiarch}/cmake)
file(GLOB maxpods_boost_dir ${maxpods_host_cmake}/Boost-*)
set(fmt_DIR ${maxpods_host_cmake}/fmt CACHE PATH "fmt's CMake files (header-only use)")
set(Boost_DIR ${maxpods_boost_dir} CACHE PATH "Boost's CMake files (header-only use)")
set(yaml-cpp_DIR ${maxpods_host_cmake}/yaml-cpp CACHE PATH "yaml-cpp's CMake files (headers)")
