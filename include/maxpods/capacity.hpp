#pragma once

#include <maxpods/instance.hpp>
#include <maxpods/max_pods.hpp>
#include <maxpods/subnet.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace maxpods {

/// VPC CNI's warm-pool settings (the aws-node environment variables).
struct WarmTargets {
  int warm_eni_target = 1;     ///< WARM_ENI_TARGET
  int warm_ip_target = 0;      ///< WARM_IP_TARGET; 0 means unset
  int minimum_ip_target = 0;   ///< MINIMUM_IP_TARGET; 0 means unset
  int warm_prefix_target = 1;  ///< WARM_PREFIX_TARGET, as the shipped manifest sets it
};

/// The question `maxpods capacity` answers: what nodes of a type take from their subnets.
struct CapacityOptions {
  MaxPodsOptions max_pods;                       ///< deployment modes, as for max pods
  std::optional<std::int64_t> kubelet_max_pods;  ///< M; default: the max-pods answer
  std::optional<std::int64_t> pods;              ///< P, pods with VPC addresses; default: M
  int branch_pods = 0;                           ///< pods with their own branch ENI (SG for pods)
  int nodes = 1;
  std::vector<Subnet> subnets;      ///< the nodes' subnets
  std::vector<Subnet> pod_subnets;  ///< ENIConfig subnets, with custom networking
  WarmTargets warm;
  bool multi_nic = false;  ///< ENABLE_MULTI_NIC: the other network cards are used too
  int multi_nic_pods = 0;  ///< pods with an interface on every card
};

/// What one extra network card takes with multi-NIC.
struct CardUsage {
  int index = 0;
  int enis = 0;
  std::int64_t secondary_ips = 0;
  std::int64_t subnet_ips = 0;
};

/// What one node holds and takes from its subnets.
struct NodeUsage {
  int enis = 0;  ///< ENIs holding addresses on the default card: the primary, not the trunk
  std::int64_t secondary_ips = 0;  ///< secondary IPs held, in secondary-IP mode
  std::int64_t prefixes = 0;       ///< /28 prefixes held, in prefix mode
  std::int64_t pod_addresses = 0;  ///< addresses ready for pods
  std::int64_t warm = 0;           ///< of those, idle: pod addresses - P
  std::int64_t trunk_ips = 0;      ///< the trunk ENI's address, with security groups for pods
  std::int64_t branch_ips = 0;     ///< one per branch-ENI pod
  std::int64_t node_subnet_ips = 0;
  std::int64_t pod_subnet_ips = 0;  ///< with custom networking; else 0
  std::int64_t subnet_ips = 0;      ///< both together
  std::vector<CardUsage> extra_cards;
};

/// How a number of nodes fits one subnet.
struct SubnetFit {
  Subnet subnet;
  bool pod_subnet = false;                    ///< an ENIConfig subnet (custom networking)
  std::int64_t usable = 0;                    ///< addresses after AWS's five reserved
  int nodes = 0;                              ///< nodes placed here, spread evenly across subnets
  std::int64_t addresses = 0;                 ///< addresses those nodes take
  std::optional<std::int64_t> free_blocks;    ///< whole aligned /28s (prefix mode)
  std::optional<std::int64_t> blocks_needed;  ///< /28 blocks those nodes take (prefix mode)
  bool fits = false;
  int max_nodes = 0;  ///< the most nodes this subnet can hold
};

/// The answer of `maxpods capacity`.
struct CapacityResult {
  MaxPodsResult max_pods;
  std::int64_t kubelet_max_pods = 0;  ///< M
  std::int64_t pods = 0;              ///< P
  int branch_pods = 0;
  int nodes = 0;
  AddressMode mode = AddressMode::secondary_ip;
  bool ipv6 = false;
  bool ip_target_mode = false;  ///< WARM_IP_TARGET or MINIMUM_IP_TARGET govern the pool
  WarmTargets warm;
  NodeUsage node;
  std::int64_t total_node_subnet_ips = 0;
  std::int64_t total_pod_subnet_ips = 0;
  std::int64_t total_ips = 0;
  std::vector<SubnetFit> subnets;
  std::optional<int> max_nodes;  ///< the most nodes that fit every subnet given
  std::optional<bool> fits;      ///< whether `nodes` fit; unknown without subnets
  std::vector<std::string> warnings;
};

/// Models what VPC CNI attaches and allocates on `options.nodes` nodes of `type`.
/// Throws Error(usage) for bad or contradictory settings.
CapacityResult compute_capacity(const InstanceType& type, const CapacityOptions& options);

}  // namespace maxpods
