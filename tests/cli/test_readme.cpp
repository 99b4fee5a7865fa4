// The README's examples are real: every `$ maxpods ...` line of a console block prints what
// follows it.

#include "run.hpp"

#include <catch2/catch.hpp>

#include <sstream>

namespace {

struct Example {
  std::string command;
  std::string output;
};

std::vector<Example> readme_examples() {
  std::istringstream readme(maxpods::test::slurp(std::string(MAXPODS_SOURCE_DIR) + "/README.md"));
  std::vector<Example> examples;
  bool in_console = false;
  for (std::string line; std::getline(readme, line);) {
    if (line == "```console") {
      in_console = true;
    } else if (in_console && line == "```") {
      in_console = false;
    } else if (in_console && line.starts_with("$ ")) {
      examples.push_back({line.substr(2), ""});
    } else if (in_console && !examples.empty()) {
      examples.back().output += line + "\n";
    }
  }
  return examples;
}

std::vector<std::string> words(const std::string& command) {
  std::istringstream stream(command);
  std::vector<std::string> out;
  for (std::string word; stream >> word;) {
    out.push_back(word);
  }
  return out;
}

}  // namespace

TEST_CASE("every README example prints what the README shows") {
  auto examples = readme_examples();
  REQUIRE(examples.size() >= 8);
  for (const auto& example : examples) {
    auto args = words(example.command);
    REQUIRE(args.front() == "maxpods");
    args.erase(args.begin());
    if (args == std::vector<std::string>{"--version"}) {
      continue;  // its age in days changes daily; the version test checks the rest
    }
    INFO(example.command);
    auto run = maxpods::test::run_maxpods(args);
    CHECK(run.out + run.err == example.output);
  }
}
