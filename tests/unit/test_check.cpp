// Reading eksctl ClusterConfig files and maxpods specs, and the checks on their node groups.

#include <maxpods/check.hpp>
#include <maxpods/cluster_spec.hpp>
#include <maxpods/error.hpp>

#include <catch2/catch.hpp>

using namespace maxpods;

namespace {

std::string spec_error(const std::string& yaml) {
  try {
    parse_cluster_spec(yaml, "c.yaml");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::usage);
    return e.what();
  }
  return "parsed";
}

const char* const k_eksctl = R"(apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: c, region: eu-west-1}
vpc:
  subnets:
    private:
      eu-west-1a: {id: subnet-a, cidr: 10.0.0.0/24}
      eu-west-1b: {id: subnet-b}
    public:
      eu-west-1a: {id: subnet-p, cidr: 10.0.100.0/24}
addons:
  - name: vpc-cni
    version: v1.12.6-eksbuild.1
    configurationValues: |-
      {"env": {"ENABLE_PREFIX_DELEGATION": "true", "WARM_PREFIX_TARGET": "2",
               "ENABLE_POD_ENI": "false"}}
nodeGroups:
  - name: ng
    instanceType: m5.large
    maxPodsPerNode: 50
    maxSize: 4
    privateNetworking: true
managedNodeGroups:
  - name: mng
    instanceTypes: [c5.large, c5a.large]
    subnets: [eu-west-1a]
)";

}  // namespace

TEST_CASE("an eksctl ClusterConfig gives node groups, sizes and the vpc-cni settings") {
  ClusterSpec spec = parse_cluster_spec(k_eksctl, "c.yaml");
  CHECK(spec.eksctl);
  CHECK(spec.cni.version == "v1.12.6-eksbuild.1");
  CHECK(spec.cni.prefix_delegation);
  CHECK_FALSE(spec.cni.security_groups_for_pods);
  CHECK(spec.cni.warm.warm_prefix_target == 2);
  REQUIRE(spec.node_groups.size() == 2);
  const auto& ng = spec.node_groups[0];
  CHECK(ng.name == "ng");
  CHECK(ng.section == "nodeGroups");
  CHECK(ng.line == 18);
  CHECK(ng.max_pods_line == 20);
  CHECK(ng.instance_types == std::vector<std::string>{"m5.large"});
  CHECK(ng.max_pods_per_node == 50);
  CHECK(ng.max_size == 4);
  // Private networking: the private subnets, one of them known by id only.
  REQUIRE(ng.subnets.size() == 1);
  CHECK(ng.subnets[0].text == "10.0.0.0/24");
  REQUIRE(ng.notes.size() == 1);
  CHECK_THAT(ng.notes[0], Catch::Contains("subnet-b is given by id only"));
  // A managed group without privateNetworking takes the public subnet of its zone.
  const auto& mng = spec.node_groups[1];
  CHECK(mng.section == "managedNodeGroups");
  CHECK(mng.instance_types == std::vector<std::string>{"c5.large", "c5a.large"});
  REQUIRE(mng.subnets.size() == 1);
  CHECK(mng.subnets[0].text == "10.0.100.0/24");
}

TEST_CASE("a maxpods spec reads the same, in YAML or JSON") {
  auto yaml = parse_cluster_spec(R"(kind: NodeGroupCheck
cni: {version: 1.16.0, customNetworking: true, warmIpTarget: 5}
nodeGroups:
  - {name: api, instanceType: m5.large, maxPodsPerNode: 20, maxSize: 3,
     subnets: [10.0.0.0/26], podSubnets: [100.64.0.0/24]}
)",
                                 "s.yaml");
  auto json = parse_cluster_spec(R"({"cni": {"version": "1.16.0", "customNetworking": true,
    "warmIpTarget": 5}, "nodeGroups": [{"name": "api", "instanceType": "m5.large",
    "maxPodsPerNode": 20, "maxSize": 3, "subnets": ["10.0.0.0/26"],
    "podSubnets": ["100.64.0.0/24"]}]})",
                                 "s.json");
  for (const auto* spec : {&yaml, &json}) {
    CHECK_FALSE(spec->eksctl);
    CHECK(spec->cni.custom_networking);
    CHECK(spec->cni.warm.warm_ip_target == 5);
    REQUIRE(spec->node_groups.size() == 1);
    CHECK(spec->node_groups[0].pod_subnets.size() == 1);
  }
}

TEST_CASE("bad specs name the file, the line and the field") {
  CHECK(spec_error("kind: NodeGroupCheck\nnodeGroups:\n  - name: a\n    instanceType: m5.large\n"
                   "    maxPodPerNode: 3\n") ==
        "c.yaml:5: nodeGroups[0].maxPodPerNode: unknown key; did you mean maxPodsPerNode?");
  CHECK(spec_error("kind: NodeGroupCheck\nnodeGroups:\n  - name: a\n") ==
        "c.yaml:3: nodeGroups[0]: no instanceType or instanceTypes");
  CHECK(spec_error("kind: NodeGroupCheck\nnodeGroups:\n  - name: a\n    instanceType: m5.large\n"
                   "    maxPodsPerNode: lots\n") ==
        "c.yaml:5: nodeGroups[0].maxPodsPerNode: expected a whole number, got 'lots'");
  CHECK(spec_error("kind: NodeGroupCheck\nnodeGroups:\n  - instanceType: m5.large\n"
                   "    subnets: [10.0.0.0/30]\n") ==
        "c.yaml:4: nodeGroups[0].subnets[0]: invalid subnet '10.0.0.0/30': AWS subnets are /16 "
        "to /28, not /30");
  CHECK(spec_error("kind: Pod\n") ==
        "c.yaml:1: kind: 'Pod' is neither an eksctl ClusterConfig nor a maxpods NodeGroupCheck");
  CHECK(spec_error("kind: NodeGroupCheck\n") == "c.yaml:1: nodeGroups: no node groups to check");
  CHECK_THAT(spec_error("nodeGroups: [\n"), Catch::StartsWith("c.yaml:2: not valid YAML: "));
  CHECK(spec_error("kind: ClusterConfig\naddons:\n  - name: vpc-cni\n    configurationValues: "
                   "'{\"env\": {\"ENABLE_PREFIX_DELEGATION\": \"maybe\"}}'\n") ==
        "c.yaml:4: addons[0].configurationValues.env.ENABLE_PREFIX_DELEGATION: expected true or "
        "false, got 'maybe'");
}

TEST_CASE("a maxPodsPerNode above the address limit fails; below the recommendation warns") {
  auto spec = parse_cluster_spec(R"(nodeGroups:
  - {name: over, instanceType: t3.medium, maxPodsPerNode: 40}
  - {name: under, instanceType: m5.large, maxPodsPerNode: 20}
  - {name: exact, instanceType: m5.large, maxPodsPerNode: 29}
  - {name: unset, instanceType: m5.large}
)",
                                 "s.yaml");
  auto checks = check_cluster(spec, Catalog());
  REQUIRE(checks.size() == 4);
  CHECK(checks[0].status() == CheckStatus::fail);
  CHECK(checks[0].findings[0].message ==
        "maxPodsPerNode 40 is above the 17 pods VPC CNI can give addresses on t3.medium: pods "
        "beyond 17 would be stuck without IPs");
  CHECK(checks[0].findings[0].line == 2);
  CHECK(checks[1].status() == CheckStatus::warn);
  CHECK(checks[2].status() == CheckStatus::pass);
  CHECK(checks[3].status() == CheckStatus::pass);
}

TEST_CASE("prefix delegation from the add-on raises what a node group may ask for") {
  auto spec = parse_cluster_spec(R"(kind: NodeGroupCheck
cni: {prefixDelegation: true}
nodeGroups:
  - {name: big, instanceType: m5.large, maxPodsPerNode: 110}
)",
                                 "s.yaml");
  auto checks = check_cluster(spec, Catalog());
  CHECK(checks[0].status() == CheckStatus::pass);
}

TEST_CASE("maxSize nodes must fit the subnets") {
  auto spec = parse_cluster_spec(R"(nodeGroups:
  - {name: fits, instanceType: m5.large, maxPodsPerNode: 29, maxSize: 8, subnets: [10.0.0.0/24]}
  - {name: full, instanceType: m5.large, maxPodsPerNode: 29, maxSize: 9, subnets: [10.0.0.0/24]}
)",
                                 "s.yaml");
  auto checks = check_cluster(spec, Catalog());
  CHECK(checks[0].status() == CheckStatus::pass);
  REQUIRE(checks[1].findings.size() == 2);
  CHECK(checks[1].findings[1].status == CheckStatus::fail);
  CHECK(checks[1].findings[1].message ==
        "9 nodes of m5.large with 29 pods each need 270 addresses in all; 10.0.0.0/24 hold at "
        "most 8 nodes");
}

TEST_CASE("an unknown instance type in a spec is bad input with its line") {
  auto spec = parse_cluster_spec("nodeGroups:\n  - {name: x, instanceType: m5.lrge}\n", "s.yaml");
  try {
    check_cluster(spec, Catalog());
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::usage);
    CHECK(std::string(e.what()) ==
          "s.yaml:2: nodeGroups x: unknown instance type 'm5.lrge'; did you mean m5.large?");
  }
}
