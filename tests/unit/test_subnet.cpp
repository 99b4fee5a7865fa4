#include <maxpods/error.hpp>
#include <maxpods/subnet.hpp>

#include <catch2/catch.hpp>

using namespace maxpods;

TEST_CASE("a subnet has its size less AWS's five reserved addresses") {
  auto subnet = Subnet::parse("10.0.0.0/24");
  CHECK(subnet.prefix_length == 24);
  CHECK(subnet.network == 0x0a000000);
  CHECK(subnet.size() == 256);
  CHECK(subnet.usable() == 251);
  CHECK(Subnet::parse("10.0.0.0/16").usable() == 65531);
  CHECK(Subnet::parse("10.0.0.16/28").usable() == 11);
}

TEST_CASE("the first and last /28 of a subnet are never whole") {
  CHECK(Subnet::parse("10.0.0.0/24").whole_prefix_blocks() == 14);
  CHECK(Subnet::parse("10.0.0.0/26").whole_prefix_blocks() == 2);
  CHECK(Subnet::parse("10.0.0.0/27").whole_prefix_blocks() == 0);
  CHECK(Subnet::parse("10.0.0.0/28").whole_prefix_blocks() == 0);
}

TEST_CASE("bad subnets are usage errors that say what is wrong") {
  auto message = [](std::string_view cidr) {
    try {
      Subnet::parse(cidr);
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::usage);
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  CHECK(message("10.0.0.0/29") ==
        "invalid --subnet '10.0.0.0/29': AWS subnets are /16 to /28, "
        "not /29");
  CHECK(message("10.0.0.0/8") ==
        "invalid --subnet '10.0.0.0/8': AWS subnets are /16 to /28, "
        "not /8");
  CHECK(message("10.0.0.7/24") ==
        "invalid --subnet '10.0.0.7/24': host bits are set; did you mean 10.0.0.0/24?");
  CHECK_THAT(message("2600:1f14::/64"), Catch::Contains("an IPv6 CIDR"));
  for (auto bad : {"", "10.0.0.0", "10.0.0/24", "256.0.0.0/24", "10.0.0.0/", "10.0.0.0/24x",
                   "a.b.c.d/24", "10.0.0.0/033"}) {
    CAPTURE(bad);
    CHECK_THAT(message(bad), Catch::EndsWith("expected an IPv4 CIDR such as 10.0.0.0/24"));
  }
}
