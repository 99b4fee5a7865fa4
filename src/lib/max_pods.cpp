#include <maxpods/error.hpp>
#include <maxpods/max_pods.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace maxpods {

std::string_view to_string(AddressMode mode) {
  switch (mode) {
    case AddressMode::secondary_ip:
      return "secondary-ip";
    case AddressMode::prefix_delegation:
      return "prefix-delegation";
  }
  return "unknown";
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

MaxPodsResult compute_max_pods(const InstanceType& type, const MaxPodsOptions& options) {
  MaxPodsResult result;
  result.instance_type = type.name;
  result.cni_version = options.cni_version.text;
  result.vcpus = type.vcpus;
  result.ipv4_per_eni = type.ipv4_per_eni;
  result.show_max_allowed = options.show_max_allowed;

  if (options.max_enis && *options.max_enis < 1) {
    throw Error(ErrorKind::usage,
                fmt::format("--max-eni must be 1 or more, got {}", *options.max_enis));
  }
  result.card_enis = type.default_card_enis();
  result.enis = options.max_enis ? std::min(*options.max_enis, result.card_enis) : result.card_enis;
  result.pod_enis = result.enis - (options.custom_networking ? 1 : 0);

  // The reference script's test: asked for, CNI above 1.8 and hypervisor exactly "nitro".
  result.requested =
      options.prefix_delegation ? AddressMode::prefix_delegation : AddressMode::secondary_ip;
  if (options.prefix_delegation) {
    if (!options.cni_version.supports_prefix_delegation()) {
      result.fallback = Fallback::old_cni;
    } else if (!type.is_nitro()) {
      result.fallback = type.bare_metal ? Fallback::bare_metal : Fallback::not_nitro;
    }
  }
  result.applied = options.prefix_delegation && result.fallback == Fallback::none
                       ? AddressMode::prefix_delegation
                       : AddressMode::secondary_ip;
  if (result.fallback != Fallback::none) {
    result.notes.push_back(describe(result.fallback, result));
  }

  const std::int64_t slots = type.ipv4_per_eni - 1;
  result.pods_per_eni =
      result.applied == AddressMode::prefix_delegation ? slots * k_ips_per_prefix : slots;
  result.max_allowed = result.pod_enis * result.pods_per_eni + result.host_network_pods;

  if (type.vcpus) {
    result.cap = *type.vcpus > k_low_cpu_limit ? k_cap_high_cpu : k_cap_low_cpu;
    result.recommended = std::min<std::int64_t>(result.max_allowed, *result.cap);
  }
  if (options.show_max_allowed) {
    result.max_pods = result.max_allowed;
  } else if (result.recommended) {
    result.max_pods = *result.recommended;
  } else {
    throw Error(ErrorKind::unsupported,
                fmt::format("cannot cap max pods for {}: its vCPU count is unknown, and the cap "
                            "is 110 or 250 by vCPUs; --show-max-allowed gives the uncapped {}",
                            type.name, result.max_allowed));
  }
  return result;
}

}  // namespace maxpods
