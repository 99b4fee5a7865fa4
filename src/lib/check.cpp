#include <maxpods/check.hpp>
#include <maxpods/error.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace maxpods {
namespace {

std::string subnet_list(const std::vector<SubnetFit>& fits) {
  std::string out;
  for (const auto& fit : fits) {
    out += (out.empty() ? "" : ", ") + fit.subnet.text;
  }
  return out;
}

// maxPodsPerNode against what the CNI can address and what the script recommends.
Finding check_max_pods_per_node(const NodeGroupCheck& c) {
  const MaxPodsResult& m = c.max_pods;
  Finding finding;
  finding.check = "max-pods-per-node";
  if (!c.max_pods_per_node) {
    finding.message = m.recommended ? fmt::format("maxPodsPerNode unset; {} recommends {}",
                                                  c.instance_type, *m.recommended)
                                    : "maxPodsPerNode unset";
    return finding;
  }
  const std::int64_t wanted = *c.max_pods_per_node;
  if (m.max_allowed && wanted > *m.max_allowed) {
    finding.status = CheckStatus::fail;
    finding.message = fmt::format(
        "maxPodsPerNode {} is above the {} pods VPC CNI can give addresses on {}: pods beyond "
        "{} would be stuck without IPs",
        wanted, *m.max_allowed, c.instance_type, *m.max_allowed);
  } else if (m.recommended && wanted < *m.recommended) {
    finding.status = CheckStatus::warn;
    finding.message = fmt::format(
        "maxPodsPerNode {} is below the recommended {} for {}: nodes run fewer pods "
        "than they could",
        wanted, *m.recommended, c.instance_type);
  } else if (m.recommended && wanted > *m.recommended) {
    finding.status = CheckStatus::warn;
    finding.message = fmt::format(
        "maxPodsPerNode {} is above the recommended {} for {} ({}), though VPC CNI can address "
        "{}",
        wanted, *m.recommended, c.instance_type,
        m.cap && *m.cap == k_cap_high_cpu ? "250 above 30 vCPUs" : "110 up to 30 vCPUs",
        m.max_allowed ? *m.max_allowed : wanted);
  } else {
    finding.message = fmt::format("maxPodsPerNode {} fits {}", wanted, c.instance_type);
  }
  return finding;
}

Finding check_subnets(const NodeGroupCheck& c) {
  const CapacityResult& capacity = *c.capacity;
  Finding finding;
  finding.check = "subnets";
  const std::string nodes =
      fmt::format("{} node{}", capacity.nodes, capacity.nodes == 1 ? "" : "s");
  if (capacity.fits.value_or(true)) {
    finding.message = fmt::format("{} of {} fit {} (at most {})", nodes, c.instance_type,
                                  subnet_list(capacity.subnets), capacity.max_nodes.value_or(0));
  } else {
    finding.status = CheckStatus::fail;
    const std::string need =
        capacity.node.prefixes > 0
            ? fmt::format("{} whole /28 blocks each for their prefixes", capacity.node.prefixes)
            : fmt::format("{} addresses in all", capacity.total_ips);
    finding.message = fmt::format("{} of {} with {} pods each need {}; {} hold at most {} nodes",
                                  nodes, c.instance_type, capacity.pods, need,
                                  subnet_list(capacity.subnets), capacity.max_nodes.value_or(0));
  }
  return finding;
}

MaxPodsOptions max_pods_options(const CniSettings& cni) {
  MaxPodsOptions options;
  if (cni.version) {
    options.cni_version = CniVersion::parse(*cni.version);
  }
  options.prefix_delegation = cni.prefix_delegation;
  options.custom_networking = cni.custom_networking;
  options.security_groups_for_pods = cni.security_groups_for_pods;
  options.ip_family = cni.ipv6 ? IpFamily::ipv6 : IpFamily::ipv4;
  return options;
}

}  // namespace

std::string_view to_string(CheckStatus status) {
  switch (status) {
    case CheckStatus::pass:
      return "ok";
    case CheckStatus::warn:
      return "warning";
    case CheckStatus::fail:
      return "error";
  }
  return "error";
}

CheckStatus NodeGroupCheck::status() const {
  CheckStatus worst = CheckStatus::pass;
  for (const auto& finding : findings) {
    worst = std::max(worst, finding.status);
  }
  return worst;
}

std::vector<NodeGroupCheck> check_cluster(const ClusterSpec& spec, const Catalog& catalog) {
  // Settings errors name the file and the line of what they came from.
  auto at = [&](int line, const std::string& message) {
    return Error(ErrorKind::usage, fmt::format("{}:{}: {}", spec.file, line, message));
  };
  MaxPodsOptions options;
  try {
    options = max_pods_options(spec.cni);
  } catch (const Error& e) {
    throw at(1, e.what());
  }
  std::vector<NodeGroupCheck> checks;
  for (const auto& group : spec.node_groups) {
    for (const auto& name : group.instance_types) {
      NodeGroupCheck c;
      c.file = spec.file;
      c.group = group.name;
      c.section = group.section;
      c.line = group.line;
      c.instance_type = name;
      c.max_pods_per_node = group.max_pods_per_node;
      try {
        InstanceType type = catalog.get(name);
        c.max_pods = compute_max_pods(type, options);
        c.findings.push_back(check_max_pods_per_node(c));
        c.findings.back().line = group.max_pods_line ? group.max_pods_line : group.line;
        if (!group.subnets.empty() || !group.pod_subnets.empty()) {
          CapacityOptions capacity;
          capacity.max_pods = options;
          capacity.nodes = std::max(1, group.max_size.value_or(group.desired_capacity.value_or(1)));
          capacity.subnets = group.subnets;
          capacity.pod_subnets = group.pod_subnets;
          capacity.warm = spec.cni.warm;
          // A maxPodsPerNode above the address limit is already an error; size for what fits.
          const std::int64_t max_pods =
              c.max_pods.max_allowed
                  ? std::min<std::int64_t>(group.max_pods_per_node.value_or(c.max_pods.answer()),
                                           *c.max_pods.max_allowed)
                  : group.max_pods_per_node.value_or(c.max_pods.answer());
          capacity.kubelet_max_pods = std::max<std::int64_t>(max_pods, 1);
          c.capacity = compute_capacity(type, capacity);
          c.findings.push_back(check_subnets(c));
          c.findings.back().line = group.size_line ? group.size_line : group.line;
        }
      } catch (const Error& e) {
        throw at(group.line, fmt::format("{} {}: {}", group.section, group.name, e.what()));
      }
      for (const auto& note : group.notes) {
        c.findings.push_back({CheckStatus::warn, "subnets", note, group.line});
      }
      checks.push_back(std::move(c));
    }
  }
  return checks;
}

}  // namespace maxpods
