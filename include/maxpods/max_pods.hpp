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

/// The question asked about an instance type: the reference script's settings.
struct MaxPodsOptions {
  CniVersion cni_version = CniVersion::assumed();
  bool prefix_delegation = false;  ///< ENABLE_PREFIX_DELEGATION is on
  bool custom_networking = false;  ///< pods use ENIConfig subnets; the primary ENI holds none
  std::optional<int> max_enis;     ///< use at most this many ENIs
  bool show_max_allowed = false;   ///< answer the uncapped count
};

/// The whole derivation of a max-pods answer, for every output form.
struct MaxPodsResult {
  std::string instance_type;
  std::string cni_version;
  AddressMode requested = AddressMode::secondary_ip;
  AddressMode applied = AddressMode::secondary_ip;
  Fallback fallback = Fallback::none;
  int card_enis = 0;  ///< ENIs the default network card holds
  int enis = 0;       ///< ENIs after --max-eni
  int pod_enis = 0;   ///< ENIs whose addresses go to pods
  int ipv4_per_eni = 0;
  std::int64_t pods_per_eni =
      0;  ///< addresses a pod ENI gives pods: IPv4/ENI - 1, x16 with prefixes
  int host_network_pods = k_default_host_network_pods;
  std::optional<int> vcpus;
  std::int64_t max_allowed = 0;             ///< the address limit, uncapped
  std::optional<int> cap;                   ///< 110 or 250; unknown without a vCPU count
  std::optional<std::int64_t> recommended;  ///< the address limit, capped
  std::int64_t max_pods = 0;                ///< the answer: recommended, or uncapped if asked
  bool show_max_allowed = false;
  std::vector<std::string> notes;  ///< where the answer differs from what was asked
};

/// Computes max pods as the reference max-pods-calculator.sh does.
/// Throws Error(usage) for bad settings and Error(unsupported) when no answer exists.
MaxPodsResult compute_max_pods(const InstanceType& type, const MaxPodsOptions& options);

/// The name of an address mode as the command line and JSON spell it.
std::string_view to_string(AddressMode mode);

/// A one-line reason for a fallback, empty for Fallback::none.
std::string describe(Fallback fallback, const MaxPodsResult& result);

}  // namespace maxpods
