// maxpods: the binary. Everything it does is maxpods::cli::run.

#include "app.hpp"

#include <cstddef>
#include <cstdio>

int main(int argc, char** argv) {
  return maxpods::cli::run({argv, static_cast<std::size_t>(argc)}, stdout, stderr);
}
