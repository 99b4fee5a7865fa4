#pragma once

// The whole command line as a function: main() runs it with stdout and stderr, tests and the
// command-line fuzzer run it in-process with buffers.

#include <cstdio>
#include <span>

namespace maxpods::cli {

/// Runs maxpods with `args` (args[0] is the program name), writing to `out` and `err`, and
/// returns the exit status. Throws nothing.
int run(std::span<const char* const> args, std::FILE* out, std::FILE* err);

}  // namespace maxpods::cli
