#include "common.hpp"

#include <maxpods/suggest.hpp>
#include <maxpods/version.hpp>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace maxpods::cli {

ExitStatus exit_status(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::usage:
      return ExitStatus::usage;
    case ErrorKind::unknown_instance_type:
      return ExitStatus::unknown_instance_type;
    case ErrorKind::data:
      return ExitStatus::data;
    case ErrorKind::unsupported:
      return ExitStatus::unsupported;
    case ErrorKind::metadata:
      return ExitStatus::metadata;
  }
  return ExitStatus::internal;
}

CLI::Option* add_optional(CLI::App& app, const std::string& names,
                          std::optional<std::string>& value, const std::string& description) {
  return app.add_option_function<std::string>(
      names, [&value](const std::string& text) { value = text; }, description);
}

void add_max_pods_flags(CLI::App& app, MaxPodsFlags& flags, FlagSet set) {
  const bool one_type = set == FlagSet::one_type;
  if (one_type) {
    app.add_option("-t,--instance-type", flags.instance_type, "EC2 instance type, e.g. m5.large")
        ->type_name("TYPE")
        ->group("Instance");
  }
  add_optional(app, "--cni-version", flags.cni_version,
               "VPC CNI version: 1.12.6, v1.12.6, 1.12.6-eksbuild.1 or 1.12; when omitted, a "
               "current CNI that supports prefix delegation is assumed")
      ->type_name("VERSION")
      ->default_str(std::string(k_assumed_cni_version))
      ->group("VPC CNI settings");
  if (one_type) {
    app.add_flag("--prefix-delegation,--cni-prefix-delegation-enabled", flags.prefix_delegation,
                 "Count /28 prefixes (ENABLE_PREFIX_DELEGATION): Nitro types, CNI 1.9 or later")
        ->group("VPC CNI settings");
  }
  app.add_flag("--custom-networking,--cni-custom-networking-enabled", flags.custom_networking,
               "Pods use ENIConfig subnets, so the primary ENI holds no pod addresses")
      ->group("VPC CNI settings");
  add_optional(app, "--max-eni,--cni-max-eni", flags.max_eni,
               "Use at most N ENIs of the default network card")
      ->type_name("N")
      ->default_str("all")
      ->group("VPC CNI settings");
  if (one_type) {
    app.add_flag("--show-max-allowed", flags.show_max_allowed,
                 "Print the uncapped count, not the recommended one (capped at 110, or 250 above "
                 "30 vCPUs)")
        ->group("VPC CNI settings");
  }
}

int parse_count(std::string_view option, const std::string& text, int minimum) {
  int value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) {
    throw Error(ErrorKind::usage, fmt::format("invalid {} '{}': expected a whole number of {} "
                                              "or more",
                                              option, text, minimum));
  }
  if (value < minimum) {
    throw Error(ErrorKind::usage,
                fmt::format("invalid {} {}: it must be {} or more", option, value, minimum));
  }
  return value;
}

MaxPodsOptions to_options(const MaxPodsFlags& flags) {
  MaxPodsOptions options;
  if (flags.cni_version) {
    options.cni_version = CniVersion::parse(*flags.cni_version);
  }
  options.prefix_delegation = flags.prefix_delegation;
  options.custom_networking = flags.custom_networking;
  if (flags.max_eni) {
    options.max_enis = parse_count("--max-eni", *flags.max_eni, 1);
  }
  options.show_max_allowed = flags.show_max_allowed;
  return options;
}

void check_format(const std::string& format, const std::vector<std::string>& allowed) {
  for (const auto& name : allowed) {
    if (format == name) {
      return;
    }
  }
  throw Error(ErrorKind::usage,
              fmt::format("invalid --output '{}': expected {}", format, join_choices(allowed)));
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(ErrorKind::data, fmt::format("{}: cannot open the file", path));
  }
  std::stringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    throw Error(ErrorKind::data, fmt::format("{}: cannot read the file", path));
  }
  return text.str();
}

void print_notes(const std::vector<std::string>& notes, bool quiet) {
  if (quiet) {
    return;
  }
  for (const auto& note : notes) {
    fmt::print(stderr, "note: {}\n", note);
  }
}

std::string table_summary() {
  TableInfo info = Catalog::bundled_info();
  std::string age;
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  if (std::sscanf(info.generated.c_str(), "%d-%u-%u", &year, &month, &day) == 3) {
    using namespace std::chrono;
    auto generated =
        sys_days(std::chrono::year(year) / std::chrono::month(month) / std::chrono::day(day));
    auto today = floor<days>(system_clock::now());
    auto days_old = (today - generated).count();
    age = days_old == 1 ? " (1 day ago)" : fmt::format(" ({} days ago)", days_old);
  }
  return fmt::format("instance table: {} instance types, generated {}{}\nsource: {}", info.count,
                     info.generated, age, info.source);
}

}  // namespace maxpods::cli
