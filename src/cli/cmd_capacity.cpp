// `maxpods capacity`: ENIs, addresses and subnet room that nodes of a type take.

#include "common.hpp"
#include "output.hpp"

#include <maxpods/capacity.hpp>

#include <fmt/format.h>

#include <memory>

namespace maxpods::cli {
namespace {

struct CapacityCommand {
  MaxPodsFlags flags;
  std::optional<std::string> pods;
  std::optional<std::string> max_pods;
  std::optional<std::string> nodes;
  std::optional<std::string> branch_pods;
  std::vector<std::string> subnets;
  std::vector<std::string> pod_subnets;
  std::optional<std::string> warm_eni_target;
  std::optional<std::string> warm_ip_target;
  std::optional<std::string> minimum_ip_target;
  std::optional<std::string> warm_prefix_target;
  bool multi_nic = false;
  std::optional<std::string> multi_nic_pods;
  std::string format = "table";
  bool quiet = false;
};

CapacityOptions to_capacity_options(const CapacityCommand& command) {
  CapacityOptions options;
  options.max_pods = to_options(command.flags);
  auto number = [](std::string_view option, const std::optional<std::string>& text, int minimum,
                   auto& target) {
    if (text) {
      target = parse_count(option, *text, minimum);
    }
  };
  number("--pods", command.pods, 0, options.pods);
  number("--max-pods", command.max_pods, 1, options.kubelet_max_pods);
  number("--nodes", command.nodes, 1, options.nodes);
  number("--branch-pods", command.branch_pods, 0, options.branch_pods);
  number("--warm-eni-target", command.warm_eni_target, 0, options.warm.warm_eni_target);
  number("--warm-ip-target", command.warm_ip_target, 0, options.warm.warm_ip_target);
  number("--minimum-ip-target", command.minimum_ip_target, 0, options.warm.minimum_ip_target);
  number("--warm-prefix-target", command.warm_prefix_target, 0, options.warm.warm_prefix_target);
  number("--multi-nic-pods", command.multi_nic_pods, 0, options.multi_nic_pods);
  options.multi_nic = command.multi_nic;
  for (const auto& cidr : command.subnets) {
    options.subnets.push_back(Subnet::parse(cidr, "--subnet"));
  }
  for (const auto& cidr : command.pod_subnets) {
    options.pod_subnets.push_back(Subnet::parse(cidr, "--pod-subnet"));
  }
  return options;
}

std::string settings(const CapacityResult& c) {
  if (c.ipv6) {
    return "IPv6";
  }
  const auto& w = c.warm;
  std::string targets;
  if (c.ip_target_mode) {
    targets = fmt::format("WARM_IP_TARGET={}, MINIMUM_IP_TARGET={}", w.warm_ip_target,
                          w.minimum_ip_target);
  } else if (c.mode == AddressMode::prefix_delegation) {
    targets = fmt::format("WARM_PREFIX_TARGET={}", w.warm_prefix_target);
  } else {
    targets = fmt::format("WARM_ENI_TARGET={}", w.warm_eni_target);
  }
  return fmt::format(
      "{}, {}", c.mode == AddressMode::prefix_delegation ? "prefix delegation" : "secondary IPs",
      targets);
}

std::string line(std::string_view label, const std::string& value) {
  return fmt::format("  {:<24}{}\n", label, value);
}

std::string per_node(const CapacityResult& c) {
  const NodeUsage& n = c.node;
  std::string out = "Per node\n";
  out += line("ENIs attached", fmt::format("{}", n.enis));
  if (c.ipv6) {
    out += line("IPv6 prefix", "one /80 on the primary ENI");
  } else if (c.mode == AddressMode::prefix_delegation) {
    out += line("/28 prefixes", fmt::format("{}", n.prefixes));
  } else {
    out += line("secondary IPs", fmt::format("{}", n.secondary_ips));
  }
  if (!c.ipv6) {
    out += line("addresses for pods", fmt::format("{} ({} in use, {} warm)", n.pod_addresses,
                                                  std::min(c.pods, n.pod_addresses), n.warm));
  }
  if (n.trunk_ips > 0) {
    out += line("trunk ENI address", "1");
    out += line("branch-ENI pods", fmt::format("{}", n.branch_ips));
  }
  for (const auto& card : n.extra_cards) {
    out += line(fmt::format("card {}", card.index),
                fmt::format("{} ENIs, {} secondary IPs, {} addresses", card.enis,
                            card.secondary_ips, card.subnet_ips));
  }
  if (n.pod_subnet_ips > 0) {
    out += line("node subnet addresses", fmt::format("{}", n.node_subnet_ips));
    out += line("pod subnet addresses", fmt::format("{}", n.pod_subnet_ips));
  }
  out += line("subnet addresses", fmt::format("{}", n.subnet_ips));
  return out;
}

std::string subnet_table(const CapacityResult& c) {
  const bool blocks = std::any_of(c.subnets.begin(), c.subnets.end(),
                                  [](const auto& fit) { return fit.free_blocks.has_value(); });
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"SUBNET", "USABLE", "NODES", "ADDRESSES"});
  if (blocks) {
    rows.back().insert(rows.back().end(), {"FREE /28", "/28 NEEDED"});
  }
  rows.back().insert(rows.back().end(), {"FITS", "MAX NODES"});
  for (const auto& fit : c.subnets) {
    std::vector<std::string> row = {fit.subnet.text + (fit.pod_subnet ? " (pods)" : ""),
                                    fmt::format("{}", fit.usable), fmt::format("{}", fit.nodes),
                                    fmt::format("{}", fit.addresses)};
    if (blocks) {
      row.push_back(fit.free_blocks ? fmt::format("{}", *fit.free_blocks) : "-");
      row.push_back(fit.blocks_needed ? fmt::format("{}", *fit.blocks_needed) : "-");
    }
    row.emplace_back(fit.fits ? "yes" : "no");
    row.push_back(fmt::format("{}", fit.max_nodes));
    rows.push_back(std::move(row));
  }
  std::vector<std::size_t> widths(rows[0].size());
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], row[i].size());
    }
  }
  std::string out;
  for (const auto& row : rows) {
    std::string text = fmt::format("  {:<{}}", row[0], widths[0]);
    for (std::size_t i = 1; i < row.size(); ++i) {
      text += fmt::format("  {:>{}}", row[i], widths[i]);
    }
    out += text + "\n";
  }
  return out;
}

std::string report(const InstanceType& type, const CapacityResult& c) {
  std::string out =
      fmt::format("{}: {} node{}, {} pods each (kubelet maxPods {}), {}\n\n", type.name, c.nodes,
                  c.nodes == 1 ? "" : "s", c.pods, c.kubelet_max_pods, settings(c));
  out += per_node(c);
  if (c.nodes > 1) {
    out += fmt::format("\n{} nodes\n", c.nodes);
    if (c.total_pod_subnet_ips > 0) {
      out += line("node subnet addresses", fmt::format("{}", c.total_node_subnet_ips));
      out += line("pod subnet addresses", fmt::format("{}", c.total_pod_subnet_ips));
    }
    out += line("subnet addresses", fmt::format("{}", c.total_ips));
  }
  if (!c.subnets.empty()) {
    out += "\nSubnets (nodes spread evenly, AWS reserves 5 addresses in each)\n";
    out += subnet_table(c);
    out += fmt::format(
        "  {} node{} {}; at most {} fit\n", c.nodes, c.nodes == 1 ? "" : "s",
        *c.fits ? (c.nodes == 1 ? "fits" : "fit") : (c.nodes == 1 ? "does not fit" : "do not fit"),
        *c.max_nodes);
  }
  return out;
}

nlohmann::ordered_json to_json(const CapacityResult& c) {
  nlohmann::ordered_json out;
  out["instanceType"] = c.max_pods.instance_type;
  out["maxPods"] = cli::to_json(c.max_pods);
  out["kubeletMaxPods"] = c.kubelet_max_pods;
  out["pods"] = c.pods;
  out["branchPods"] = c.branch_pods;
  out["nodes"] = c.nodes;
  out["mode"] = c.ipv6 ? "ipv6" : to_string(c.mode);
  out["ipTargetMode"] = c.ip_target_mode;
  out["warm"] = {{"warmEniTarget", c.warm.warm_eni_target},
                 {"warmIpTarget", c.warm.warm_ip_target},
                 {"minimumIpTarget", c.warm.minimum_ip_target},
                 {"warmPrefixTarget", c.warm.warm_prefix_target}};
  const NodeUsage& n = c.node;
  nlohmann::ordered_json node;
  node["enis"] = n.enis;
  node["secondaryIps"] = n.secondary_ips;
  node["prefixes"] = n.prefixes;
  node["podAddresses"] = n.pod_addresses;
  node["warmAddresses"] = n.warm;
  node["trunkIps"] = n.trunk_ips;
  node["branchIps"] = n.branch_ips;
  node["nodeSubnetIps"] = n.node_subnet_ips;
  node["podSubnetIps"] = n.pod_subnet_ips;
  node["subnetIps"] = n.subnet_ips;
  node["extraCards"] = nlohmann::ordered_json::array();
  for (const auto& card : n.extra_cards) {
    node["extraCards"].push_back({{"index", card.index},
                                  {"enis", card.enis},
                                  {"secondaryIps", card.secondary_ips},
                                  {"subnetIps", card.subnet_ips}});
  }
  out["perNode"] = node;
  out["total"] = {{"nodeSubnetIps", c.total_node_subnet_ips},
                  {"podSubnetIps", c.total_pod_subnet_ips},
                  {"subnetIps", c.total_ips}};
  out["subnets"] = nlohmann::ordered_json::array();
  for (const auto& fit : c.subnets) {
    out["subnets"].push_back({{"cidr", fit.subnet.text},
                              {"role", fit.pod_subnet ? "pod" : "node"},
                              {"usable", fit.usable},
                              {"nodes", fit.nodes},
                              {"addresses", fit.addresses},
                              {"freeBlocks", or_null(fit.free_blocks)},
                              {"blocksNeeded", or_null(fit.blocks_needed)},
                              {"fits", fit.fits},
                              {"maxNodes", fit.max_nodes}});
  }
  out["fits"] = or_null(c.fits);
  out["maxNodes"] = or_null(c.max_nodes);
  out["warnings"] = c.warnings;
  return out;
}

ExitStatus run_capacity(const CapacityCommand& command, const Io& io) {
  check_format("capacity", command.format);
  CapacityOptions options = to_capacity_options(command);
  Catalog catalog = load_catalog(command.flags.instance_data);
  InstanceType type = catalog.get(resolve_instance_type(command.flags));
  CapacityResult result = compute_capacity(type, options);
  fmt::print(io.out, "{}",
             command.format == "json" ? to_json(result).dump(2) + "\n" : report(type, result));
  if (!command.quiet) {
    for (const auto& warning : result.warnings) {
      fmt::print(io.err, "warning: {}\n", warning);
    }
  }
  return ExitStatus::ok;
}

}  // namespace

Command setup_capacity(CLI::App& sub_app) {
  auto command = std::make_shared<CapacityCommand>();
  CLI::App* sub = &sub_app;
  add_max_pods_flags(*sub, command->flags);
  const std::string plan = "Planning";
  add_optional(*sub, "--pods", command->pods, "Pods per node that get VPC addresses")
      ->type_name("P")
      ->default_str("kubelet maxPods")
      ->group(plan);
  add_optional(*sub, "--max-pods", command->max_pods, "kubelet maxPods")
      ->type_name("M")
      ->default_str("what maxpods prints for the same flags")
      ->group(plan);
  add_optional(*sub, "--nodes", command->nodes, "Number of nodes")
      ->type_name("N")
      ->default_str("1")
      ->group(plan);
  sub->add_option("--subnet", command->subnets,
                  "The nodes' IPv4 subnet; repeat for several (nodes spread evenly)")
      ->type_name("CIDR")
      ->group(plan);
  sub->add_option("--pod-subnet", command->pod_subnets,
                  "An ENIConfig subnet, with custom networking; repeatable")
      ->type_name("CIDR")
      ->group(plan);
  add_optional(*sub, "--branch-pods", command->branch_pods,
               "Pods with security groups (a branch ENI each); with --security-groups-for-pods")
      ->type_name("N")
      ->default_str("0")
      ->group(plan);
  sub->add_flag("--multi-nic", command->multi_nic,
                "ENABLE_MULTI_NIC: the other network cards hold addresses too (CNI 1.20+)")
      ->group(plan);
  add_optional(*sub, "--multi-nic-pods", command->multi_nic_pods,
               "Pods with an interface on every card, with --multi-nic")
      ->type_name("N")
      ->default_str("0")
      ->group(plan);
  const std::string warm = "Warm pool (aws-node settings)";
  add_optional(*sub, "--warm-eni-target", command->warm_eni_target, "WARM_ENI_TARGET")
      ->type_name("N")
      ->default_str("1")
      ->group(warm);
  add_optional(*sub, "--warm-ip-target", command->warm_ip_target, "WARM_IP_TARGET")
      ->type_name("N")
      ->default_str("unset")
      ->group(warm);
  add_optional(*sub, "--minimum-ip-target", command->minimum_ip_target, "MINIMUM_IP_TARGET")
      ->type_name("N")
      ->default_str("unset")
      ->group(warm);
  add_optional(*sub, "--warm-prefix-target", command->warm_prefix_target, "WARM_PREFIX_TARGET")
      ->type_name("N")
      ->default_str("1")
      ->group(warm);
  sub->add_option("-o,--output", command->format, "Output format: table or json")
      ->type_name("FORMAT")
      ->capture_default_str()
      ->group("Output");
  sub->add_flag("-q,--quiet", command->quiet, "Do not print warnings on stderr")->group("Output");
  return {sub, [command](const Io& io) { return run_capacity(*command, io); }};
}

}  // namespace maxpods::cli
