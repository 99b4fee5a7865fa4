#include <maxpods/capacity.hpp>
#include <maxpods/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

namespace maxpods {
namespace {

std::int64_t ceil_div(std::int64_t a, std::int64_t b) {
  return a <= 0 ? 0 : (a + b - 1) / b;
}

[[noreturn]] void usage_error(const std::string& message) {
  throw Error(ErrorKind::usage, message);
}

void check_options(const CapacityOptions& o) {
  auto at_least = [](std::string_view option, std::int64_t value, std::int64_t minimum) {
    if (value < minimum) {
      usage_error(fmt::format("invalid {} {}: it must be {} or more", option, value, minimum));
    }
  };
  at_least("--nodes", o.nodes, 1);
  at_least("--warm-eni-target", o.warm.warm_eni_target, 0);
  at_least("--warm-ip-target", o.warm.warm_ip_target, 0);
  at_least("--minimum-ip-target", o.warm.minimum_ip_target, 0);
  at_least("--warm-prefix-target", o.warm.warm_prefix_target, 0);
  at_least("--branch-pods", o.branch_pods, 0);
  at_least("--multi-nic-pods", o.multi_nic_pods, 0);
  if (o.kubelet_max_pods) {
    at_least("--max-pods", *o.kubelet_max_pods, 1);
  }
  if (o.pods) {
    at_least("--pods", *o.pods, 0);
  }
  const MaxPodsOptions& m = o.max_pods;
  if (m.os == NodeOs::windows_node || m.cilium_eni) {
    usage_error(
        fmt::format("capacity models VPC CNI on Linux nodes; {} allocates addresses "
                    "with other settings",
                    m.cilium_eni ? "Cilium's ENI mode" : "Windows"));
  }
  if (!o.pod_subnets.empty() && !m.custom_networking) {
    usage_error(
        "--pod-subnet is the ENIConfig subnet of custom networking; add "
        "--custom-networking, or give the subnet with --subnet");
  }
  if (o.branch_pods > 0 && !m.security_groups_for_pods) {
    usage_error("--branch-pods counts pods with security groups; add --security-groups-for-pods");
  }
  if (o.multi_nic && !m.cni_version.at_least(1, 20)) {
    usage_error(fmt::format("--multi-nic (ENABLE_MULTI_NIC) needs VPC CNI 1.20 or later, not {}",
                            m.cni_version.text));
  }
  if (o.multi_nic_pods > 0 && !o.multi_nic) {
    usage_error("--multi-nic-pods needs --multi-nic");
  }
}

// Secondary-IP mode: ENIs attached and secondary IPs held, from the warm targets.
void secondary_ip_node(const CapacityResult& c, std::int64_t slots, int primary, NodeUsage& node) {
  const MaxPodsResult& m = c.max_pods;
  const std::int64_t p = c.pods;
  const std::int64_t max = c.kubelet_max_pods;
  std::int64_t enis = 0;
  if (c.ip_target_mode) {
    std::int64_t target =
        std::max(p + c.warm.warm_ip_target, std::int64_t{c.warm.minimum_ip_target});
    target = std::min({target, max, m.pod_enis * slots});
    enis = std::max<std::int64_t>(1, primary + ceil_div(target, slots));
    node.secondary_ips = target;
  } else {
    const std::int64_t wanted =
        c.warm.warm_eni_target > 0 ? ceil_div(p, slots) + c.warm.warm_eni_target : p / slots + 1;
    enis = std::min(
        {std::int64_t{m.pod_enis} + primary, wanted + primary, ceil_div(max, slots) + primary});
    enis = std::max<std::int64_t>(enis, 1);
    // Every attached ENI fills up; with custom networking the primary ENI holds no pod IPs.
    node.secondary_ips = (enis - primary) * slots;
  }
  node.enis = static_cast<int>(enis);
  node.pod_addresses = node.secondary_ips;
}

// Prefix mode: /28 prefixes held, from the warm targets.
void prefix_node(const CapacityResult& c, std::int64_t slots, int primary, NodeUsage& node) {
  const MaxPodsResult& m = c.max_pods;
  const std::int64_t p = c.pods;
  std::int64_t prefixes = 0;
  if (c.ip_target_mode) {
    prefixes = std::max(ceil_div(p + c.warm.warm_ip_target, k_ips_per_prefix),
                        ceil_div(c.warm.minimum_ip_target, k_ips_per_prefix));
  } else {
    prefixes = std::min(ceil_div(p, k_ips_per_prefix) + c.warm.warm_prefix_target,
                        ceil_div(c.kubelet_max_pods, k_ips_per_prefix));
  }
  prefixes = std::min<std::int64_t>(prefixes, m.pod_enis * slots);
  node.prefixes = prefixes;
  node.enis = static_cast<int>(std::max<std::int64_t>(1, primary + ceil_div(prefixes, slots)));
  node.pod_addresses = prefixes * k_ips_per_prefix;
}

// Multi-NIC: each other card runs with WARM_IP_TARGET = MINIMUM_IP_TARGET = 1.
void extra_cards(const InstanceType& type, const CapacityOptions& o, std::int64_t slots,
                 NodeUsage& node) {
  for (const auto& card : type.network_cards) {
    if (card.index == type.default_network_card) {
      continue;
    }
    CardUsage usage;
    usage.index = card.index;
    usage.secondary_ips = std::min<std::int64_t>(o.multi_nic_pods + 1, card.max_enis * slots);
    usage.enis = static_cast<int>(std::min<std::int64_t>(
        card.max_enis, std::max<std::int64_t>(1, ceil_div(usage.secondary_ips, slots))));
    usage.subnet_ips = usage.secondary_ips + usage.enis;
    node.extra_cards.push_back(usage);
  }
}

// The most nodes a subnet holds when each takes `addresses` single addresses and `prefixes`
// /28 blocks.
int max_nodes_in(const Subnet& subnet, std::int64_t addresses, std::int64_t prefixes) {
  if (prefixes == 0) {
    return addresses == 0
               ? INT32_MAX
               : static_cast<int>(std::min<std::int64_t>(subnet.usable() / addresses, INT32_MAX));
  }
  // Single addresses first fill the partly reserved first and last /28 (12 + 15 free
  // addresses), then whole blocks; each node's prefixes need whole aligned blocks.
  const std::int64_t edge = 16 - 4 + 16 - 1;
  auto fits = [&](std::int64_t n) {
    return n * prefixes + ceil_div(n * addresses - edge, 16) <= subnet.whole_prefix_blocks();
  };
  std::int64_t low = 0;
  std::int64_t high = subnet.whole_prefix_blocks() / prefixes + 1;
  while (low < high) {
    std::int64_t mid = (low + high + 1) / 2;
    if (fits(mid)) {
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  return static_cast<int>(low);
}

// Places `nodes` nodes evenly across subnets, as an Auto Scaling group spreads across zones,
// giving the remainder to the subnets with the most room.
std::vector<int> spread(int nodes, const std::vector<SubnetFit>& fits) {
  const int count = static_cast<int>(fits.size());
  std::vector<int> placed(fits.size(), nodes / count);
  std::vector<std::size_t> order(fits.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return fits[a].max_nodes > fits[b].max_nodes;
  });
  for (int i = 0; i < nodes % count; ++i) {
    ++placed[order[static_cast<std::size_t>(i)]];
  }
  return placed;
}

// The most nodes that fit subnets with these capacities under an even spread: every subnet
// takes floor(n / k) and some take one more.
int max_spread_nodes(const std::vector<SubnetFit>& fits) {
  int least = INT32_MAX;
  for (const auto& fit : fits) {
    least = std::min(least, fit.max_nodes);
  }
  const auto roomier = std::count_if(fits.begin(), fits.end(),
                                     [&](const auto& fit) { return fit.max_nodes > least; });
  const std::int64_t total = std::int64_t{least} * static_cast<std::int64_t>(fits.size()) + roomier;
  return static_cast<int>(std::min<std::int64_t>(total, INT32_MAX));
}

// Fits a group of subnets (node subnets, or pod subnets) for the nodes.
std::vector<SubnetFit> fit_subnets(const std::vector<Subnet>& subnets, bool pod_subnet, int nodes,
                                   std::int64_t addresses, std::int64_t prefixes) {
  std::vector<SubnetFit> fits;
  for (const auto& subnet : subnets) {
    SubnetFit fit;
    fit.subnet = subnet;
    fit.pod_subnet = pod_subnet;
    fit.usable = subnet.usable();
    fit.max_nodes = max_nodes_in(subnet, addresses, prefixes);
    if (prefixes > 0) {
      fit.free_blocks = subnet.whole_prefix_blocks();
    }
    fits.push_back(fit);
  }
  if (fits.empty()) {
    return fits;
  }
  auto placed = spread(nodes, fits);
  for (std::size_t i = 0; i < fits.size(); ++i) {
    fits[i].nodes = placed[i];
    fits[i].addresses = placed[i] * (addresses + prefixes * k_ips_per_prefix);
    if (prefixes > 0) {
      fits[i].blocks_needed = placed[i] * prefixes;
    }
    fits[i].fits = placed[i] <= fits[i].max_nodes;
  }
  return fits;
}

}  // namespace

CapacityResult compute_capacity(const InstanceType& type, const CapacityOptions& options) {
  check_options(options);
  CapacityResult c;
  c.max_pods = compute_max_pods(type, options.max_pods);
  const MaxPodsResult& m = c.max_pods;
  c.kubelet_max_pods = options.kubelet_max_pods ? *options.kubelet_max_pods : m.answer();
  c.pods = options.pods.value_or(c.kubelet_max_pods);
  if (c.pods > c.kubelet_max_pods) {
    usage_error(
        fmt::format("--pods {} is above kubelet's max pods, {}", c.pods, c.kubelet_max_pods));
  }
  c.branch_pods = options.branch_pods;
  if (m.branch_enis && c.branch_pods > *m.branch_enis) {
    usage_error(fmt::format("--branch-pods {} is above the {} branch ENIs of {}", c.branch_pods,
                            *m.branch_enis, type.name));
  }
  c.nodes = options.nodes;
  c.mode = m.applied;
  c.ipv6 = m.ip_family == IpFamily::ipv6;
  c.warm = options.warm;
  c.ip_target_mode = c.warm.warm_ip_target > 0 || c.warm.minimum_ip_target > 0;
  for (const auto& note : m.notes) {
    c.warnings.push_back(note);
  }

  const std::int64_t slots = type.ipv4_per_eni - 1;
  if (slots < 1) {
    throw Error(
        ErrorKind::unsupported,
        fmt::format("{} has one IPv4 address per ENI, so no ENI holds pod addresses", type.name));
  }
  const int primary = options.max_pods.custom_networking ? 1 : 0;
  NodeUsage& node = c.node;
  node.trunk_ips = options.max_pods.security_groups_for_pods ? 1 : 0;
  node.branch_ips = c.branch_pods;

  if (c.ipv6) {
    // One /80 on the primary ENI; IPv4 only for the node itself (and the trunk).
    node.enis = 1;
    node.node_subnet_ips = 1 + node.trunk_ips;
  } else {
    if (c.mode == AddressMode::prefix_delegation) {
      if (!c.ip_target_mode && c.warm.warm_prefix_target == 0) {
        usage_error(
            "WARM_PREFIX_TARGET=0 without WARM_IP_TARGET or MINIMUM_IP_TARGET is not "
            "supported by VPC CNI: set --warm-prefix-target 1 or an IP target");
      }
      prefix_node(c, slots, primary, node);
    } else {
      secondary_ip_node(c, slots, primary, node);
    }
    node.warm = std::max<std::int64_t>(0, node.pod_addresses - c.pods);
    // Each ENI's own primary address, the trunk's and each branch pod's are single addresses.
    const std::int64_t eni_primaries = node.enis;
    const std::int64_t sgp = node.trunk_ips + node.branch_ips;
    if (primary == 1) {
      // Custom networking: the node subnet keeps the primary ENI's address; pod ENIs, their
      // addresses, the trunk and branches live in the ENIConfig subnet (inference for the last
      // two).
      node.node_subnet_ips = 1;
      node.pod_subnet_ips = node.pod_addresses + (eni_primaries - 1) + sgp;
    } else {
      node.node_subnet_ips = node.pod_addresses + eni_primaries + sgp;
    }
  }
  if (options.multi_nic) {
    if (type.network_cards.size() < 2) {
      c.warnings.push_back(
          fmt::format("{} has one network card, so --multi-nic changes nothing", type.name));
    }
    extra_cards(type, options, slots, node);
    for (const auto& card : node.extra_cards) {
      (primary == 1 ? node.pod_subnet_ips : node.node_subnet_ips) += card.subnet_ips;
    }
  }
  node.subnet_ips = node.node_subnet_ips + node.pod_subnet_ips;
  c.total_node_subnet_ips = node.node_subnet_ips * c.nodes;
  c.total_pod_subnet_ips = node.pod_subnet_ips * c.nodes;
  c.total_ips = node.subnet_ips * c.nodes;

  // Subnets: where prefixes are taken, they need whole aligned /28 blocks.
  const bool prefixes_in_pod_subnet = primary == 1;
  const std::int64_t node_prefixes =
      c.mode == AddressMode::prefix_delegation && !c.ipv6 && !prefixes_in_pod_subnet ? node.prefixes
                                                                                     : 0;
  const std::int64_t pod_prefixes =
      c.mode == AddressMode::prefix_delegation && !c.ipv6 && prefixes_in_pod_subnet ? node.prefixes
                                                                                    : 0;
  auto singles = [&](std::int64_t total, std::int64_t prefixes) {
    return total - prefixes * k_ips_per_prefix;
  };
  auto node_fits = fit_subnets(options.subnets, false, c.nodes,
                               singles(node.node_subnet_ips, node_prefixes), node_prefixes);
  auto pod_fits = fit_subnets(options.pod_subnets, true, c.nodes,
                              singles(node.pod_subnet_ips, pod_prefixes), pod_prefixes);
  if (!node_fits.empty() || !pod_fits.empty()) {
    int most = INT32_MAX;
    bool all_fit = true;
    for (const auto* group : {&node_fits, &pod_fits}) {
      if (!group->empty()) {
        most = std::min(most, max_spread_nodes(*group));
        for (const auto& fit : *group) {
          all_fit = all_fit && fit.fits;
        }
      }
    }
    c.max_nodes = most;
    c.fits = all_fit;
    c.subnets = node_fits;
    c.subnets.insert(c.subnets.end(), pod_fits.begin(), pod_fits.end());
  }
  if (primary == 1 && !options.subnets.empty() && options.pod_subnets.empty()) {
    c.warnings.emplace_back(
        "with custom networking pod addresses come from the ENIConfig subnets: "
        "give them with --pod-subnet to check them too");
  }

  // The traps users hit most.
  if (c.warm.minimum_ip_target > 0 && c.warm.warm_ip_target == 0) {
    c.warnings.push_back(fmt::format(
        "MINIMUM_IP_TARGET={} without WARM_IP_TARGET freezes the pool at {} addresses: pods "
        "beyond them wait for addresses; set WARM_IP_TARGET too",
        c.warm.minimum_ip_target, c.warm.minimum_ip_target));
  }
  if (c.ip_target_mode && options.warm.warm_eni_target != 1 &&
      c.mode == AddressMode::secondary_ip) {
    c.warnings.emplace_back(
        "WARM_ENI_TARGET is ignored when WARM_IP_TARGET or MINIMUM_IP_TARGET "
        "is set");
  }
  if (c.mode == AddressMode::prefix_delegation && !c.ip_target_mode &&
      c.warm.warm_prefix_target >= 2) {
    c.warnings.push_back(fmt::format(
        "with WARM_PREFIX_TARGET={} the prefix count is a lower bound: pods land on prefixes at "
        "random, so more may stay partly used",
        c.warm.warm_prefix_target));
  }
  if ((node_prefixes > 0 || pod_prefixes > 0) && c.max_nodes) {
    c.warnings.emplace_back(
        "prefixes need free aligned /28 blocks: these counts assume otherwise empty subnets; "
        "addresses already in use break blocks up, and a subnet with free addresses can still "
        "fail with InsufficientCidrBlocks");
  }
  return c;
}

}  // namespace maxpods
