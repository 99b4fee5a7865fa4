#include "common.hpp"

#include "imds.hpp"

#include <maxpods/suggest.hpp>
#include <maxpods/version.hpp>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <limits>

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
    app.add_flag("--instance-type-from-imds", flags.instance_type_from_imds,
                 "Ask the EC2 instance metadata service (IMDSv2) for this node's type; honours "
                 "AWS_EC2_METADATA_SERVICE_ENDPOINT and AWS_EC2_METADATA_DISABLED")
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

  const std::string modes = "Deployment modes";
  app.add_flag("--security-groups-for-pods", flags.security_groups_for_pods,
               "Security groups for pods (ENABLE_POD_ENI): the trunk ENI takes one ENI slot")
      ->group(modes);
  app.add_option("--ip-family", flags.ip_family,
                 "ipv4, or ipv6: pods take addresses from a /80, so only the cap limits them")
      ->type_name("FAMILY")
      ->capture_default_str()
      ->group(modes);
  app.add_option("--os", flags.os, "linux, or windows: the primary ENI's IPv4 addresses - 1")
      ->type_name("OS")
      ->capture_default_str()
      ->group(modes);
  app.add_flag("--cilium-eni", flags.cilium_eni,
               "Cilium ENI mode with first-interface-index 1: (ENIs - 1) x (IPv4 per ENI - 1)")
      ->group(modes);
  add_optional(app, "--reserved-enis", flags.reserved_enis,
               "ENIs kept for other uses (Karpenter's RESERVED_ENIS); none left means 0 pods")
      ->type_name("N")
      ->default_str("0")
      ->group(modes);
  add_optional(app, "--efa-only-interfaces", flags.efa_only_interfaces,
               "EFA-only interfaces on the default card, which hold no addresses")
      ->type_name("N")
      ->default_str("0")
      ->group(modes);
  add_optional(app, "--host-network-pods", flags.host_network_pods,
               "Pods that need no VPC address: the + 2 of the formula (0 for Cilium, Windows)")
      ->type_name("N")
      ->default_str("2")
      ->group(modes);
  add_optional(app, "--pods-per-core", flags.pods_per_core,
               "kubelet podsPerCore: at most vCPUs x N pods")
      ->type_name("N")
      ->group(modes);
  add_optional(app, "--max-pods-cap", flags.max_pods_cap,
               "A ceiling instead of 110 (30 vCPUs or fewer) or 250")
      ->type_name("N")
      ->group(modes);
  app.add_flag("--cni-semantics", flags.cni_semantics,
               "Apply prefix delegation on bare metal too, as VPC CNI does (the script does not)")
      ->group(modes);
  add_instance_data_flag(app, flags.instance_data);
}

std::string resolve_instance_type(const MaxPodsFlags& flags) {
  if (flags.instance_type_from_imds) {
    if (!flags.instance_type.empty()) {
      throw Error(ErrorKind::usage,
                  "--instance-type and --instance-type-from-imds do not go together: give one");
    }
    return io::instance_type_from_metadata(io::metadata_settings_from_environment());
  }
  if (flags.instance_type.empty()) {
    throw Error(ErrorKind::usage,
                "no instance type: give --instance-type TYPE (for example "
                "m5.large) or --instance-type-from-imds");
  }
  return flags.instance_type;
}

void add_instance_data_flag(CLI::App& app, std::vector<std::string>& files) {
  app.add_option("--instance-data", files,
                 "Also load instance types from FILE, an eni-limits.json table or `aws ec2 "
                 "describe-instance-types` output; they override bundled ones. Repeatable; "
                 "MAXPODS_INSTANCE_DATA=FILE[:FILE...] adds files too")
      ->type_name("FILE")
      ->group("Data");
}

Catalog load_catalog(const std::vector<std::string>& files) {
  std::vector<std::string> paths;
  if (const char* env = std::getenv("MAXPODS_INSTANCE_DATA"); env != nullptr) {
    std::string_view list = env;
    while (!list.empty()) {
      auto colon = list.find(':');
      if (auto path = list.substr(0, colon); !path.empty()) {
        paths.emplace_back(path);
      }
      list = colon == std::string_view::npos ? std::string_view() : list.substr(colon + 1);
    }
  }
  paths.insert(paths.end(), files.begin(), files.end());
  Catalog catalog;
  for (const auto& path : paths) {
    catalog.add(parse_instance_data(read_file(path), path).types);
  }
  return catalog;
}

int parse_count(std::string_view option, const std::string& text, int minimum) {
  int value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec == std::errc::result_out_of_range && ptr == end && text.front() != '-') {
    // A huge count is still a count: "at most 99999999999 ENIs" means all of them.
    value = std::numeric_limits<int>::max();
  } else if (text.empty() || ec != std::errc() || ptr != end) {
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

  options.security_groups_for_pods = flags.security_groups_for_pods;
  auto choose = [](std::string_view option, const std::string& value) {
    auto allowed = option_values("", option);
    if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
      throw Error(ErrorKind::usage, fmt::format("invalid {} '{}': expected {}", option, value,
                                                join_choices(allowed)));
    }
    return value;
  };
  options.ip_family =
      choose("--ip-family", flags.ip_family) == "ipv6" ? IpFamily::ipv6 : IpFamily::ipv4;
  options.os = choose("--os", flags.os) == "windows" ? NodeOs::windows_node : NodeOs::linux_node;
  options.cilium_eni = flags.cilium_eni;
  auto count = [](std::string_view option, const std::optional<std::string>& text, int minimum) {
    return text ? std::optional<int>(parse_count(option, *text, minimum)) : std::nullopt;
  };
  options.reserved_enis = count("--reserved-enis", flags.reserved_enis, 0);
  options.efa_only_interfaces =
      count("--efa-only-interfaces", flags.efa_only_interfaces, 0).value_or(0);
  options.host_network_pods = count("--host-network-pods", flags.host_network_pods, 0);
  options.pods_per_core = count("--pods-per-core", flags.pods_per_core, 1);
  options.max_pods_cap = count("--max-pods-cap", flags.max_pods_cap, 1);
  options.cni_semantics = flags.cni_semantics;
  return options;
}

std::vector<std::string> option_values(std::string_view command, std::string_view option) {
  if (option == "--output" || option == "--format") {
    if (command.empty()) {
      return {"number", "json", "kubelet-config"};
    }
    if (command == "list") {
      return {"table", "csv", "json"};
    }
    if (command == "capacity") {
      return {"table", "json"};
    }
    if (command == "check") {
      return {"text", "json", "github"};
    }
  }
  if (option == "--os") {
    return {"linux", "windows"};
  }
  if (option == "--ip-family") {
    return {"ipv4", "ipv6"};
  }
  if (option == "completion") {
    return {"bash", "zsh"};
  }
  return {};
}

void check_format(std::string_view command, const std::string& format) {
  auto allowed = option_values(command, "--output");
  if (std::find(allowed.begin(), allowed.end(), format) == allowed.end()) {
    throw Error(ErrorKind::usage,
                fmt::format("invalid --output '{}': expected {}", format, join_choices(allowed)));
  }
}

void configure_main(CLI::App& app) {
  app.set_version_flag("--version",
                       [] { return fmt::format("maxpods {}\n{}", k_version, table_summary()); });
  app.require_subcommand(0, 1);
  app.footer(
      "Exit status: 0 success; 1 a check failed (maxpods check); 2 usage error or bad input; 3 "
      "unknown instance type; 4 unreadable or malformed instance data file; 5 no answer for this "
      "type and these settings; 6 the instance metadata service gave no instance type; 70 "
      "internal error.\n\nEnvironment: MAXPODS_INSTANCE_DATA (extra instance data files, "
      "colon-separated), AWS_EC2_METADATA_SERVICE_ENDPOINT (default http://169.254.169.254), "
      "AWS_EC2_METADATA_DISABLED.");
  app.get_formatter()->column_width(40);
}

void setup_all(CLI::App& app) {
  configure_main(app);
  setup_max_pods(app);
  for (const auto& spec : k_subcommands) {
    spec.setup(*app.add_subcommand(std::string(spec.name), std::string(spec.description)));
  }
}

std::string read_file(const std::string& path, ErrorKind kind) {
  // Far above any instance-data or cluster file (all of EC2's types take 4 MB), and a bound on
  // what a mistaken path such as /dev/zero can cost.
  constexpr std::size_t k_mib = std::size_t{1024} * 1024;
  constexpr std::size_t k_max_file_size = 256 * k_mib;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(kind, fmt::format("{}: cannot open the file", path));
  }
  std::string text;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > k_max_file_size) {
      throw Error(kind, fmt::format("{}: larger than {} MiB; not an instance data or cluster file",
                                    path, k_max_file_size / k_mib));
    }
  }
  if (in.bad()) {
    throw Error(kind, fmt::format("{}: cannot read the file", path));
  }
  return text;
}

void print_notes(const Io& io, const std::vector<std::string>& notes, bool quiet) {
  if (quiet) {
    return;
  }
  for (const auto& note : notes) {
    fmt::print(io.err, "note: {}\n", note);
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
