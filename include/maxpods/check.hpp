#pragma once

#include <maxpods/capacity.hpp>
#include <maxpods/catalog.hpp>
#include <maxpods/cluster_spec.hpp>
#include <maxpods/max_pods.hpp>

#include <optional>
#include <string>
#include <vector>

namespace maxpods {

/// How one check came out.
enum class CheckStatus { pass, warn, fail };

/// One check of one node group and instance type.
struct Finding {
  CheckStatus status = CheckStatus::pass;
  std::string check;    ///< "max-pods-per-node", "subnets"
  std::string message;  ///< one line a person can act on
  int line = 0;         ///< the line of the setting at fault, from 1
};

/// The checks of one instance type of one node group.
struct NodeGroupCheck {
  std::string file;
  std::string group;
  std::string section;
  int line = 0;
  std::string instance_type;
  MaxPodsResult max_pods;
  std::optional<int> max_pods_per_node;
  std::optional<CapacityResult> capacity;  ///< with subnets known
  std::vector<Finding> findings;

  /// The worst status of its findings.
  CheckStatus status() const;
};

/// Checks every node group and instance type of a spec. Throws Error(usage) naming the file and
/// line of an unknown instance type or impossible settings.
std::vector<NodeGroupCheck> check_cluster(const ClusterSpec& spec, const Catalog& catalog);

/// "ok", "warning" or "error".
std::string_view to_string(CheckStatus status);

}  // namespace maxpods
