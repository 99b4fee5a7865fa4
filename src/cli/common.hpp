#pragma once

// Pieces every maxpods command shares: exit statuses, option wiring and output helpers.

#include <maxpods/catalog.hpp>
#include <maxpods/error.hpp>
#include <maxpods/max_pods.hpp>

#include <CLI/CLI.hpp>

#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace maxpods::cli {

/// Exit statuses of maxpods, as the README lists them.
enum class ExitStatus : int {
  ok = 0,
  check_failed = 1,           ///< `maxpods check` found a node group that does not fit
  usage = 2,                  ///< bad option, value or input file
  unknown_instance_type = 3,  ///< the instance type is in no table
  data = 4,                   ///< an instance data file is unreadable or malformed
  unsupported = 5,            ///< no answer exists for this type and settings
  metadata = 6,               ///< the instance metadata service gave no instance type
  internal = 70,              ///< a bug in maxpods
};

/// The exit status for an error of that kind.
ExitStatus exit_status(ErrorKind kind);

/// Where a run of maxpods writes: stdout and stderr for the binary, buffers for a test.
struct Io {
  std::FILE* out;
  std::FILE* err;
};

/// A command: its CLI11 subcommand (or the top-level app) and what runs when it is chosen.
struct Command {
  CLI::App* app;
  std::function<ExitStatus(const Io&)> run;
};

/// The max-pods settings as typed on the command line, checked by to_options().
struct MaxPodsFlags {
  std::string instance_type;
  bool instance_type_from_imds = false;
  std::optional<std::string> cni_version;
  bool prefix_delegation = false;
  bool custom_networking = false;
  std::optional<std::string> max_eni;
  bool show_max_allowed = false;

  bool security_groups_for_pods = false;
  std::string ip_family = "ipv4";
  std::string os = "linux";
  bool cilium_eni = false;
  std::optional<std::string> reserved_enis;
  std::optional<std::string> efa_only_interfaces;
  std::optional<std::string> host_network_pods;
  std::optional<std::string> pods_per_core;
  std::optional<std::string> max_pods_cap;
  bool cni_semantics = false;

  std::vector<std::string> instance_data;  ///< files of extra or newer instance types
};

/// Which max-pods flags a command takes.
enum class FlagSet {
  one_type,    ///< --instance-type and every setting
  every_type,  ///< the settings that apply to a listing of all types
};

/// Adds the max-pods flags of `set` to a command.
void add_max_pods_flags(CLI::App& app, MaxPodsFlags& flags, FlagSet set = FlagSet::one_type);

/// The instance type asked about: --instance-type, or the metadata service's answer with
/// --instance-type-from-imds. Throws Error(usage) when neither or both are given.
std::string resolve_instance_type(const MaxPodsFlags& flags);

/// Adds --instance-data FILE (repeatable).
void add_instance_data_flag(CLI::App& app, std::vector<std::string>& files);

/// The bundled table plus the types of $MAXPODS_INSTANCE_DATA (colon-separated files), then of
/// `files`; later files override earlier ones. Parses only when a file is given.
Catalog load_catalog(const std::vector<std::string>& files);

/// Checks the typed settings; throws Error(usage) naming the option at fault.
MaxPodsOptions to_options(const MaxPodsFlags& flags);

/// Parses a whole number typed for `option`, at least `minimum`; throws Error(usage).
int parse_count(std::string_view option, const std::string& text, int minimum);

/// Adds an option that stores its value, when given, in an optional string.
CLI::Option* add_optional(CLI::App& app, const std::string& names,
                          std::optional<std::string>& value, const std::string& description);

/// The values an option of a command takes, where they are a fixed set: --output formats,
/// --os, --ip-family. Empty for any other option. Used to check values and to complete them.
std::vector<std::string> option_values(std::string_view command, std::string_view option);

/// Checks the --output value of `command` ("" for the main command); throws Error(usage).
void check_format(std::string_view command, const std::string& format);

/// Reads a whole file; throws an Error of `kind` naming it when it cannot.
std::string read_file(const std::string& path, ErrorKind kind = ErrorKind::data);

/// Prints one "note: ..." line per note on io.err, unless quiet.
void print_notes(const Io& io, const std::vector<std::string>& notes, bool quiet);

/// Describes the bundled table for --version: source, date, age and type count.
std::string table_summary();

// One setup function per command, each in its own file: it adds the command's options to its
// (sub)command and returns what runs it.
Command setup_max_pods(CLI::App& app);
Command setup_explain(CLI::App& sub);
Command setup_list(CLI::App& sub);
Command setup_capacity(CLI::App& sub);
Command setup_check(CLI::App& sub);
Command setup_table(CLI::App& sub);
Command setup_completion(CLI::App& sub);

/// A subcommand: its name, its one-line description and its setup function.
struct Subcommand {
  std::string_view name;
  std::string_view description;
  Command (*setup)(CLI::App&);
};

/// Every subcommand, in the order --help lists them.
inline constexpr Subcommand k_subcommands[] = {
    {"explain", "Show how the max-pods count is derived, and what kubelet reserves", setup_explain},
    {"list", "List every instance type with its max pods, secondary IPs and prefixes side by side",
     setup_list},
    {"capacity", "Plan ENIs and subnet addresses: what nodes of a type take, and how many fit",
     setup_capacity},
    {"check",
     "Check node groups in eksctl ClusterConfig files or maxpods specs: max pods per node and "
     "subnet room. Exit 0 when all pass, 1 when a check fails, 2 on bad input",
     setup_check},
    {"table", "Maintain the instance table", setup_table},
    {"completion", "Print a bash or zsh completion script", setup_completion},
};

/// Sets what the top-level command shows: --version, the help footer, one subcommand at most.
void configure_main(CLI::App& app);

/// Sets up every command with all its options, for what needs the whole command line, such as
/// shell completion.
void setup_all(CLI::App& app);

}  // namespace maxpods::cli
