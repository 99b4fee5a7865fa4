#pragma once

#include <maxpods/instance.hpp>

#include <cstdint>
#include <optional>

namespace maxpods {

/// Memory kubelet keeps free before evicting pods (evictionHard memory.available).
inline constexpr std::int64_t k_eviction_memory_mib = 100;

/// kube-reserved memory as nodeadm computes it: 11 MiB per pod plus 255 MiB.
std::int64_t kube_reserved_memory_mib(std::int64_t max_pods);

/// kube-reserved CPU as nodeadm computes it: 6% of the first core, 1% of the second, 0.5% of
/// cores 3 and 4, 0.25% of the rest, each band in whole millicores.
int kube_reserved_cpu_millicores(int vcpus);

/// What kubelet reserves on a node of a type, and what is left for pods.
struct KubeletReservation {
  std::int64_t max_pods = 0;
  std::optional<int> cpu_millicores;  ///< unknown without a vCPU count
  std::int64_t memory_mib = 0;
  std::optional<int> capacity_cpu_millicores;
  std::optional<std::int64_t> capacity_memory_mib;
  std::optional<int> allocatable_cpu_millicores;       ///< capacity - kube-reserved
  std::optional<std::int64_t> allocatable_memory_mib;  ///< capacity - kube-reserved - eviction
};

/// kubelet's reservations for `max_pods` pods on `type`. system-reserved is empty, as nodeadm
/// leaves it.
KubeletReservation compute_kubelet_reservation(const InstanceType& type, std::int64_t max_pods);

}  // namespace maxpods
