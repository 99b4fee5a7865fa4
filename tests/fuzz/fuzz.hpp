#pragma once

// Shared by the fuzz harnesses. Each harness defines LLVMFuzzerTestOneInput; it is linked either
// with libFuzzer (scripts/fuzz.sh, clang) or with replay_main.cpp, which runs saved inputs as a
// regression test in every build.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace maxpods::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A property that must hold for every input: when it does not, say which and abort, so that
// libFuzzer saves the input and the replay test fails.
[[noreturn]] inline void fail(const char* property, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: property failed: %s\n", file, line, property);
  std::abort();
}

}  // namespace maxpods::fuzz

#define MAXPODS_FUZZ_ASSERT(property) \
  ((property) ? static_cast<void>(0) : ::maxpods::fuzz::fail(#property, __FILE__, __LINE__))
