// The deployment modes the reference script does not know: one formula test each.

#include <maxpods/error.hpp>
#include <maxpods/max_pods.hpp>

#include "test_types.hpp"

#include <catch2/catch.hpp>

using namespace maxpods;
using maxpods::test::make_type;

namespace {

MaxPodsOptions options() {
  MaxPodsOptions o;
  o.cni_version = CniVersion::parse("1.18.0");
  o.show_max_allowed = true;
  return o;
}

ErrorKind kind_of(const InstanceType& type, const MaxPodsOptions& o) {
  try {
    compute_max_pods(type, o).answer();
  } catch (const Error& e) {
    return e.kind();
  }
  FAIL("no error");
  return ErrorKind::usage;
}

}  // namespace

TEST_CASE("security groups for pods: the trunk ENI takes a slot, (E - 1) x S + 2") {
  auto o = options();
  o.security_groups_for_pods = true;
  auto r = compute_max_pods(make_type(), o);
  CHECK(r.trunk_enis == 1);
  CHECK(r.answer() == 2 * 9 + 2);
  CHECK_FALSE(r.branch_enis);
  REQUIRE(r.notes.size() == 1);
  CHECK_THAT(r.notes[0], Catch::Contains("unknown; EC2 does not publish it"));
}

TEST_CASE("security groups for pods report the branch-ENI capacity where it is known") {
  auto type = make_type();
  type.branch_enis = 9;
  auto o = options();
  o.security_groups_for_pods = true;
  auto r = compute_max_pods(type, o);
  CHECK(r.branch_enis == 9);
  CHECK_THAT(r.notes[0], Catch::Contains("up to 9 branch-ENI pods"));
}

TEST_CASE("before CNI 1.16.4 the trunk ENI's addresses still went to pods") {
  auto o = options();
  o.security_groups_for_pods = true;
  o.cni_version = CniVersion::parse("1.16.3");
  auto r = compute_max_pods(make_type(), o);
  CHECK(r.trunk_enis == 0);
  CHECK(r.answer() == 3 * 9 + 2);
  CHECK_THAT(r.notes[0], Catch::Contains("older than 1.16.4"));
}

TEST_CASE("security groups for pods need a Nitro trunk") {
  auto type = make_type();
  type.hypervisor = "xen";
  type.prefix_delegation = false;
  auto o = options();
  o.security_groups_for_pods = true;
  CHECK(kind_of(type, o) == ErrorKind::unsupported);
}

TEST_CASE("IPv6: only the 110 / 250 cap limits pods") {
  auto o = options();
  o.ip_family = IpFamily::ipv6;
  o.show_max_allowed = false;
  auto r = compute_max_pods(make_type(), o);
  CHECK_FALSE(r.max_allowed);
  CHECK(r.applied == AddressMode::prefix_delegation);
  CHECK(r.answer() == 110);
  CHECK(compute_max_pods(make_type(3, 10, 64), o).answer() == 250);
  o.show_max_allowed = true;  // no address limit to show: the cap, with a note
  CHECK(compute_max_pods(make_type(), o).answer() == 110);
}

TEST_CASE("IPv6 rejects custom networking, old CNIs and non-Nitro types") {
  auto o = options();
  o.ip_family = IpFamily::ipv6;
  o.custom_networking = true;
  CHECK(kind_of(make_type(), o) == ErrorKind::usage);
  o.custom_networking = false;
  o.cni_version = CniVersion::parse("1.9.0");
  CHECK(kind_of(make_type(), o) == ErrorKind::usage);
  o.cni_version = CniVersion::parse("1.18.0");
  auto xen = make_type();
  xen.hypervisor = "xen";
  xen.prefix_delegation = false;
  CHECK(kind_of(xen, o) == ErrorKind::unsupported);
}

TEST_CASE("Windows: the primary ENI's IPv4 addresses - 1, no + 2, and a note on the conflict") {
  auto o = options();
  o.os = NodeOs::windows_node;
  auto r = compute_max_pods(make_type(), o);
  CHECK(r.answer() == 9);
  CHECK(r.pod_enis == 1);
  REQUIRE(r.notes.size() == 1);
  CHECK_THAT(r.notes[0], Catch::Contains("sources disagree") && Catch::Contains("- 3 = 7"));
  o.host_network_pods = 2;
  CHECK(compute_max_pods(make_type(), o).answer() == 11);
}

TEST_CASE("Cilium ENI mode: (E - 1) x S, no + 2") {
  auto o = options();
  o.cilium_eni = true;
  CHECK(compute_max_pods(make_type(), o).answer() == 2 * 9);
  CHECK(compute_max_pods(make_type(8, 30, 16), o).answer() == 7 * 29);
}

TEST_CASE("reserved ENIs: max(E - r, 0) ENIs, and none left means 0 pods, not 2") {
  auto o = options();
  o.reserved_enis = 1;
  CHECK(compute_max_pods(make_type(), o).answer() == 2 * 9 + 2);
  o.reserved_enis = 3;
  auto r = compute_max_pods(make_type(), o);
  CHECK(r.answer() == 0);
  CHECK(r.pod_enis == 0);
  o.reserved_enis = 7;
  CHECK(compute_max_pods(make_type(), o).answer() == 0);
}

TEST_CASE("EFA-only interfaces hold no addresses: (E - U) x S + 2") {
  auto type = make_type(4, 50, 96);
  type.efa_max_interfaces = 2;
  auto o = options();
  o.efa_only_interfaces = 1;
  CHECK(compute_max_pods(type, o).answer() == 3 * 49 + 2);
  o.efa_only_interfaces = 3;
  CHECK(kind_of(type, o) == ErrorKind::unsupported);  // more than the type has
  o.efa_only_interfaces = 1;
  CHECK(kind_of(make_type(), o) == ErrorKind::unsupported);  // no EFA at all
}

TEST_CASE("host-network pods replace the + 2") {
  auto o = options();
  o.host_network_pods = 5;
  CHECK(compute_max_pods(make_type(), o).answer() == 3 * 9 + 5);
  o.host_network_pods = 0;
  CHECK(compute_max_pods(make_type(), o).answer() == 3 * 9);
}

TEST_CASE("pods per core: min(address limit, cap, vCPUs x N)") {
  auto o = options();
  o.show_max_allowed = false;
  o.pods_per_core = 10;
  auto r = compute_max_pods(make_type(), o);
  CHECK(r.pods_per_core_limit == 20);
  CHECK(r.answer() == 20);
  o.pods_per_core = 100;
  CHECK(compute_max_pods(make_type(), o).answer() == 29);
  CHECK(kind_of(make_type(3, 10, std::nullopt), o) == ErrorKind::unsupported);
}

TEST_CASE("a custom cap replaces 110 / 250, even without a vCPU count") {
  auto o = options();
  o.show_max_allowed = false;
  o.prefix_delegation = true;
  o.max_pods_cap = 50;
  auto r = compute_max_pods(make_type(3, 10, std::nullopt), o);
  CHECK(r.answer() == 50);
  CHECK(r.custom_cap);
  o.max_pods_cap = 500;
  CHECK(compute_max_pods(make_type(), o).answer() == 434);
}

TEST_CASE("CNI semantics: prefix delegation applies on bare metal") {
  auto metal = make_type(15, 50, 96);
  metal.hypervisor.clear();
  metal.bare_metal = true;
  auto o = options();
  o.prefix_delegation = true;
  CHECK(compute_max_pods(metal, o).answer() == 15 * 49 + 2);  // the script's rule
  o.cni_semantics = true;
  auto r = compute_max_pods(metal, o);
  CHECK(r.applied == AddressMode::prefix_delegation);
  CHECK(r.answer() == 15 * 49 * 16 + 2);
  CHECK(r.notes.empty());
}

TEST_CASE("contradictory modes are usage errors") {
  auto check = [](auto change) {
    auto o = options();
    change(o);
    CHECK(kind_of(make_type(), o) == ErrorKind::usage);
  };
  check([](MaxPodsOptions& o) { o.max_pods_cap = 50; });  // with --show-max-allowed
  check([](MaxPodsOptions& o) { o.pods_per_core = 5; });  // with --show-max-allowed
  check([](MaxPodsOptions& o) { o.cilium_eni = true, o.prefix_delegation = true; });
  check([](MaxPodsOptions& o) { o.cilium_eni = true, o.custom_networking = true; });
  check([](MaxPodsOptions& o) { o.os = NodeOs::windows_node, o.prefix_delegation = true; });
  check([](MaxPodsOptions& o) { o.os = NodeOs::windows_node, o.security_groups_for_pods = true; });
  check([](MaxPodsOptions& o) { o.os = NodeOs::windows_node, o.cilium_eni = true; });
  check([](MaxPodsOptions& o) { o.host_network_pods = -1; });
  check([](MaxPodsOptions& o) { o.reserved_enis = -1; });
}

TEST_CASE("settings that leave fewer than no ENIs are refused") {
  auto o = options();
  o.max_enis = 1;
  o.custom_networking = true;
  o.security_groups_for_pods = true;
  CHECK(kind_of(make_type(), o) == ErrorKind::unsupported);
}

TEST_CASE("nodeadm gives kubelet the address limit, under explicit ceilings only") {
  auto o = options();
  o.show_max_allowed = false;
  auto r = compute_max_pods(make_type(8, 30, 16), o);
  CHECK(r.answer() == 110);
  CHECK(r.nodeadm_max_pods() == 234);
  o.max_pods_cap = 110;
  CHECK(compute_max_pods(make_type(8, 30, 16), o).nodeadm_max_pods() == 110);
  o.max_pods_cap.reset();
  o.pods_per_core = 5;
  CHECK(compute_max_pods(make_type(8, 30, 16), o).nodeadm_max_pods() == 80);
  o.pods_per_core.reset();
  o.ip_family = IpFamily::ipv6;
  CHECK(compute_max_pods(make_type(8, 30, 16), o).nodeadm_max_pods() == 110);
}
