// `maxpods explain`: the derivation of a max-pods answer, for a person.

#include "common.hpp"

#include <maxpods/kubelet.hpp>

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
std::string known(const std::optional<T>& value, std::string_view unit = "") {
  return value ? fmt::format("{}{}", *value, unit) : std::string("unknown");
}

std::string line(std::string_view label, const std::string& value) {
  return fmt::format("  {:<24}{}\n", label, value);
}

std::string facts(const InstanceType& type) {
  std::string out = "Instance type\n";
  out += line("vCPUs", known(type.vcpus));
  out += line("memory", known(type.memory_mib, " MiB"));
  out += line("hypervisor", type.hypervisor.empty() ? "none reported" : type.hypervisor);
  out += line("bare metal", yes_no(type.bare_metal));
  out += line("network cards",
              fmt::format("{}; the default card ({}) holds {} ENIs", type.network_cards.size(),
                          type.default_network_card, type.default_card_enis()));
  out += line("IPv4 addresses per ENI", fmt::format("{}", type.ipv4_per_eni));
  if (type.efa_max_interfaces) {
    out += line("EFA interfaces", fmt::format("{}", *type.efa_max_interfaces));
  }
  return out;
}

// The ENIs left for pods, one subtraction per rule.
void eni_steps(const MaxPodsOptions& options, const MaxPodsResult& r,
               std::vector<std::string>& steps) {
  steps.push_back(fmt::format("ENIs: the default network card holds {}", r.card_enis));
  if (options.max_enis) {
    steps.push_back(fmt::format("--max-eni {}: min({}, {}) = {} ENIs", *options.max_enis,
                                *options.max_enis, r.card_enis, r.enis));
  }
  if (r.os == NodeOs::windows_node) {
    steps.emplace_back("Windows: pods use the primary ENI's secondary IPs only: 1 ENI");
    return;
  }
  int enis = r.enis;
  auto take = [&](int count, std::string_view why) {
    if (count > 0) {
      steps.push_back(fmt::format("{}: {} - {} = {} ENIs", why, enis, count, enis - count));
      enis -= count;
    }
  };
  take(options.custom_networking ? r.primary_enis : 0,
       "custom networking: the primary ENI holds no pod addresses");
  take(options.cilium_eni ? r.primary_enis : 0,
       "Cilium first-interface-index 1: the primary ENI holds no pod addresses");
  take(r.trunk_enis, "security groups for pods: the trunk ENI takes a slot");
  take(r.efa_only_enis, "EFA-only interfaces hold no addresses");
  if (r.reserved_enis > 0) {
    steps.push_back(
        fmt::format("reserved ENIs: max({} - {}, 0) = {} ENIs", enis, r.reserved_enis, r.pod_enis));
  }
}

std::string formula(const MaxPodsResult& r) {
  const bool prefixes = r.applied == AddressMode::prefix_delegation;
  std::string symbols = prefixes ? "ENIs x ((IPv4 per ENI - 1) x 16)" : "ENIs x (IPv4 per ENI - 1)";
  std::string numbers = prefixes ? fmt::format("{} x (({} - 1) x 16)", r.pod_enis, r.ipv4_per_eni)
                                 : fmt::format("{} x ({} - 1)", r.pod_enis, r.ipv4_per_eni);
  if (r.host_network_pods > 0) {
    symbols += fmt::format(" + {}", r.host_network_pods);
    numbers += fmt::format(" + {}", r.host_network_pods);
  }
  return fmt::format("max pods = {}\n              = {} = {}", symbols, numbers,
                     known(r.max_allowed));
}

std::string rules(const MaxPodsOptions& options, const MaxPodsResult& r) {
  std::vector<std::string> steps;
  eni_steps(options, r, steps);
  if (r.ip_family == IpFamily::ipv6) {
    steps.emplace_back(
        "IPv6: pods take addresses from a /80 prefix on the primary ENI: no address limit");
  } else if (r.requested == AddressMode::prefix_delegation) {
    steps.push_back(r.fallback == Fallback::none
                        ? fmt::format("prefix delegation applied: CNI {} is 1.9 or later and {}",
                                      r.cni_version,
                                      options.cni_semantics ? "the type is Nitro or bare metal"
                                                            : "the hypervisor is nitro")
                        : describe(r.fallback, r));
  } else {
    steps.emplace_back("secondary IPs: each pod takes one secondary IPv4 address");
  }
  if (r.ip_family != IpFamily::ipv6) {
    if (r.reserved_enis > 0 && r.pod_enis == 0) {
      steps.emplace_back("no ENI is left for pods: max pods = 0");
    } else {
      steps.push_back(formula(r));
    }
  }
  if (r.cap && r.custom_cap) {
    steps.push_back(fmt::format("cap: --max-pods-cap {}", *r.cap));
  } else if (r.cap && r.vcpus) {
    steps.push_back(fmt::format("cap: {} vCPUs {} {}, so at most {} pods", *r.vcpus,
                                *r.vcpus > k_low_cpu_limit ? ">" : "<=", k_low_cpu_limit, *r.cap));
  } else {
    steps.emplace_back("cap: unknown, the vCPU count of this type is unknown");
  }
  if (r.pods_per_core_limit) {
    steps.push_back(fmt::format("--pods-per-core: {} vCPUs x {} = {} pods at most", *r.vcpus,
                                *r.pods_per_core_limit / *r.vcpus, *r.pods_per_core_limit));
  }
  if (r.recommended) {
    std::string terms =
        r.max_allowed ? fmt::format("{}, {}", *r.max_allowed, *r.cap) : fmt::format("{}", *r.cap);
    if (r.pods_per_core_limit) {
      terms += fmt::format(", {}", *r.pods_per_core_limit);
    }
    steps.push_back(terms.find(',') == std::string::npos
                        ? fmt::format("recommended = {}", *r.recommended)
                        : fmt::format("recommended = min({}) = {}", terms, *r.recommended));
  }
  std::string out = "Rules\n";
  for (std::size_t i = 0; i < steps.size(); ++i) {
    out += fmt::format("  {}. {}\n", i + 1, steps[i]);
  }
  return out;
}

std::string kubelet(const InstanceType& type, const MaxPodsResult& r) {
  auto max_pods = r.nodeadm_max_pods();
  if (!max_pods) {
    return "";
  }
  KubeletReservation k = compute_kubelet_reservation(type, *max_pods);
  std::string out = "\nKubelet, as nodeadm configures it\n";
  out += line("maxPods", r.recommended && *r.recommended < k.max_pods
                             ? fmt::format("{} (nodeadm applies no 110 / 250 cap; --max-pods-cap "
                                           "{} gives kubelet the recommended count)",
                                           k.max_pods, *r.recommended)
                             : fmt::format("{}", k.max_pods));
  out += line("kube-reserved CPU", known(k.cpu_millicores, "m"));
  out +=
      line("kube-reserved memory", fmt::format("{} MiB (11 x {} + 255)", k.memory_mib, k.max_pods));
  out += line("eviction threshold", fmt::format("{} MiB", k_eviction_memory_mib));
  if (k.allocatable_cpu_millicores) {
    out += line("allocatable CPU", fmt::format("{}m of {}m", *k.allocatable_cpu_millicores,
                                               *k.capacity_cpu_millicores));
  }
  if (k.allocatable_memory_mib) {
    out += line("allocatable memory",
                fmt::format("{} MiB of {} MiB", *k.allocatable_memory_mib, *k.capacity_memory_mib));
  }
  return out;
}

ExitStatus run_explain(const ExplainCommand& command, const Io& io) {
  MaxPodsOptions options = to_options(command.flags);
  Catalog catalog = load_catalog(command.flags.instance_data);
  InstanceType type = catalog.get(resolve_instance_type(command.flags));
  MaxPodsResult result = compute_max_pods(type, options);

  std::string out = fmt::format("{} with VPC CNI {}{}\n\n", type.name, result.cni_version,
                                command.flags.cni_version ? "" : " (assumed)");
  out += facts(type) + "\n" + rules(options, result) + "\nResult\n";
  out += line("max pods (uncapped)", result.max_allowed ? fmt::format("{}", *result.max_allowed)
                                                        : std::string("not limited by addresses"));
  out += line("recommended (capped)", known(result.recommended));
  if (options.show_max_allowed && result.max_allowed) {
    out += fmt::format("  maxpods prints {} (--show-max-allowed)\n", *result.max_allowed);
  } else if (result.recommended) {
    out += fmt::format("  maxpods prints {}\n", *result.recommended);
  } else {
    out += "  maxpods prints an error without --show-max-allowed: the cap is unknown\n";
  }
  for (const auto& note : result.notes) {
    if (result.fallback == Fallback::none || note != describe(result.fallback, result)) {
      out += fmt::format("  note: {}\n", note);
    }
  }
  out += kubelet(type, result);
  fmt::print(io.out, "{}", out);
  return ExitStatus::ok;
}

}  // namespace

Command setup_explain(CLI::App& sub_app) {
  auto command = std::make_shared<ExplainCommand>();
  CLI::App* sub = &sub_app;
  add_max_pods_flags(*sub, command->flags);
  return {sub, [command](const Io& io) { return run_explain(*command, io); }};
}

}  // namespace maxpods::cli
