// The main command: `maxpods --instance-type TYPE ...` prints max pods, as max-pods-calculator.sh.

#include "common.hpp"
#include "output.hpp"

#include <fmt/format.h>

#include <memory>

namespace maxpods::cli {
namespace {

struct MaxPodsCommand {
  MaxPodsFlags flags;
  std::string format = "number";
  bool quiet = false;
};

ExitStatus run_max_pods(const MaxPodsCommand& command) {
  check_format(command.format, {"number", "json"});
  MaxPodsOptions options = to_options(command.flags);
  if (command.flags.instance_type.empty()) {
    throw Error(ErrorKind::usage,
                "no instance type: give --instance-type TYPE (for example m5.large)");
  }
  Catalog catalog;
  MaxPodsResult result = compute_max_pods(catalog.get(command.flags.instance_type), options);
  if (command.format == "json") {
    fmt::print("{}\n", to_json(result).dump(2));
  } else {
    fmt::print("{}\n", result.max_pods);
  }
  print_notes(result.notes, command.quiet);
  return ExitStatus::ok;
}

}  // namespace

Command setup_max_pods(CLI::App& app) {
  auto command = std::make_shared<MaxPodsCommand>();
  add_max_pods_flags(app, command->flags);
  app.add_option("-o,--output", command->format, "Output format: number or json")
      ->type_name("FORMAT")
      ->capture_default_str()
      ->group("Output");
  app.add_flag("-q,--quiet", command->quiet, "Do not print notes on stderr")->group("Output");
  return {&app, [command] { return run_max_pods(*command); }};
}

}  // namespace maxpods::cli
