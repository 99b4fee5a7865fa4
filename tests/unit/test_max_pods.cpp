#include <maxpods/error.hpp>
#include <maxpods/max_pods.hpp>

#include "test_types.hpp"

#include <catch2/catch.hpp>

using namespace maxpods;
using maxpods::test::make_type;

namespace {

MaxPodsOptions uncapped() {
  MaxPodsOptions options;
  options.cni_version = CniVersion::parse("1.12.6");
  options.show_max_allowed = true;
  return options;
}

}  // namespace

TEST_CASE("secondary IPs: ENIs x (IPv4 per ENI - 1) + 2") {
  auto result = compute_max_pods(make_type(3, 10), uncapped());
  CHECK(result.answer() == 3 * 9 + 2);
  CHECK(result.applied == AddressMode::secondary_ip);
  CHECK(result.pods_per_eni == 9);
  CHECK(result.notes.empty());
}

TEST_CASE("prefix delegation: ENIs x ((IPv4 per ENI - 1) x 16) + 2 on Nitro") {
  auto options = uncapped();
  options.prefix_delegation = true;
  auto result = compute_max_pods(make_type(3, 10), options);
  CHECK(result.answer() == 3 * 9 * 16 + 2);
  CHECK(result.requested == AddressMode::prefix_delegation);
  CHECK(result.applied == AddressMode::prefix_delegation);
  CHECK(result.fallback == Fallback::none);
}

TEST_CASE("only the default network card's ENIs count") {
  InstanceType type = make_type(0, 50, 192);
  type.network_cards = {{0, 7}, {1, 11}, {2, 11}};
  CHECK(compute_max_pods(type, uncapped()).answer() == 7 * 49 + 2);
  type.default_network_card = 1;
  CHECK(compute_max_pods(type, uncapped()).card_enis == 11);
}

TEST_CASE("a max-eni setting takes the smaller of itself and the card's ENIs") {
  auto options = uncapped();
  options.max_enis = 2;
  CHECK(compute_max_pods(make_type(4, 15), options).answer() == 2 * 14 + 2);
  options.max_enis = 9;
  CHECK(compute_max_pods(make_type(4, 15), options).answer() == 4 * 14 + 2);
}

TEST_CASE("a max-eni setting below 1 is a usage error") {
  auto options = uncapped();
  options.max_enis = GENERATE(0, -1, -100);
  CHECK_THROWS_MATCHES(
      compute_max_pods(make_type(4, 15), options), Error,
      Catch::Predicate<Error>([](const Error& e) { return e.kind() == ErrorKind::usage; }));
}

TEST_CASE("custom networking takes the primary ENI away from pods") {
  auto options = uncapped();
  options.custom_networking = true;
  auto result = compute_max_pods(make_type(4, 15), options);
  CHECK(result.pod_enis == 3);
  CHECK(result.answer() == 3 * 14 + 2);
  options.max_enis = 1;
  CHECK(compute_max_pods(make_type(4, 15), options).answer() == 2);  // as the script: 0 x 14 + 2
}

TEST_CASE("prefix delegation falls back to secondary IPs on Xen instances") {
  auto options = uncapped();
  options.prefix_delegation = true;
  auto result = compute_max_pods(make_type(2, 2, 1, "xen"), options);
  CHECK(result.answer() == 4);
  CHECK(result.applied == AddressMode::secondary_ip);
  CHECK(result.fallback == Fallback::not_nitro);
  REQUIRE(result.notes.size() == 1);
  CHECK_THAT(result.notes[0], Catch::Contains("not a Nitro instance"));
}

TEST_CASE("prefix delegation falls back to secondary IPs before CNI 1.9") {
  auto options = uncapped();
  options.prefix_delegation = true;
  options.cni_version = CniVersion::parse("1.8.0");
  auto result = compute_max_pods(make_type(3, 10), options);
  CHECK(result.answer() == 29);
  CHECK(result.fallback == Fallback::old_cni);
  REQUIRE(result.notes.size() == 1);
  CHECK_THAT(result.notes[0], Catch::Contains("1.9 or later, not 1.8.0"));
}

TEST_CASE("prefix delegation on bare metal follows the script and says the CNI differs") {
  auto options = uncapped();
  options.prefix_delegation = true;
  auto result = compute_max_pods(make_type(15, 50, 96, "", true), options);
  CHECK(result.answer() == 15 * 49 + 2);
  CHECK(result.fallback == Fallback::bare_metal);
  REQUIRE(result.notes.size() == 1);
  CHECK_THAT(result.notes[0], Catch::Contains("bare metal"));
}

TEST_CASE("the cap is 110 up to 30 vCPUs and 250 above") {
  auto options = uncapped();
  options.show_max_allowed = false;
  auto low = compute_max_pods(make_type(8, 30, 30), options);
  CHECK(low.cap == 110);
  CHECK(low.max_allowed == 234);
  CHECK(low.answer() == 110);
  auto high = compute_max_pods(make_type(8, 30, 31), options);
  CHECK(high.cap == 250);
  CHECK(high.answer() == 234);
  options.prefix_delegation = true;
  CHECK(compute_max_pods(make_type(8, 30, 31), options).answer() == 250);
}

TEST_CASE("a count under the cap is printed as it is") {
  auto options = uncapped();
  options.show_max_allowed = false;
  auto result = compute_max_pods(make_type(3, 10), options);
  CHECK(result.recommended == 29);
  CHECK(result.answer() == 29);
}

TEST_CASE("show-max-allowed answers the uncapped count") {
  auto result = compute_max_pods(make_type(8, 30, 16), uncapped());
  CHECK(result.answer() == 234);
  CHECK(result.recommended == 110);
}

TEST_CASE("an unknown vCPU count answers uncapped but refuses the capped count") {
  auto options = uncapped();
  CHECK(compute_max_pods(make_type(8, 30, std::nullopt), options).answer() == 234);
  options.show_max_allowed = false;
  try {
    compute_max_pods(make_type(8, 30, std::nullopt), options).answer();
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::unsupported);
    CHECK_THAT(e.what(),
               Catch::Contains("vCPU count is unknown") && Catch::Contains("--show-max-allowed"));
  }
}
