// The command line as one function: parse, run the chosen command, report errors. Every rule
// lives in the library.

#include "app.hpp"
#include "common.hpp"

#include <maxpods/suggest.hpp>

#include <fmt/format.h>

#include <cstdio>
#include <exception>
#include <sstream>

namespace {

using maxpods::cli::Command;
using maxpods::cli::ExitStatus;

constexpr std::string_view k_description =
    "maxpods: how many pods an EC2 instance type can run on EKS with the AWS VPC CNI, computed "
    "offline from a bundled instance table. Without a command it prints max pods as "
    "max-pods-calculator.sh does, and takes that script's flags.";

int to_int(ExitStatus status) {
  return static_cast<int>(status);
}

// The command to run: the innermost parsed command that was set up.
const Command& chosen(const std::vector<Command>& commands) {
  const Command* best = &commands.front();
  for (const auto& command : commands) {
    if (command.app->parsed() && command.app->get_parent() != nullptr) {
      best = &command;  // set-up order puts nested commands after their parents
    }
  }
  return *best;
}

// Options of the top-level command make no sense in front of a subcommand; they are only set
// up when no subcommand comes first.
void check_no_top_level_options(const CLI::App& app) {
  for (const CLI::App* sub : app.get_subcommands()) {
    for (const CLI::Option* option : app.get_options()) {
      if (option->count() > 0) {
        throw maxpods::Error(
            maxpods::ErrorKind::usage,
            fmt::format("{} is an option of the main command; put options after '{}'",
                        option->get_name(), sub->get_name()));
      }
    }
  }
}

// The innermost command the user chose: `maxpods`, `maxpods list`, `maxpods table generate`.
const CLI::App* innermost(const CLI::App* app) {
  for (const CLI::App* sub : app->get_subcommands()) {
    return innermost(sub);
  }
  return app;
}

std::string command_path(const CLI::App* app) {
  std::string path = app->get_name();
  for (const CLI::App* parent = app->get_parent(); parent != nullptr;
       parent = parent->get_parent()) {
    path.insert(0, parent->get_name() + " ");
  }
  return path;
}

// "unknown option '--prefix-delgation'; did you mean --prefix-delegation?"
std::string describe_extra(const CLI::App* app, const std::string& arg) {
  std::vector<std::string> names;
  if (arg.starts_with("-")) {
    for (const CLI::Option* option : app->get_options()) {
      for (const auto& name : option->get_lnames()) {
        names.push_back("--" + name);
      }
    }
    std::string word = arg.substr(0, arg.find('='));
    std::vector<std::string_view> candidates(names.begin(), names.end());
    // A cut-short name ("--cni-prefix-delegation") means the option it starts.
    std::vector<std::string> close;
    for (const auto& name : names) {
      if (word.size() > 2 && name.starts_with(word)) {
        close.push_back(name);
      }
    }
    if (close.empty()) {
      close = maxpods::closest(word, candidates);
    }
    return close.empty() ? fmt::format("unknown option '{}'", word)
                         : fmt::format("unknown option '{}'; did you mean {}?", word,
                                       maxpods::join_choices(close));
  }
  for (const CLI::App* sub : app->get_subcommands({})) {
    names.push_back(sub->get_name());
  }
  if (names.empty()) {
    return fmt::format("unexpected argument '{}'", arg);
  }
  std::vector<std::string_view> candidates(names.begin(), names.end());
  auto close = maxpods::closest(arg, candidates);
  return close.empty() ? fmt::format("unexpected argument '{}'; the commands are {}", arg,
                                     maxpods::join_choices(names))
                       : fmt::format("unknown command '{}'; did you mean {}?", arg,
                                     maxpods::join_choices(close));
}

std::string failure_message(const CLI::App* app, const CLI::Error& e) {
  const CLI::App* command = innermost(app);
  std::string message = e.what();
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    auto extras = command->remaining();
    if (!extras.empty()) {
      message = describe_extra(command, extras.front());
    }
  }
  return fmt::format("maxpods: error: {}\nRun '{} --help' for usage.\n", message,
                     command_path(command));
}

}  // namespace

namespace maxpods::cli {

int run(std::span<const char* const> args, std::FILE* out, std::FILE* err) {
  const Io io{out, err};
  const auto argc = static_cast<int>(args.size());
  const char* const* argv = args.data();
  CLI::App app{std::string(k_description), "maxpods"};
  try {
    configure_main(app);
    app.failure_message(failure_message);

    // Only the command being run gets its options: setting up every option of every command would
    // cost a lookup more than the lookup itself. A subcommand, if any, comes first.
    const std::string_view first = argc > 1 ? argv[1] : "";
    std::vector<Command> commands;
    bool subcommand_first = false;
    for (const auto& spec : k_subcommands) {
      subcommand_first = subcommand_first || spec.name == first;
    }
    if (!subcommand_first) {
      commands.push_back(setup_max_pods(app));
    } else {
      commands.push_back({&app, [](const Io&) -> ExitStatus {
                            throw maxpods::Error(maxpods::ErrorKind::usage, "no command to run");
                          }});
    }
    for (const auto& spec : k_subcommands) {
      CLI::App* sub = app.add_subcommand(std::string(spec.name), std::string(spec.description));
      if (spec.name == first) {
        commands.push_back(spec.setup(*sub));
      }
    }

    app.parse(argc, argv);
    check_no_top_level_options(app);
    return to_int(chosen(commands).run(io));
  } catch (const CLI::ParseError& e) {
    std::ostringstream help;
    std::ostringstream failure;
    int status = app.exit(e, help, failure);
    fmt::print(out, "{}", help.str());
    fmt::print(err, "{}", failure.str());
    return status == 0 ? 0 : to_int(ExitStatus::usage);
  } catch (const Error& e) {
    fmt::print(err, "maxpods: error: {}\n", e.what());
    return to_int(exit_status(e.kind()));
  } catch (const std::exception& e) {
    fmt::print(err, "maxpods: internal error: {}\n", e.what());
    return to_int(ExitStatus::internal);
  }
}

}  // namespace maxpods::cli
