#pragma once

#include <maxpods/cni_version.hpp>
#include <maxpods/instance.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maxpods {

/// How pods get their IPv4 addresses.
enum class AddressMode {
  secondary_ip,       ///< one secondary IP per pod
  prefix_delegation,  ///< /28 prefixes, 16 addresses per ENI slot
};

/// Why prefix delegation was asked for but not applied.
enum class Fallback {
  none,        ///< applied as asked, or not asked for
  old_cni,     ///< the CNI is older than 1.9
  not_nitro,   ///< the hypervisor is not Nitro
  bare_metal,  ///< bare metal: the reference script falls back, the real CNI would not
};

/// Pods allowed when kubelet's limit is not set by addresses.
inline constexpr int k_cap_low_cpu = 110;
/// Pods allowed on types with more than k_low_cpu_limit vCPUs.
inline constexpr int k_cap_high_cpu = 250;
/// The largest vCPU count that gets the lower cap.
inline constexpr int k_low_cpu_limit = 30;
/// Addresses in one /28 prefix.
inline constexpr int k_ips_per_prefix = 16;
/// The host-network pods (aws-node, kube-proxy) that need no VPC address.
inline constexpr int k_default_host_network_pods = 2;

/// The IP family of the cluster.
enum class IpFamily { ipv4, ipv6 };

/// The operating system of the node. (Not `linux`: GNU C++ modes define it as a macro.)
enum class NodeOs { linux_node, windows_node };

/// The question asked about an instance type: the reference script's settings, then the
/// deployment modes it does not know.
struct MaxPodsOptions {
  CniVersion cni_version = CniVersion::assumed();
  bool prefix_delegation = false;  ///< ENABLE_PREFIX_DELEGATION is on
  bool custom_networking = false;  ///< pods use ENIConfig subnets; the primary ENI holds none
  std::optional<int> max_enis;     ///< use at most this many ENIs
  bool show_max_allowed = false;   ///< answer the uncapped count

  bool security_groups_for_pods = false;  ///< ENABLE_POD_ENI: a trunk ENI takes one slot
  IpFamily ip_family = IpFamily::ipv4;    ///< IPv6 pods take addresses from a /80 prefix
  NodeOs os = NodeOs::linux_node;         ///< Windows nodes use the primary ENI only
  bool cilium_eni = false;                ///< Cilium ENI mode, first-interface-index 1
  std::optional<int> reserved_enis;       ///< Karpenter's RESERVED_ENIS
  int efa_only_interfaces = 0;            ///< EFA-only ENIs on the default card
  std::optional<int> host_network_pods;   ///< pods without a VPC address; 2, or 0 for Cilium
                                          ///< and Windows whose formulas have no + 2
  std::optional<int> pods_per_core;       ///< kubelet podsPerCore
  std::optional<int> max_pods_cap;        ///< a ceiling instead of 110 / 250
  bool cni_semantics = false;             ///< prefix delegation on bare metal, as the CNI does
};

/// The whole derivation of a max-pods answer, for every output form.
struct MaxPodsResult {
  std::string instance_type;
  std::string cni_version;
  AddressMode requested = AddressMode::secondary_ip;
  AddressMode applied = AddressMode::secondary_ip;
  Fallback fallback = Fallback::none;
  int card_enis = 0;      ///< ENIs the default network card holds
  int enis = 0;           ///< ENIs after --max-eni
  int primary_enis = 0;   ///< 1 when the primary ENI holds no pod addresses (custom networking,
                          ///< Cilium's first-interface-index 1)
  int trunk_enis = 0;     ///< 1 when the security-groups-for-pods trunk takes a slot
  int efa_only_enis = 0;  ///< EFA-only ENIs, which hold no addresses
  int reserved_enis = 0;  ///< ENIs reserved for other uses (Karpenter's RESERVED_ENIS)
  int pod_enis = 0;       ///< ENIs whose addresses go to pods
  int ipv4_per_eni = 0;
  std::int64_t pods_per_eni = 0;  ///< addresses a pod ENI gives pods: IPv4/ENI - 1, x16 prefixes
  int host_network_pods = k_default_host_network_pods;
  std::optional<int> vcpus;
  std::optional<int> branch_enis;  ///< pod-eni capacity with security groups for pods, if known
  IpFamily ip_family = IpFamily::ipv4;
  NodeOs os = NodeOs::linux_node;
  bool cilium_eni = false;
  std::optional<std::int64_t> max_allowed;          ///< the address limit; none for IPv6
  std::optional<int> cap;                           ///< 110 / 250 by vCPUs, or the custom ceiling
  bool custom_cap = false;                          ///< the cap came from --max-pods-cap
  std::optional<std::int64_t> pods_per_core_limit;  ///< vCPUs x podsPerCore
  std::optional<std::int64_t> recommended;          ///< the address limit under every ceiling
  bool show_max_allowed = false;
  std::vector<std::string> notes;  ///< where the answer differs from what was asked

  /// The answer the main command prints: recommended, or the address limit with
  /// --show-max-allowed. Throws Error(unsupported) when the cap it needs is unknown.
  std::int64_t answer() const;

  /// What nodeadm would give kubelet: the address limit under the explicit ceilings only
  /// (--max-pods-cap, --pods-per-core), since nodeadm applies no 110 / 250 cap.
  std::optional<std::int64_t> nodeadm_max_pods() const;
};

/// Computes max pods as the reference max-pods-calculator.sh does, extended by the deployment
/// modes. Throws Error(usage) for bad or contradictory settings and Error(unsupported) when no
/// answer exists for this type.
MaxPodsResult compute_max_pods(const InstanceType& type, const MaxPodsOptions& options);

/// The name of an address mode as the command line and JSON spell it.
std::string_view to_string(AddressMode mode);
/// "ipv4" or "ipv6".
std::string_view to_string(IpFamily family);
/// "linux" or "windows".
std::string_view to_string(NodeOs os);

/// A one-line reason for a fallback, empty for Fallback::none.
std::string describe(Fallback fallback, const MaxPodsResult& result);

}  // namespace maxpods
