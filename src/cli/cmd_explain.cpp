// `maxpods explain`: the derivation of a max-pods answer, for a person.

#include "common.hpp"

#include <fmt/format.h>

#include <memory>

namespace maxpods::cli {
namespace {

struct ExplainCommand {
  MaxPodsFlags flags;
};

std::string yes_no(bool value) {
  return value ? "yes" : "no";
}

template <typename T>
std::string known(const std::optional<T>& value) {
  return value ? fmt::format("{}", *value) : std::string("unknown");
}

std::string describe_cards(const InstanceType& type) {
  return fmt::format("{}; the default card ({}) holds {} ENIs", type.network_cards.size(),
                     type.default_network_card, type.default_card_enis());
}

std::string facts(const InstanceType& type) {
  std::string out = "Instance type\n";
  out += fmt::format("  {:<24}{}\n", "vCPUs", known(type.vcpus));
  out += fmt::format("  {:<24}{}\n", "memory (MiB)", known(type.memory_mib));
  out += fmt::format("  {:<24}{}\n", "hypervisor",
                     type.hypervisor.empty() ? std::string("none reported") : type.hypervisor);
  out += fmt::format("  {:<24}{}\n", "bare metal", yes_no(type.bare_metal));
  out += fmt::format("  {:<24}{}\n", "network cards", describe_cards(type));
  out += fmt::format("  {:<24}{}\n", "IPv4 addresses per ENI", type.ipv4_per_eni);
  return out;
}

std::string rules(const MaxPodsOptions& options, const MaxPodsResult& r) {
  std::vector<std::string> steps;
  steps.push_back(fmt::format("ENIs: the default network card holds {}", r.card_enis));
  if (options.max_enis) {
    steps.push_back(fmt::format("--max-eni {}: min({}, {}) = {} ENIs", *options.max_enis,
                                *options.max_enis, r.card_enis, r.enis));
  }
  if (options.custom_networking) {
    steps.push_back(
        fmt::format("custom networking: the primary ENI holds no pod addresses: {} - 1 = {} ENIs",
                    r.enis, r.pod_enis));
  }
  if (r.requested == AddressMode::prefix_delegation) {
    steps.push_back(r.fallback == Fallback::none
                        ? fmt::format("prefix delegation applied: CNI {} is 1.9 or later and the "
                                      "hypervisor is nitro",
                                      r.cni_version)
                        : describe(r.fallback, r));
  } else {
    steps.push_back("secondary IPs: each pod takes one secondary IPv4 address");
  }
  if (r.applied == AddressMode::prefix_delegation) {
    steps.push_back(fmt::format(
        "max pods = ENIs x ((IPv4 per ENI - 1) x 16) + {}\n"
        "              = {} x (({} - 1) x 16) + {} = {}",
        r.host_network_pods, r.pod_enis, r.ipv4_per_eni, r.host_network_pods, r.max_allowed));
  } else {
    steps.push_back(fmt::format(
        "max pods = ENIs x (IPv4 per ENI - 1) + {}\n"
        "              = {} x ({} - 1) + {} = {}",
        r.host_network_pods, r.pod_enis, r.ipv4_per_eni, r.host_network_pods, r.max_allowed));
  }
  if (r.cap && r.vcpus) {
    steps.push_back(fmt::format("cap: {} vCPUs {} {}, so at most {} pods: min({}, {}) = {}",
                                *r.vcpus, *r.vcpus > k_low_cpu_limit ? ">" : "<=", k_low_cpu_limit,
                                *r.cap, r.max_allowed, *r.cap, *r.recommended));
  } else {
    steps.push_back("cap: unknown, the vCPU count of this type is unknown");
  }
  std::string out = "Rules\n";
  for (std::size_t i = 0; i < steps.size(); ++i) {
    out += fmt::format("  {}. {}\n", i + 1, steps[i]);
  }
  return out;
}

ExitStatus run_explain(const ExplainCommand& command) {
  MaxPodsOptions options = to_options(command.flags);
  if (command.flags.instance_type.empty()) {
    throw Error(ErrorKind::usage,
                "no instance type: give --instance-type TYPE (for example m5.large)");
  }
  Catalog catalog;
  InstanceType type = catalog.get(command.flags.instance_type);
  // Explain the uncapped count too when the cap cannot be known.
  MaxPodsOptions uncapped = options;
  uncapped.show_max_allowed = true;
  MaxPodsResult result = compute_max_pods(type, uncapped);

  std::string out = fmt::format("{} with VPC CNI {}{}\n\n", type.name, result.cni_version,
                                command.flags.cni_version ? "" : " (assumed)");
  out += facts(type) + "\n" + rules(options, result) + "\nResult\n";
  out += fmt::format("  {:<24}{}\n", "max pods (uncapped)", result.max_allowed);
  out += fmt::format("  {:<24}{}\n", "recommended (capped)", known(result.recommended));
  if (options.show_max_allowed) {
    out += fmt::format("  maxpods prints {} (--show-max-allowed)\n", result.max_allowed);
  } else if (result.recommended) {
    out += fmt::format("  maxpods prints {}\n", *result.recommended);
  } else {
    out += "  maxpods prints an error without --show-max-allowed: the cap is unknown\n";
  }
  fmt::print("{}", out);
  return ExitStatus::ok;
}

}  // namespace

Command setup_explain(CLI::App& app) {
  auto command = std::make_shared<ExplainCommand>();
  CLI::App* sub = app.add_subcommand("explain", "Show how the max-pods count is derived");
  add_max_pods_flags(*sub, command->flags);
  return {sub, [command] { return run_explain(*command); }};
}

}  // namespace maxpods::cli
