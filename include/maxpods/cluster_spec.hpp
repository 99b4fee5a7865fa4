#pragma once

#include <maxpods/capacity.hpp>
#include <maxpods/subnet.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maxpods {

/// The VPC CNI settings a cluster runs with, where its configuration states them.
struct CniSettings {
  std::optional<std::string> version;     ///< unset or "latest": a current CNI
  bool prefix_delegation = false;         ///< ENABLE_PREFIX_DELEGATION
  bool custom_networking = false;         ///< AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG
  bool security_groups_for_pods = false;  ///< ENABLE_POD_ENI
  bool ipv6 = false;                      ///< kubernetesNetworkConfig.ipFamily: IPv6
  WarmTargets warm;
};

/// A node group to check, from an eksctl ClusterConfig or a maxpods spec.
struct NodeGroupSpec {
  std::string name;
  std::string section;    ///< "nodeGroups" or "managedNodeGroups"
  int line = 0;           ///< where it starts in its file, from 1
  int max_pods_line = 0;  ///< where maxPodsPerNode is, or 0
  int size_line = 0;      ///< where maxSize (or desiredCapacity) is, or 0
  std::vector<std::string> instance_types;
  std::optional<int> max_pods_per_node;
  std::optional<int> desired_capacity;
  std::optional<int> max_size;
  std::vector<Subnet> subnets;      ///< the nodes' subnets, where known
  std::vector<Subnet> pod_subnets;  ///< ENIConfig subnets, with custom networking
  std::vector<std::string> notes;   ///< what could not be read, such as subnets given by id only
};

/// A file of node groups and the CNI settings they run with.
struct ClusterSpec {
  std::string file;
  bool eksctl = false;  ///< an eksctl ClusterConfig rather than a maxpods spec
  CniSettings cni;
  std::vector<NodeGroupSpec> node_groups;
};

/// Reads an eksctl ClusterConfig or a maxpods spec (YAML or JSON). `origin` names the file in
/// errors, which are Error(usage) with the line and field at fault.
ClusterSpec parse_cluster_spec(std::string_view text, std::string_view origin);

}  // namespace maxpods
