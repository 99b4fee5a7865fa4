#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace maxpods {

/// One network card of an instance type and the ENIs it can hold.
struct NetworkCard {
  int index = 0;
  int max_enis = 0;

  bool operator==(const NetworkCard&) const = default;
};

/// What EC2 publishes about an instance type that pod and address limits depend on.
struct InstanceType {
  std::string name;
  std::optional<int> vcpus;                ///< default vCPUs; unknown for some legacy types
  std::optional<std::int64_t> memory_mib;  ///< memory in MiB, where known
  std::string hypervisor;                  ///< "nitro", "xen", or empty where EC2 reports none
  bool bare_metal = false;
  int default_network_card = 0;  ///< index of the card that carries the primary ENI
  std::vector<NetworkCard> network_cards;
  int ipv4_per_eni = 0;  ///< IPv4 addresses per ENI, the primary one included
  std::optional<int> ipv6_per_eni;
  std::optional<int> efa_max_interfaces;  ///< EFA interfaces, where the type supports EFA
  std::optional<int> branch_enis;  ///< security-groups-for-pods branch ENIs (pod-eni), where known
  bool prefix_delegation = false;  ///< VPC CNI can assign /28 prefixes (Nitro or bare metal)

  /// ENIs on the default network card, or 0 when the card is missing.
  int default_card_enis() const;
  /// Whether EC2 reports the Nitro hypervisor (the reference script's prefix-delegation test).
  bool is_nitro() const { return hypervisor == "nitro"; }

  bool operator==(const InstanceType&) const = default;
};

}  // namespace maxpods
