// The whole command line, in-process: the input is an argument vector, one argument per line.
// Whatever the arguments, maxpods ends with a documented exit status, never an internal error,
// and a failing run prints its error on stderr and nothing on stdout.

#include "fuzz.hpp"

#include "../cli/run.hpp"

#include <cstdlib>
#include <string>
#include <vector>

namespace {

constexpr std::size_t k_max_args = 24;

// Arguments the harness leaves out: writing files (table generate --out) and reading devices,
// which a user could ask for but which only slow the fuzzer down.
bool excluded(std::string_view arg) {
  return arg.starts_with("--out") || arg.find("/dev/") != std::string_view::npos ||
         arg.find("/proc/") != std::string_view::npos;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // No instance metadata service: every --instance-type-from-imds fails at once.
  setenv("AWS_EC2_METADATA_DISABLED", "true", 1);
  unsetenv("MAXPODS_INSTANCE_DATA");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = maxpods::fuzz::as_text(data, size);
  std::vector<std::string> args;
  while (!text.empty() && args.size() < k_max_args) {
    auto end = text.find('\n');
    std::string_view arg = text.substr(0, end);
    if (excluded(arg)) {
      return 0;
    }
    args.emplace_back(arg);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
  }
  auto run = maxpods::test::run_in_process(args);
  // 0 ok, 1 a check failed, 2 usage, 3 unknown type, 4 data, 5 unsupported, 6 metadata.
  MAXPODS_FUZZ_ASSERT(run.status >= 0 && run.status <= 6);
  if (run.status >= 2) {
    MAXPODS_FUZZ_ASSERT(run.out.empty());
    MAXPODS_FUZZ_ASSERT(!run.err.empty());
  }
  return 0;
}
