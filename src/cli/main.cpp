// maxpods: main() and the command-line wiring. Every rule lives in the library.

#include "common.hpp"

#include <maxpods/suggest.hpp>

#include <maxpods/version.hpp>

#include <fmt/format.h>

#include <cstdio>
#include <exception>

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

// The command chosen on the command line: a subcommand, or the top-level one.
const Command& chosen(const std::vector<Command>& commands, const CLI::App& app) {
  for (const auto& command : commands) {
    if (command.app != &app && command.app->parsed()) {
      // A nested command (`table generate`) is chosen over its parent.
      for (const auto& nested : commands) {
        if (nested.app->get_parent() == command.app && nested.app->parsed()) {
          return nested;
        }
      }
      return command;
    }
  }
  return commands.front();
}

// Options of the top-level command make no sense in front of a subcommand.
void check_no_top_level_options(const CLI::App& app, const Command& command) {
  if (command.app == &app) {
    return;
  }
  for (const CLI::Option* option : app.get_options()) {
    if (option->count() > 0) {
      throw maxpods::Error(
          maxpods::ErrorKind::usage,
          fmt::format("{} is an option of the main command; put options after '{}'",
                      option->get_name(), command.app->get_name()));
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
    path = parent->get_name() + " " + path;
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

int main(int argc, char** argv) {
  CLI::App app{std::string(k_description), "maxpods"};
  app.set_version_flag("--version", [] {
    return fmt::format("maxpods {}\n{}", maxpods::k_version, maxpods::cli::table_summary());
  });
  app.require_subcommand(0, 1);
  app.failure_message(failure_message);
  app.get_formatter()->column_width(40);

  std::vector<Command> commands;
  commands.push_back(maxpods::cli::setup_max_pods(app));
  commands.push_back(maxpods::cli::setup_explain(app));
  commands.push_back(maxpods::cli::setup_list(app));
  commands.push_back(maxpods::cli::setup_capacity(app));
  commands.push_back(maxpods::cli::setup_check(app));
  commands.push_back(maxpods::cli::setup_table(app));

  try {
    app.parse(argc, argv);
    const Command& command = chosen(commands, app);
    check_no_top_level_options(app, command);
    return to_int(command.run());
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e);
    return status == 0 ? 0 : to_int(ExitStatus::usage);
  } catch (const maxpods::Error& e) {
    fmt::print(stderr, "maxpods: error: {}\n", e.what());
    return to_int(maxpods::cli::exit_status(e.kind()));
  } catch (const std::exception& e) {
    fmt::print(stderr, "maxpods: internal error: {}\n", e.what());
    return to_int(ExitStatus::internal);
  }
}
