// The worked examples of the capacity model, and the rules around them.

#include <maxpods/capacity.hpp>
#include <maxpods/catalog.hpp>
#include <maxpods/error.hpp>

#include <catch2/catch.hpp>

using namespace maxpods;

namespace {

CapacityResult plan(const std::string& type, CapacityOptions options) {
  return compute_capacity(Catalog().get(type), options);
}

CapacityOptions pods(std::int64_t p, std::optional<std::int64_t> max = std::nullopt) {
  CapacityOptions options;
  options.pods = p;
  options.kubelet_max_pods = max;
  return options;
}

}  // namespace

TEST_CASE("ENI-target mode on m5.large: a warm ENI beyond what pods need") {
  auto at = [](std::int64_t p) { return plan("m5.large", pods(p)); };
  CHECK(at(0).kubelet_max_pods == 29);
  CHECK(at(0).node.enis == 1);
  CHECK(at(0).node.subnet_ips == 10);
  for (int p = 1; p <= 9; ++p) {
    CHECK(at(p).node.enis == 2);
    CHECK(at(p).node.subnet_ips == 20);
  }
  for (int p : {10, 20, 29}) {
    CHECK(at(p).node.enis == 3);
    CHECK(at(p).node.subnet_ips == 30);
  }
}

TEST_CASE("ENI-target mode on m5.4xlarge, and maxPods stopping growth") {
  CHECK(plan("m5.4xlarge", pods(0, 234)).node.subnet_ips == 30);
  CHECK(plan("m5.4xlarge", pods(30, 234)).node.subnet_ips == 90);
  CHECK(plan("m5.4xlarge", pods(100, 234)).node.subnet_ips == 150);
  CHECK(plan("m5.4xlarge", pods(200, 234)).node.subnet_ips == 240);
  auto capped = plan("m5.4xlarge", pods(100, 110));
  CHECK(capped.node.enis == 4);
  CHECK(capped.node.subnet_ips == 120);
}

TEST_CASE("WARM_ENI_TARGET=0 attaches floor(P/S) + 1 ENIs") {
  auto options = pods(9);
  options.warm.warm_eni_target = 0;
  CHECK(plan("m5.large", options).node.enis == 2);
  options.pods = 8;
  CHECK(plan("m5.large", options).node.enis == 1);
}

TEST_CASE("IP-target mode: T = max(P + WARM_IP_TARGET, MINIMUM_IP_TARGET), plus ENI primaries") {
  auto options = pods(5);
  options.warm.warm_ip_target = 2;
  options.warm.minimum_ip_target = 10;
  auto small = plan("m5.large", options);
  CHECK(small.ip_target_mode);
  CHECK(small.node.secondary_ips == 10);
  CHECK(small.node.enis == 2);
  CHECK(small.node.subnet_ips == 12);
  options.pods = 30;
  CHECK(plan("m5.4xlarge", options).node.subnet_ips == 34);
}

TEST_CASE("MINIMUM_IP_TARGET without WARM_IP_TARGET is warned about") {
  auto options = pods(5);
  options.warm.minimum_ip_target = 10;
  auto result = plan("m5.large", options);
  REQUIRE(result.warnings.size() == 1);
  CHECK_THAT(result.warnings[0], Catch::Contains("freezes the pool"));
}

TEST_CASE("prefix mode on m5.large: ceil(P/16) + WARM_PREFIX_TARGET prefixes, capped") {
  auto at = [](std::int64_t p) {
    auto options = pods(p);
    options.max_pods.prefix_delegation = true;
    return plan("m5.large", options);
  };
  CHECK(at(20).kubelet_max_pods == 110);
  CHECK(at(20).node.prefixes == 3);
  CHECK(at(20).node.subnet_ips == 49);
  CHECK(at(50).node.prefixes == 5);
  CHECK(at(50).node.subnet_ips == 81);
  CHECK(at(110).node.prefixes == 7);
  CHECK(at(110).node.subnet_ips == 113);
}

TEST_CASE("prefix mode with IP targets: max(ceil((P + WIT)/16), ceil(MIT/16)) prefixes") {
  auto options = pods(20);
  options.max_pods.prefix_delegation = true;
  options.warm.warm_ip_target = 5;
  options.warm.minimum_ip_target = 60;
  auto result = plan("m5.large", options);
  CHECK(result.node.prefixes == 4);
  CHECK(result.node.subnet_ips == 65);
}

TEST_CASE("WARM_PREFIX_TARGET=0 without IP targets is refused") {
  auto options = pods(20);
  options.max_pods.prefix_delegation = true;
  options.warm.warm_prefix_target = 0;
  CHECK_THROWS_AS(plan("m5.large", options), Error);
}

TEST_CASE("WARM_PREFIX_TARGET of 2 or more gives a lower bound") {
  auto options = pods(20);
  options.max_pods.prefix_delegation = true;
  options.warm.warm_prefix_target = 2;
  auto result = plan("m5.large", options);
  CHECK(result.node.prefixes == 4);
  CHECK_THAT(result.warnings.back(), Catch::Contains("lower bound"));
}

TEST_CASE("prefix mode on a non-Nitro type falls back, with the reason") {
  auto options = pods(10);
  options.max_pods.prefix_delegation = true;
  auto result = plan("c4.large", options);
  CHECK(result.mode == AddressMode::secondary_ip);
  CHECK_THAT(result.warnings.front(), Catch::Contains("not a Nitro instance"));
}

TEST_CASE("custom networking splits the node subnet from the pod subnet") {
  auto options = pods(20);
  options.max_pods.custom_networking = true;
  auto result = plan("m5.large", options);
  CHECK(result.kubelet_max_pods == 20);
  CHECK(result.node.enis == 3);
  CHECK(result.node.node_subnet_ips == 1);
  CHECK(result.node.pod_subnet_ips == 20);  // two pod ENIs of 10 addresses
}

TEST_CASE("security groups for pods add the trunk and one address per branch pod") {
  auto options = pods(10);
  options.max_pods.security_groups_for_pods = true;
  options.branch_pods = 4;
  auto result = plan("m5.large", options);
  CHECK(result.kubelet_max_pods == 20);
  CHECK(result.node.enis == 2);  // the two ENIs left beside the trunk, both in use
  CHECK(result.node.trunk_ips == 1);
  CHECK(result.node.subnet_ips == 2 * 10 + 1 + 4);
}

TEST_CASE("IPv6 takes one IPv4 address per node, two with a trunk") {
  auto options = pods(50);
  options.max_pods.ip_family = IpFamily::ipv6;
  CHECK(plan("m5.large", options).node.subnet_ips == 1);
  options.max_pods.security_groups_for_pods = true;
  CHECK(plan("m5.large", options).node.subnet_ips == 2);
}

TEST_CASE("multi-NIC: an idle extra card holds two addresses") {
  auto options = pods(50);
  options.multi_nic = true;
  auto result = plan("c6in.32xlarge", options);
  REQUIRE(result.node.extra_cards.size() == 1);
  CHECK(result.node.extra_cards[0].index == 1);
  CHECK(result.node.extra_cards[0].subnet_ips == 2);
  options.multi_nic_pods = 60;  // T = 61, N = ceil(61 / 49) = 2
  CHECK(plan("c6in.32xlarge", options).node.extra_cards[0].subnet_ips == 63);
}

TEST_CASE("nodes that fit a subnet, and the largest count that does") {
  auto options = pods(20);
  options.nodes = 10;
  options.subnets = {Subnet::parse("10.0.0.0/24")};
  auto result = plan("m5.large", options);
  CHECK(result.total_ips == 300);
  CHECK(result.fits == false);
  CHECK(result.max_nodes == 8);  // 251 / 30
  options.nodes = 8;
  CHECK(plan("m5.large", options).fits == true);
}

TEST_CASE("nodes spread evenly over subnets; the smallest subnet bounds the count") {
  auto options = pods(20);
  options.nodes = 20;
  options.subnets = {Subnet::parse("10.0.0.0/24"), Subnet::parse("10.0.1.0/25")};
  auto result = plan("m5.large", options);
  REQUIRE(result.subnets.size() == 2);
  CHECK(result.subnets[0].max_nodes == 8);
  CHECK(result.subnets[1].max_nodes == 4);  // 123 / 30
  CHECK(result.max_nodes == 9);             // 4 + 4, and one more where there is room
  CHECK(result.subnets[0].nodes == 10);
  CHECK(result.fits == false);
}

TEST_CASE("prefix mode counts whole aligned /28 blocks, not addresses") {
  auto options = pods(20);
  options.max_pods.prefix_delegation = true;
  options.nodes = 10;
  options.subnets = {Subnet::parse("10.0.0.0/24")};
  auto result = plan("m5.large", options);
  REQUIRE(result.subnets.size() == 1);
  CHECK(result.subnets[0].free_blocks == 14);
  CHECK(result.subnets[0].blocks_needed == 30);
  CHECK(result.max_nodes == 4);  // 4 x 3 blocks; 4 ENI addresses fit the partial blocks
  CHECK_THAT(result.warnings.back(), Catch::Contains("InsufficientCidrBlocks"));
}

TEST_CASE("capacity rejects contradictory or impossible settings") {
  auto refused = [](CapacityOptions options) {
    try {
      plan("m5.large", options);
    } catch (const Error& e) {
      return e.kind() == ErrorKind::usage;
    }
    return false;
  };
  CHECK(refused(pods(30)));  // above maxPods 29
  CHECK(refused(pods(-1)));
  auto options = pods(5);
  options.nodes = 0;
  CHECK(refused(options));
  options = pods(5);
  options.warm.warm_ip_target = -1;
  CHECK(refused(options));
  options = pods(5);
  options.pod_subnets = {Subnet::parse("10.1.0.0/24")};
  CHECK(refused(options));  // no custom networking
  options = pods(5);
  options.branch_pods = 1;
  CHECK(refused(options));  // no security groups for pods
  options = pods(5);
  options.max_pods.os = NodeOs::windows_node;
  CHECK(refused(options));
  options = pods(5);
  options.multi_nic = true;
  options.max_pods.cni_version = CniVersion::parse("1.19.0");
  CHECK(refused(options));
}
