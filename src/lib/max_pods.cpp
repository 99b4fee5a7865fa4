#include <maxpods/error.hpp>
#include <maxpods/max_pods.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace maxpods {
namespace {

[[noreturn]] void usage_error(const std::string& message) {
  throw Error(ErrorKind::usage, message);
}

void check_at_least(std::string_view option, const std::optional<int>& value, int minimum) {
  if (value && *value < minimum) {
    usage_error(fmt::format("invalid {} {}: it must be {} or more", option, *value, minimum));
  }
}

// Settings that contradict each other whatever the instance type.
void check_options(const MaxPodsOptions& o) {
  check_at_least("--max-eni", o.max_enis, 1);
  check_at_least("--reserved-enis", o.reserved_enis, 0);
  check_at_least("--efa-only-interfaces", o.efa_only_interfaces, 0);
  check_at_least("--host-network-pods", o.host_network_pods, 0);
  check_at_least("--pods-per-core", o.pods_per_core, 1);
  check_at_least("--max-pods-cap", o.max_pods_cap, 1);

  const bool ipv6 = o.ip_family == IpFamily::ipv6;
  const bool windows = o.os == NodeOs::windows_node;
  const bool reserved = o.reserved_enis.has_value();
  const bool efa_only = o.efa_only_interfaces > 0;
  constexpr std::string_view k_cilium = "Cilium's ENI mode replaces the VPC CNI and its settings";
  constexpr std::string_view k_windows = "Windows nodes count the primary ENI's secondary IPs only";
  // Pairs of settings that cannot hold together, and why.
  struct Exclusion {
    bool first;
    std::string_view first_name;
    bool second;
    std::string_view second_name;
    std::string_view why;
  };
  const Exclusion exclusions[] = {
      {ipv6, "--ip-family ipv6", o.custom_networking, "--custom-networking",
       "VPC CNI does not support custom networking in IPv6 clusters"},
      {o.cilium_eni, "--cilium-eni", o.prefix_delegation, "--prefix-delegation", k_cilium},
      {o.cilium_eni, "--cilium-eni", o.custom_networking, "--custom-networking", k_cilium},
      {o.cilium_eni, "--cilium-eni", o.security_groups_for_pods, "--security-groups-for-pods",
       k_cilium},
      {o.cilium_eni, "--cilium-eni", ipv6, "--ip-family ipv6", k_cilium},
      {o.cilium_eni, "--cilium-eni", windows, "--os windows",
       "Cilium does not run on Windows nodes"},
      {windows, "--os windows", o.prefix_delegation, "--prefix-delegation", k_windows},
      {windows, "--os windows", o.custom_networking, "--custom-networking", k_windows},
      {windows, "--os windows", o.security_groups_for_pods, "--security-groups-for-pods",
       k_windows},
      {windows, "--os windows", ipv6, "--ip-family ipv6", k_windows},
      {windows, "--os windows", reserved, "--reserved-enis", k_windows},
      {windows, "--os windows", efa_only, "--efa-only-interfaces", k_windows},
      {o.show_max_allowed, "--show-max-allowed", o.max_pods_cap.has_value(), "--max-pods-cap",
       "--show-max-allowed prints the uncapped count, so the cap would have no effect"},
      {o.show_max_allowed, "--show-max-allowed", o.pods_per_core.has_value(), "--pods-per-core",
       "--show-max-allowed prints the uncapped count, so podsPerCore would have no effect"},
  };
  for (const auto& rule : exclusions) {
    if (rule.first && rule.second) {
      usage_error(fmt::format("{} and {} do not go together: {}", rule.first_name, rule.second_name,
                              rule.why));
    }
  }
  if (ipv6 && !o.cni_version.at_least(1, 10)) {
    usage_error(
        fmt::format("--ip-family ipv6 needs VPC CNI 1.10 or later, not {}", o.cni_version.text));
  }
}

// Which address mode applies, and why prefix delegation fell back if it did.
void choose_mode(const InstanceType& type, const MaxPodsOptions& options, MaxPodsResult& r) {
  const bool wants_prefixes = options.prefix_delegation || options.ip_family == IpFamily::ipv6;
  r.requested = wants_prefixes ? AddressMode::prefix_delegation : AddressMode::secondary_ip;
  if (options.ip_family == IpFamily::ipv6) {
    r.applied = AddressMode::prefix_delegation;  // checked capable before
    return;
  }
  if (!options.prefix_delegation) {
    return;
  }
  // The reference script: CNI above 1.8 and hypervisor exactly "nitro". The CNI itself also
  // delegates prefixes on bare metal (--cni-semantics).
  if (!options.cni_version.supports_prefix_delegation()) {
    r.fallback = Fallback::old_cni;
  } else if (options.cni_semantics ? !type.prefix_delegation : !type.is_nitro()) {
    r.fallback =
        type.bare_metal && !options.cni_semantics ? Fallback::bare_metal : Fallback::not_nitro;
  }
  if (r.fallback == Fallback::none) {
    r.applied = AddressMode::prefix_delegation;
  } else {
    r.notes.push_back(describe(r.fallback, r));
  }
}

// The ENIs that hold pod addresses, after every ENI that does not.
void count_pod_enis(const InstanceType& type, const MaxPodsOptions& options, MaxPodsResult& r) {
  const bool nitro_class = type.is_nitro() || type.bare_metal;
  if (options.efa_only_interfaces > 0) {
    if (!type.efa_max_interfaces || *type.efa_max_interfaces == 0) {
      throw Error(
          ErrorKind::unsupported,
          fmt::format("{} does not support EFA, so it has no EFA-only interfaces", type.name));
    }
    if (options.efa_only_interfaces > *type.efa_max_interfaces) {
      throw Error(ErrorKind::unsupported,
                  fmt::format("{} supports at most {} EFA interfaces, not {}", type.name,
                              *type.efa_max_interfaces, options.efa_only_interfaces));
    }
  }
  if (options.security_groups_for_pods) {
    if (!nitro_class) {
      throw Error(ErrorKind::unsupported,
                  fmt::format("security groups for pods need a Nitro instance with a trunk ENI; "
                              "{} is not one",
                              type.name));
    }
    r.branch_enis = type.branch_enis;
    // From CNI 1.16.4 pods get no addresses on the trunk; before, its addresses went to pods.
    if (options.cni_version.at_least(1, 16, 4)) {
      r.trunk_enis = 1;
    } else {
      r.notes.push_back(fmt::format(
          "VPC CNI {} is older than 1.16.4 and also gives pods addresses on the trunk ENI, so "
          "the trunk is counted as a pod ENI",
          options.cni_version.text));
    }
    r.notes.push_back(
        r.branch_enis
            ? fmt::format("security groups for pods: {} takes up to {} branch-ENI pods "
                          "(vpc.amazonaws.com/pod-eni) on top of max pods",
                          type.name, *r.branch_enis)
            : fmt::format("security groups for pods: the branch-ENI capacity "
                          "(vpc.amazonaws.com/pod-eni) of {} is unknown; EC2 does not publish it",
                          type.name));
  }
  if (options.ip_family == IpFamily::ipv6 && !nitro_class) {
    throw Error(ErrorKind::unsupported,
                fmt::format("IPv6 clusters need Nitro instances; {} is not one", type.name));
  }

  r.card_enis = type.default_card_enis();
  r.enis = options.max_enis ? std::min(*options.max_enis, r.card_enis) : r.card_enis;
  r.primary_enis = options.custom_networking || options.cilium_eni ? 1 : 0;
  r.efa_only_enis = options.efa_only_interfaces;
  r.reserved_enis = options.reserved_enis.value_or(0);
  if (options.os == NodeOs::windows_node) {
    r.pod_enis = 1;  // Windows pods use the primary ENI's secondary IPs only
    return;
  }
  r.pod_enis = r.enis - r.primary_enis - r.trunk_enis - r.efa_only_enis - r.reserved_enis;
  if (options.reserved_enis) {
    r.pod_enis = std::max(r.pod_enis, 0);  // Karpenter: nothing left means no pods at all
  } else if (r.pod_enis < 0) {
    throw Error(ErrorKind::unsupported,
                fmt::format("{} ENIs of {} cannot hold the primary ENI, trunk ENI and EFA-only "
                            "interfaces these settings take",
                            r.enis, type.name));
  }
}

}  // namespace

std::string_view to_string(AddressMode mode) {
  switch (mode) {
    case AddressMode::secondary_ip:
      return "secondary-ip";
    case AddressMode::prefix_delegation:
      return "prefix-delegation";
  }
  return "unknown";
}

std::string_view to_string(IpFamily family) {
  return family == IpFamily::ipv6 ? "ipv6" : "ipv4";
}

std::string_view to_string(NodeOs os) {
  return os == NodeOs::windows_node ? "windows" : "linux";
}

std::string describe(Fallback fallback, const MaxPodsResult& result) {
  switch (fallback) {
    case Fallback::none:
      return {};
    case Fallback::old_cni:
      return fmt::format(
          "prefix delegation not applied: it needs VPC CNI 1.9 or later, not {}; counting "
          "secondary IPs",
          result.cni_version);
    case Fallback::not_nitro:
      return fmt::format(
          "prefix delegation not applied: {} is not a Nitro instance; counting secondary IPs",
          result.instance_type);
    case Fallback::bare_metal:
      return fmt::format(
          "prefix delegation not applied: {} is bare metal, which max-pods-calculator.sh does "
          "not count as capable although VPC CNI does assign prefixes there; counting secondary "
          "IPs as the script does",
          result.instance_type);
  }
  return {};
}

std::optional<std::int64_t> MaxPodsResult::nodeadm_max_pods() const {
  std::optional<std::int64_t> value = max_allowed;
  if (!value || (custom_cap && cap)) {
    // IPv6 is limited by the cap alone; a custom cap is a ceiling the user asked for.
    if (!cap) {
      return std::nullopt;
    }
    value = value ? std::min<std::int64_t>(*value, *cap) : *cap;
  }
  if (pods_per_core_limit) {
    value = std::min(*value, *pods_per_core_limit);
  }
  return value;
}

std::int64_t MaxPodsResult::answer() const {
  if (show_max_allowed && max_allowed) {
    return *max_allowed;
  }
  if (recommended) {
    return *recommended;
  }
  throw Error(ErrorKind::unsupported,
              max_allowed
                  ? fmt::format("cannot cap max pods for {}: its vCPU count is unknown, and the "
                                "cap is 110 or 250 by vCPUs; --show-max-allowed gives the "
                                "uncapped {}, or set --max-pods-cap",
                                instance_type, *max_allowed)
                  : fmt::format("cannot cap max pods for {}: its vCPU count is unknown, and in "
                                "IPv6 only the cap (110 or 250 by vCPUs) limits pods; set "
                                "--max-pods-cap",
                                instance_type));
}

MaxPodsResult compute_max_pods(const InstanceType& type, const MaxPodsOptions& options) {
  check_options(options);
  MaxPodsResult r;
  r.instance_type = type.name;
  r.cni_version = options.cni_version.text;
  r.vcpus = type.vcpus;
  r.ipv4_per_eni = type.ipv4_per_eni;
  r.show_max_allowed = options.show_max_allowed;
  r.ip_family = options.ip_family;
  r.os = options.os;
  r.cilium_eni = options.cilium_eni;
  const bool no_plus_two = options.cilium_eni || options.os == NodeOs::windows_node;
  r.host_network_pods =
      options.host_network_pods.value_or(no_plus_two ? 0 : k_default_host_network_pods);

  count_pod_enis(type, options, r);
  choose_mode(type, options, r);

  const std::int64_t slots = type.ipv4_per_eni - 1;
  r.pods_per_eni = r.applied == AddressMode::prefix_delegation ? slots * k_ips_per_prefix : slots;
  if (options.ip_family == IpFamily::ipv6) {
    r.notes.emplace_back(
        "IPv6: pods take addresses from a /80 prefix, so addresses do not limit "
        "them; only the cap does");
  } else if (options.reserved_enis && r.pod_enis == 0) {
    r.max_allowed = 0;
    r.notes.push_back(
        fmt::format("no ENI of {} is left for pods after reserving {}, so it "
                    "runs no pods (Karpenter's rule)",
                    type.name, *options.reserved_enis));
  } else {
    r.max_allowed = r.pod_enis * r.pods_per_eni + r.host_network_pods;
  }
  if (options.os == NodeOs::windows_node) {
    r.notes.push_back(fmt::format(
        "Windows: sources disagree; maxpods counts IPv4 per ENI - 1 = {} as the VPC resource "
        "controller does, one best-practices guide counts IPv4 per ENI - 3 = {}",
        slots, std::max<std::int64_t>(slots - 2, 0)));
  }

  if (options.max_pods_cap) {
    r.cap = *options.max_pods_cap;
    r.custom_cap = true;
  } else if (type.vcpus) {
    r.cap = *type.vcpus > k_low_cpu_limit ? k_cap_high_cpu : k_cap_low_cpu;
  }
  if (options.pods_per_core) {
    if (!type.vcpus) {
      throw Error(
          ErrorKind::unsupported,
          fmt::format("--pods-per-core needs the vCPU count of {}, which is unknown", type.name));
    }
    r.pods_per_core_limit = static_cast<std::int64_t>(*type.vcpus) * *options.pods_per_core;
  }
  if (r.cap) {
    std::int64_t value = r.max_allowed ? std::min<std::int64_t>(*r.max_allowed, *r.cap) : *r.cap;
    if (r.pods_per_core_limit) {
      value = std::min(value, *r.pods_per_core_limit);
    }
    r.recommended = value;
  }

  return r;
}

}  // namespace maxpods
