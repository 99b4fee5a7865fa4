#pragma once

// Runs the built maxpods binary and captures what it printed.
//
// Environment variables point the suite at another build of the binary:
//   MAXPODS_TEST_BINARY          the binary to test (default: the one built with the tests)
//   MAXPODS_TEST_EMULATOR        a program to run it through, such as qemu-aarch64
//   MAXPODS_TEST_GOLDEN_STRIDE   walk only every Nth golden row through the binary, where each
//                                run is slow (sanitizers, emulation); the in-process walk still
//                                covers every row

#include <map>
#include <string>
#include <vector>

namespace maxpods::test {

/// What one run of a program printed and how it ended.
struct Run {
  std::string out;
  std::string err;
  int status = -1;  ///< exit status, or 128 + signal number
};

/// The maxpods binary under test.
std::string maxpods_binary();

/// Runs maxpods with `args`, stdin closed; `env` adds or replaces environment variables.
Run run_maxpods(const std::vector<std::string>& args,
                const std::map<std::string, std::string>& env = {});

/// Runs maxpods in this process, through maxpods::cli::run, capturing stdout and stderr.
Run run_in_process(const std::vector<std::string>& args);

/// 1, or MAXPODS_TEST_GOLDEN_STRIDE.
std::size_t golden_stride();

/// Runs any program the same way; a program without a slash is looked up in PATH.
Run run_program(const std::string& program, const std::vector<std::string>& args,
                const std::map<std::string, std::string>& env = {});

/// The whole text of a file.
std::string slurp(const std::string& path);

}  // namespace maxpods::test
