// Capacity planning, deployment modes and kubelet reservations through the binary.

#include "../json_string_maker.hpp"
#include "run.hpp"

using maxpods::test::Run;
using maxpods::test::run_maxpods;
using nlohmann::json;

namespace {

json capacity(std::vector<std::string> args) {
  args.insert(args.begin(), "capacity");
  args.insert(args.end(), {"-o", "json"});
  Run run = run_maxpods(args);
  INFO(run.err);
  REQUIRE(run.status == 0);
  return json::parse(run.out);
}

std::int64_t subnet_ips(const std::vector<std::string>& args) {
  return capacity(args)["perNode"]["subnetIps"].get<std::int64_t>();
}

}  // namespace

TEST_CASE("capacity reproduces the ENI-target examples for m5.large") {
  struct Case {
    std::string pods;
    int enis;
    int ips;
  };
  for (const auto& c : {Case{"0", 1, 10}, Case{"1", 2, 20}, Case{"9", 2, 20}, Case{"10", 3, 30},
                        Case{"29", 3, 30}}) {
    auto result = capacity({"-t", "m5.large", "--pods", c.pods});
    CHECK(result["kubeletMaxPods"] == 29);
    CHECK(result["perNode"]["enis"] == c.enis);
    CHECK(result["perNode"]["subnetIps"] == c.ips);
  }
}

TEST_CASE("capacity reproduces the ENI-target examples for m5.4xlarge") {
  CHECK(subnet_ips({"-t", "m5.4xlarge", "--show-max-allowed", "--pods", "0"}) == 30);
  CHECK(subnet_ips({"-t", "m5.4xlarge", "--show-max-allowed", "--pods", "30"}) == 90);
  CHECK(subnet_ips({"-t", "m5.4xlarge", "--max-pods", "234", "--pods", "100"}) == 150);
  CHECK(subnet_ips({"-t", "m5.4xlarge", "--show-max-allowed", "--pods", "200"}) == 240);
  auto capped = capacity({"-t", "m5.4xlarge", "--pods", "100"});
  CHECK(capped["kubeletMaxPods"] == 110);
  CHECK(capped["perNode"]["enis"] == 4);
  CHECK(capped["perNode"]["subnetIps"] == 120);
}

TEST_CASE("capacity reproduces the IP-target examples") {
  auto small = capacity(
      {"-t", "m5.large", "--warm-ip-target", "2", "--minimum-ip-target", "10", "--pods", "5"});
  CHECK(small["perNode"]["secondaryIps"] == 10);
  CHECK(small["perNode"]["enis"] == 2);
  CHECK(small["perNode"]["subnetIps"] == 12);
  CHECK(subnet_ips({"-t", "m5.4xlarge", "--warm-ip-target", "2", "--minimum-ip-target", "10",
                    "--pods", "30"}) == 34);
}

TEST_CASE("capacity reproduces the prefix-delegation examples") {
  struct Case {
    std::string pods;
    int prefixes;
    int ips;
  };
  for (const auto& c : {Case{"20", 3, 49}, Case{"50", 5, 81}, Case{"110", 7, 113}}) {
    auto result = capacity({"-t", "m5.large", "--prefix-delegation", "--pods", c.pods});
    CHECK(result["kubeletMaxPods"] == 110);
    CHECK(result["perNode"]["prefixes"] == c.prefixes);
    CHECK(result["perNode"]["subnetIps"] == c.ips);
  }
}

TEST_CASE("kubelet-config pins nodeadm's reservations for m5.large and m5.4xlarge") {
  Run small = run_maxpods({"--instance-type", "m5.large", "-o", "kubelet-config"});
  CHECK(small.status == 0);
  CHECK(small.err.empty());
  CHECK(small.out ==
        "{\n"
        "  \"apiVersion\": \"kubelet.config.k8s.io/v1beta1\",\n"
        "  \"kind\": \"KubeletConfiguration\",\n"
        "  \"maxPods\": 29,\n"
        "  \"kubeReserved\": {\n"
        "    \"cpu\": \"70m\",\n"
        "    \"ephemeral-storage\": \"1Gi\",\n"
        "    \"memory\": \"574Mi\"\n"
        "  }\n"
        "}\n");
  Run large = run_maxpods({"--instance-type", "m5.4xlarge", "-o", "kubelet-config"});
  auto config = json::parse(large.out);
  CHECK(config["maxPods"] == 234);
  CHECK(config["kubeReserved"]["cpu"] == "110m");
  CHECK(config["kubeReserved"]["memory"] == "2829Mi");
  CHECK(large.err ==
        "note: maxPods is the address limit, 234, as nodeadm sets it; max-pods-calculator.sh "
        "recommends 110: add --max-pods-cap 110 for that\n");
  auto capped = json::parse(
      run_maxpods({"-t", "m5.4xlarge", "-o", "kubelet-config", "--max-pods-cap", "110"}).out);
  CHECK(capped["maxPods"] == 110);
  CHECK(capped["kubeReserved"]["memory"] == "1465Mi");
}

TEST_CASE("kubelet-config needs a vCPU count") {
  Run run = run_maxpods({"-t", "cr1.8xlarge", "-o", "kubelet-config"});
  CHECK(run.out.empty());
  CHECK(run.status == 5);
  CHECK(run.err ==
        "maxpods: error: cannot write a kubelet configuration for cr1.8xlarge: its vCPU count "
        "is unknown\n");
}

TEST_CASE("deployment modes change the count, and the default stays the script's") {
  auto count = [](std::vector<std::string> args) {
    args.insert(args.begin(), {"-t", "m5.large", "--quiet"});
    Run run = run_maxpods(args);
    INFO(run.err);
    CHECK(run.status == 0);
    return run.out;
  };
  CHECK(count({}) == "29\n");
  CHECK(count({"--security-groups-for-pods"}) == "20\n");
  CHECK(count({"--ip-family", "ipv6"}) == "110\n");
  CHECK(count({"--os", "windows"}) == "9\n");
  CHECK(count({"--cilium-eni"}) == "18\n");
  CHECK(count({"--reserved-enis", "1"}) == "20\n");
  CHECK(count({"--reserved-enis", "3"}) == "0\n");
  CHECK(count({"--host-network-pods", "4"}) == "31\n");
  CHECK(count({"--pods-per-core", "5"}) == "10\n");
  CHECK(count({"--max-pods-cap", "20"}) == "20\n");
  CHECK(count({"--prefix-delegation", "--max-pods-cap", "200"}) == "200\n");
  Run metal = run_maxpods(
      {"-t", "m5.metal", "--prefix-delegation", "--cni-semantics", "--show-max-allowed"});
  CHECK(metal.out == "11762\n");
  CHECK(metal.err.empty());
}

TEST_CASE("security groups for pods say the branch-ENI capacity is unknown") {
  Run run = run_maxpods({"-t", "m5.large", "--security-groups-for-pods"});
  CHECK(run.out == "20\n");
  CHECK(run.err ==
        "note: security groups for pods: the branch-ENI capacity (vpc.amazonaws.com/pod-eni) of "
        "m5.large is unknown; EC2 does not publish it\n");
}

TEST_CASE("contradictory modes and bad values are usage errors") {
  auto refused = [](std::vector<std::string> args, const std::string& err) {
    Run run = run_maxpods(args);
    CHECK(run.out.empty());
    CHECK(run.err == "maxpods: error: " + err + "\n");
    CHECK(run.status == 2);
  };
  refused({"-t", "m5.large", "--ip-family", "ipv6", "--custom-networking"},
          "--ip-family ipv6 and --custom-networking do not go together: VPC CNI does not "
          "support custom networking in IPv6 clusters");
  refused({"-t", "m5.large", "--show-max-allowed", "--max-pods-cap", "50"},
          "--show-max-allowed and --max-pods-cap do not go together: --show-max-allowed prints "
          "the uncapped count, so the cap would have no effect");
  refused({"-t", "m5.large", "--os", "windows", "--prefix-delegation"},
          "--os windows and --prefix-delegation do not go together: Windows nodes count the "
          "primary ENI's secondary IPs only");
  refused({"-t", "m5.large", "--ip-family", "ipv5"},
          "invalid --ip-family 'ipv5': expected ipv4 "
          "or ipv6");
  refused({"-t", "m5.large", "--os", "macos"}, "invalid --os 'macos': expected linux or windows");
  refused({"-t", "m5.large", "--host-network-pods", "-1"},
          "invalid --host-network-pods -1: it must be 0 or more");
  refused({"-t", "m5.large", "--pods-per-core", "0"},
          "invalid --pods-per-core 0: it must be 1 or more");
  refused({"capacity", "-t", "m5.large", "--subnet", "10.0.0.0/29"},
          "invalid --subnet '10.0.0.0/29': AWS subnets are /16 to /28, not /29");
  refused({"capacity", "-t", "m5.large", "--subnet", "2600:1f14::/56"},
          "invalid --subnet '2600:1f14::/56': an IPv6 CIDR; give the IPv4 subnet (VPC CNI takes "
          "node and pod IPv4 addresses from it)");
  refused({"capacity", "-t", "m5.large", "--subnet", "10.0.0/24"},
          "invalid --subnet '10.0.0/24': expected an IPv4 CIDR such as 10.0.0.0/24");
  refused({"capacity", "-t", "m5.large", "--pods", "30"},
          "--pods 30 is above kubelet's max pods, 29");
  refused({"capacity", "-t", "m5.large", "--warm-ip-target", "-2"},
          "invalid --warm-ip-target -2: it must be 0 or more");
  refused({"capacity", "-t", "m5.large", "--prefix-delegation", "--warm-prefix-target", "0"},
          "WARM_PREFIX_TARGET=0 without WARM_IP_TARGET or MINIMUM_IP_TARGET is not supported by "
          "VPC CNI: set --warm-prefix-target 1 or an IP target");
  refused({"capacity", "-t", "m5.large", "--cilium-eni"},
          "capacity models VPC CNI on Linux nodes; Cilium's ENI mode allocates addresses with "
          "other settings");
}

TEST_CASE("capacity answers how many m5.large nodes with 20 pods fit a /24") {
  auto secondary =
      capacity({"-t", "m5.large", "--pods", "20", "--nodes", "10", "--subnet", "10.0.0.0/24"});
  CHECK(secondary["fits"] == false);
  CHECK(secondary["maxNodes"] == 8);
  auto prefixes = capacity({"-t", "m5.large", "--pods", "20", "--nodes", "10", "--subnet",
                            "10.0.0.0/24", "--prefix-delegation"});
  CHECK(prefixes["fits"] == false);
  CHECK(prefixes["maxNodes"] == 4);
  CHECK(prefixes["subnets"][0]["freeBlocks"] == 14);
}

TEST_CASE("capacity prints a table for people and warnings on stderr") {
  Run run = run_maxpods({"capacity", "-t", "m5.large", "--pods", "5", "--minimum-ip-target", "10"});
  CHECK(run.status == 0);
  CHECK_THAT(run.out, Catch::StartsWith("m5.large: 1 node, 5 pods each (kubelet maxPods 29), "
                                        "secondary IPs, WARM_IP_TARGET=0, MINIMUM_IP_TARGET=10\n"));
  CHECK_THAT(run.out, Catch::Contains("  subnet addresses        12\n"));
  CHECK_THAT(run.err, Catch::StartsWith("warning: MINIMUM_IP_TARGET=10 without WARM_IP_TARGET "
                                        "freezes the pool"));
}
