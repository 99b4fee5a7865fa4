// The whole command line, in-process: the input is an argument vector, one argument per line.
// Whatever the arguments, maxpods ends with a documented exit status, never an internal error,
// and a failing run prints its error on stderr and nothing on stdout.

#include "fuzz.hpp"

#include <app.hpp>

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

// Discards what maxpods prints; the properties only need to know whether stdout was written.
struct Sink {
  char* data = nullptr;
  std::size_t size = 0;
  std::FILE* file = open_memstream(&data, &size);
  Sink() = default;
  Sink(const Sink&) = delete;
  Sink& operator=(const Sink&) = delete;
  ~Sink() {
    std::fclose(file);
    std::free(data);
  }
  std::size_t written() {
    std::fflush(file);
    return size;
  }
};

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // No instance metadata service: every --instance-type-from-imds fails at once.
  setenv("AWS_EC2_METADATA_DISABLED", "true", 1);
  unsetenv("MAXPODS_INSTANCE_DATA");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = maxpods::fuzz::as_text(data, size);
  std::vector<std::string> args{"maxpods"};
  while (!text.empty() && args.size() <= k_max_args) {
    auto end = text.find('\n');
    std::string_view arg = text.substr(0, end);
    if (excluded(arg)) {
      return 0;
    }
    args.emplace_back(arg);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
  }
  std::vector<const char*> argv;
  for (const auto& arg : args) {
    argv.push_back(arg.c_str());
  }

  Sink out;
  Sink err;
  int status = maxpods::cli::run(argv, out.file, err.file);
  // 0 ok, 1 a check failed, 2 usage, 3 unknown type, 4 data, 5 unsupported, 6 metadata.
  MAXPODS_FUZZ_ASSERT(status >= 0 && status <= 6);
  if (status >= 2) {
    MAXPODS_FUZZ_ASSERT(out.written() == 0);
    MAXPODS_FUZZ_ASSERT(err.written() > 0);
  }
  return 0;
}
