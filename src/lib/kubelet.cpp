#include <maxpods/kubelet.hpp>

#include <algorithm>
#include <array>

namespace maxpods {

std::int64_t kube_reserved_memory_mib(std::int64_t max_pods) {
  return 11 * max_pods + 255;
}

int kube_reserved_cpu_millicores(int vcpus) {
  const int total = vcpus * 1000;
  // Band starts in millicores, and the share of each band in hundredths of a percent.
  constexpr std::array<int, 4> k_starts = {0, 1000, 2000, 4000};
  constexpr std::array<int, 4> k_shares = {600, 100, 50, 25};
  int reserved = 0;
  for (std::size_t i = 0; i < k_starts.size(); ++i) {
    const int end = i + 1 < k_starts.size() ? k_starts[i + 1] : total;
    if (total > k_starts[i]) {
      reserved += (std::min(end, total) - k_starts[i]) * k_shares[i] / 10000;
    }
  }
  return reserved;
}

KubeletReservation compute_kubelet_reservation(const InstanceType& type, std::int64_t max_pods) {
  KubeletReservation r;
  r.max_pods = max_pods;
  r.memory_mib = kube_reserved_memory_mib(max_pods);
  if (type.vcpus) {
    r.cpu_millicores = kube_reserved_cpu_millicores(*type.vcpus);
    r.capacity_cpu_millicores = *type.vcpus * 1000;
    r.allocatable_cpu_millicores = *r.capacity_cpu_millicores - *r.cpu_millicores;
  }
  if (type.memory_mib) {
    r.capacity_memory_mib = *type.memory_mib;
    r.allocatable_memory_mib = *type.memory_mib - r.memory_mib - k_eviction_memory_mib;
  }
  return r;
}

}  // namespace maxpods
