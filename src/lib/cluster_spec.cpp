#include <maxpods/cluster_spec.hpp>
#include <maxpods/error.hpp>
#include <maxpods/suggest.hpp>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>

namespace maxpods {
namespace {

// Reads YAML nodes, naming the file, line and field path in every error.
class Reader {
 public:
  explicit Reader(std::string_view origin) : m_origin(origin) {}
  /// A reader for a document embedded in a string value: errors point at that value's line.
  Reader(std::string_view origin, int line) : m_origin(origin), m_fixed_line(line) {}

  [[noreturn]] void fail(const YAML::Node& node, std::string_view path,
                         std::string_view problem) const {
    const int line = m_fixed_line ? m_fixed_line : line_of(node);
    throw Error(ErrorKind::usage, fmt::format("{}:{}: {}: {}", m_origin, line, path, problem));
  }

  static int line_of(const YAML::Node& node) {
    return node.Mark().line >= 0 ? node.Mark().line + 1 : 0;
  }

  std::string scalar(const YAML::Node& node, std::string_view path) const {
    if (!node.IsScalar()) {
      fail(node, path, "expected a single value");
    }
    return node.Scalar();
  }

  int integer(const YAML::Node& node, std::string_view path, int minimum) const {
    std::string text = scalar(node, path);
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) {
      fail(node, path, fmt::format("expected a whole number, got '{}'", text));
    }
    if (value < minimum) {
      fail(node, path, fmt::format("must be {} or more, got {}", minimum, value));
    }
    return value;
  }

  bool boolean(const YAML::Node& node, std::string_view path) const {
    std::string text = scalar(node, path);
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (text == "true") {
      return true;
    }
    if (text == "false") {
      return false;
    }
    fail(node, path, fmt::format("expected true or false, got '{}'", node.Scalar()));
  }

  // A map, or nothing when the key is absent.
  const YAML::Node map(const YAML::Node& node, std::string_view path) const {
    if (node && !node.IsNull() && !node.IsMap()) {
      fail(node, path, "expected a mapping of keys to values");
    }
    return node;
  }

  const YAML::Node sequence(const YAML::Node& node, std::string_view path) const {
    if (node && !node.IsNull() && !node.IsSequence()) {
      fail(node, path, "expected a list");
    }
    return node;
  }

  std::vector<std::string> strings(const YAML::Node& node, std::string_view path) const {
    std::vector<std::string> out;
    sequence(node, path);
    for (std::size_t i = 0; node && i < node.size(); ++i) {
      out.push_back(scalar(node[i], fmt::format("{}[{}]", path, i)));
    }
    return out;
  }

  Subnet subnet(const YAML::Node& node, std::string_view path) const {
    try {
      return Subnet::parse(scalar(node, path), "subnet");
    } catch (const Error& e) {
      fail(node, path, e.what());
    }
  }

  // Keys outside `known` are typos in a maxpods spec; eksctl files have many keys we ignore.
  void only_keys(const YAML::Node& node, std::string_view path,
                 const std::vector<std::string_view>& known) const {
    if (!node || !node.IsMap()) {
      return;
    }
    for (const auto& entry : node) {
      std::string key = entry.first.Scalar();
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        auto close = closest(key, known);
        fail(entry.first, path.empty() ? key : fmt::format("{}.{}", path, key),
             close.empty() ? fmt::format("unknown key; expected {}",
                                         join_choices({known.begin(), known.end()}))
                           : fmt::format("unknown key; did you mean {}?", join_choices(close)));
      }
    }
  }

 private:
  std::string_view m_origin;
  int m_fixed_line = 0;
};

YAML::Node load(std::string_view text, std::string_view origin) {
  try {
    return YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    throw Error(ErrorKind::usage,
                fmt::format("{}:{}: not valid YAML: {}", origin, e.mark.line + 1, e.msg));
  }
}

// Instance types: instanceType, instanceTypes, or a spot distribution's list.
std::vector<std::string> instance_types(const Reader& read, const YAML::Node& group,
                                        const std::string& path) {
  std::vector<std::string> types;
  if (group["instanceType"]) {
    types.push_back(read.scalar(group["instanceType"], path + ".instanceType"));
  }
  auto more = read.strings(group["instanceTypes"], path + ".instanceTypes");
  types.insert(types.end(), more.begin(), more.end());
  if (const YAML::Node distribution =
          read.map(group["instancesDistribution"], path + ".instancesDistribution")) {
    auto spot =
        read.strings(distribution["instanceTypes"], path + ".instancesDistribution.instanceTypes");
    types.insert(types.end(), spot.begin(), spot.end());
  }
  if (types.empty()) {
    read.fail(group, path, "no instanceType or instanceTypes");
  }
  return types;
}

void read_group_sizes(const Reader& read, const YAML::Node& group, const std::string& path,
                      NodeGroupSpec& spec) {
  if (group["maxPodsPerNode"]) {
    spec.max_pods_per_node = read.integer(group["maxPodsPerNode"], path + ".maxPodsPerNode", 1);
    spec.max_pods_line = Reader::line_of(group["maxPodsPerNode"]);
  }
  if (group["desiredCapacity"]) {
    spec.desired_capacity = read.integer(group["desiredCapacity"], path + ".desiredCapacity", 0);
    spec.size_line = Reader::line_of(group["desiredCapacity"]);
  }
  if (group["maxSize"]) {
    spec.max_size = read.integer(group["maxSize"], path + ".maxSize", 0);
    spec.size_line = Reader::line_of(group["maxSize"]);
  }
}

bool env_true(const Reader& read, const YAML::Node& env, std::string_view key,
              std::string_view path) {
  return env[std::string(key)] &&
         read.boolean(env[std::string(key)], fmt::format("{}.{}", path, key));
}

void env_int(const Reader& read, const YAML::Node& env, std::string_view key, std::string_view path,
             int& target) {
  if (env[std::string(key)]) {
    target = read.integer(env[std::string(key)], fmt::format("{}.{}", path, key), 0);
  }
}

// The vpc-cni add-on: its version, and the environment of its configurationValues.
void read_vpc_cni_addon(const Reader& read, const YAML::Node& addon, const std::string& path,
                        std::string_view origin, CniSettings& cni) {
  if (addon["version"]) {
    std::string version = read.scalar(addon["version"], path + ".version");
    if (version != "latest" && !version.empty()) {
      cni.version = version;
    }
  }
  if (!addon["configurationValues"]) {
    return;
  }
  const std::string values_path = path + ".configurationValues";
  std::string text = read.scalar(addon["configurationValues"], values_path);
  YAML::Node values;
  try {
    values = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    read.fail(addon["configurationValues"], values_path,
              fmt::format("not valid JSON or YAML: {}", e.msg));
  }
  // Lines inside the embedded document count from the key's line.
  const YAML::Node env = values.IsMap() ? values["env"] : YAML::Node();
  if (!env || !env.IsMap()) {
    return;
  }
  const std::string env_path = values_path + ".env";
  Reader inner(origin, Reader::line_of(addon["configurationValues"]));
  cni.prefix_delegation = env_true(inner, env, "ENABLE_PREFIX_DELEGATION", env_path);
  cni.custom_networking = env_true(inner, env, "AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG", env_path);
  cni.security_groups_for_pods = env_true(inner, env, "ENABLE_POD_ENI", env_path);
  env_int(inner, env, "WARM_ENI_TARGET", env_path, cni.warm.warm_eni_target);
  env_int(inner, env, "WARM_IP_TARGET", env_path, cni.warm.warm_ip_target);
  env_int(inner, env, "MINIMUM_IP_TARGET", env_path, cni.warm.minimum_ip_target);
  env_int(inner, env, "WARM_PREFIX_TARGET", env_path, cni.warm.warm_prefix_target);
}

// vpc.subnets.private / public: name (usually the zone) -> {id, cidr}.
struct EksctlSubnet {
  std::string name;
  std::string id;
  std::optional<Subnet> cidr;
};

std::vector<EksctlSubnet> read_eksctl_subnets(const Reader& read, const YAML::Node& subnets,
                                              const std::string& path) {
  std::vector<EksctlSubnet> out;
  read.map(subnets, path);
  for (const auto& entry : subnets) {
    EksctlSubnet subnet;
    subnet.name = entry.first.Scalar();
    const std::string entry_path = path + "." + subnet.name;
    const YAML::Node value = read.map(entry.second, entry_path);
    if (value && value["id"]) {
      subnet.id = read.scalar(value["id"], entry_path + ".id");
    }
    if (value && value["cidr"]) {
      subnet.cidr = read.subnet(value["cidr"], entry_path + ".cidr");
    }
    out.push_back(std::move(subnet));
  }
  return out;
}

// The subnets a node group lands in: its own list, or every private (or public) subnet.
void place_eksctl_group(const Reader& read, const YAML::Node& group, const std::string& path,
                        const std::vector<EksctlSubnet>& private_subnets,
                        const std::vector<EksctlSubnet>& public_subnets, NodeGroupSpec& spec) {
  const bool private_networking =
      group["privateNetworking"] &&
      read.boolean(group["privateNetworking"], path + ".privateNetworking");
  const auto& preferred = private_networking ? private_subnets : public_subnets;
  const auto& pool =
      !preferred.empty() ? preferred : (private_networking ? public_subnets : private_subnets);
  std::vector<const EksctlSubnet*> chosen;
  if (group["subnets"]) {
    for (const auto& wanted : read.strings(group["subnets"], path + ".subnets")) {
      // A zone name may be under both private and public: the group's own kind comes first.
      const EksctlSubnet* match = nullptr;
      const auto& other = &preferred == &private_subnets ? public_subnets : private_subnets;
      for (const auto* set : {&preferred, &other}) {
        for (const auto& subnet : *set) {
          if (match == nullptr && (subnet.name == wanted || subnet.id == wanted)) {
            match = &subnet;
          }
        }
      }
      if (match != nullptr) {
        chosen.push_back(match);
      } else {
        spec.notes.push_back(fmt::format(
            "subnet '{}' is not under vpc.subnets with a cidr, so its room is not checked",
            wanted));
      }
    }
  } else {
    for (const auto& subnet : pool) {
      chosen.push_back(&subnet);
    }
  }
  for (const auto* subnet : chosen) {
    if (subnet->cidr) {
      spec.subnets.push_back(*subnet->cidr);
    } else {
      spec.notes.push_back(fmt::format(
          "subnet {} is given by id only; add its cidr to vpc.subnets to check its room",
          subnet->id.empty() ? subnet->name : subnet->id));
    }
  }
}

ClusterSpec read_eksctl(const Reader& read, const YAML::Node& root, std::string_view origin) {
  ClusterSpec spec;
  spec.eksctl = true;
  if (const YAML::Node network =
          read.map(root["kubernetesNetworkConfig"], "kubernetesNetworkConfig")) {
    if (network["ipFamily"]) {
      std::string family = read.scalar(network["ipFamily"], "kubernetesNetworkConfig.ipFamily");
      std::transform(family.begin(), family.end(), family.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      spec.cni.ipv6 = family == "ipv6";
    }
  }
  const YAML::Node addons = read.sequence(root["addons"], "addons");
  for (std::size_t i = 0; addons && i < addons.size(); ++i) {
    const std::string path = fmt::format("addons[{}]", i);
    read.map(addons[i], path);
    if (addons[i]["name"] && read.scalar(addons[i]["name"], path + ".name") == "vpc-cni") {
      read_vpc_cni_addon(read, addons[i], path, origin, spec.cni);
    }
  }
  std::vector<EksctlSubnet> private_subnets;
  std::vector<EksctlSubnet> public_subnets;
  if (const YAML::Node vpc = read.map(root["vpc"], "vpc")) {
    if (const YAML::Node subnets = read.map(vpc["subnets"], "vpc.subnets")) {
      private_subnets = read_eksctl_subnets(read, subnets["private"], "vpc.subnets.private");
      public_subnets = read_eksctl_subnets(read, subnets["public"], "vpc.subnets.public");
    }
  }
  for (std::string section : {"nodeGroups", "managedNodeGroups"}) {
    const YAML::Node groups = read.sequence(root[section], section);
    for (std::size_t i = 0; groups && i < groups.size(); ++i) {
      const std::string path = fmt::format("{}[{}]", section, i);
      const YAML::Node group = read.map(groups[i], path);
      NodeGroupSpec node_group;
      node_group.section = section;
      node_group.line = Reader::line_of(group);
      node_group.name = group["name"] ? read.scalar(group["name"], path + ".name") : path;
      node_group.instance_types = instance_types(read, group, path);
      read_group_sizes(read, group, path, node_group);
      place_eksctl_group(read, group, path, private_subnets, public_subnets, node_group);
      spec.node_groups.push_back(std::move(node_group));
    }
  }
  return spec;
}

ClusterSpec read_maxpods_spec(const Reader& read, const YAML::Node& root) {
  ClusterSpec spec;
  read.only_keys(root, "", {"apiVersion", "kind", "cni", "nodeGroups"});
  if (const YAML::Node cni = read.map(root["cni"], "cni")) {
    read.only_keys(
        cni, "cni",
        {"version", "prefixDelegation", "customNetworking", "securityGroupsForPods", "ipFamily",
         "warmEniTarget", "warmIpTarget", "minimumIpTarget", "warmPrefixTarget"});
    auto flag = [&](std::string_view key, bool& target) {
      if (cni[std::string(key)]) {
        target = read.boolean(cni[std::string(key)], fmt::format("cni.{}", key));
      }
    };
    auto number = [&](std::string_view key, int& target) {
      if (cni[std::string(key)]) {
        target = read.integer(cni[std::string(key)], fmt::format("cni.{}", key), 0);
      }
    };
    if (cni["version"]) {
      spec.cni.version = read.scalar(cni["version"], "cni.version");
    }
    flag("prefixDelegation", spec.cni.prefix_delegation);
    flag("customNetworking", spec.cni.custom_networking);
    flag("securityGroupsForPods", spec.cni.security_groups_for_pods);
    if (cni["ipFamily"]) {
      std::string family = read.scalar(cni["ipFamily"], "cni.ipFamily");
      if (family != "ipv4" && family != "ipv6") {
        read.fail(cni["ipFamily"], "cni.ipFamily", "expected ipv4 or ipv6");
      }
      spec.cni.ipv6 = family == "ipv6";
    }
    number("warmEniTarget", spec.cni.warm.warm_eni_target);
    number("warmIpTarget", spec.cni.warm.warm_ip_target);
    number("minimumIpTarget", spec.cni.warm.minimum_ip_target);
    number("warmPrefixTarget", spec.cni.warm.warm_prefix_target);
  }
  const YAML::Node groups = read.sequence(root["nodeGroups"], "nodeGroups");
  if (!groups || groups.size() == 0) {
    read.fail(root, "nodeGroups", "no node groups to check");
  }
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const std::string path = fmt::format("nodeGroups[{}]", i);
    const YAML::Node group = read.map(groups[i], path);
    read.only_keys(group, path,
                   {"name", "instanceType", "instanceTypes", "maxPodsPerNode", "desiredCapacity",
                    "maxSize", "subnets", "podSubnets"});
    NodeGroupSpec node_group;
    node_group.section = "nodeGroups";
    node_group.line = Reader::line_of(group);
    node_group.name = group["name"] ? read.scalar(group["name"], path + ".name") : path;
    node_group.instance_types = instance_types(read, group, path);
    read_group_sizes(read, group, path, node_group);
    for (const auto& [key, target] :
         {std::pair{"subnets", &node_group.subnets}, {"podSubnets", &node_group.pod_subnets}}) {
      const YAML::Node list = read.sequence(group[key], path + "." + key);
      for (std::size_t j = 0; list && j < list.size(); ++j) {
        target->push_back(read.subnet(list[j], fmt::format("{}.{}[{}]", path, key, j)));
      }
    }
    spec.node_groups.push_back(std::move(node_group));
  }
  return spec;
}

}  // namespace

ClusterSpec parse_cluster_spec(std::string_view text, std::string_view origin) {
  YAML::Node root = load(text, origin);
  Reader read(origin);
  if (!root.IsMap()) {
    read.fail(root, "(top)", "expected a mapping: an eksctl ClusterConfig or a maxpods spec");
  }
  const std::string kind = root["kind"] ? read.scalar(root["kind"], "kind") : "";
  ClusterSpec spec;
  if (kind == "ClusterConfig") {
    spec = read_eksctl(read, root, origin);
  } else if (kind.empty() || kind == "NodeGroupCheck") {
    spec = read_maxpods_spec(read, root);
  } else {
    read.fail(
        root["kind"], "kind",
        fmt::format("'{}' is neither an eksctl ClusterConfig nor a maxpods NodeGroupCheck", kind));
  }
  spec.file = std::string(origin);
  return spec;
}

}  // namespace maxpods
