#pragma once

// Runs the built maxpods binary and captures what it printed.

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

/// Runs maxpods with `args`, stdin closed; `env` adds or replaces environment variables.
Run run_maxpods(const std::vector<std::string>& args,
                const std::map<std::string, std::string>& env = {});

/// Runs any program the same way.
Run run_program(const std::string& program, const std::vector<std::string>& args,
                const std::map<std::string, std::string>& env = {});

/// The whole text of a file.
std::string slurp(const std::string& path);

}  // namespace maxpods::test
