#include <maxpods/catalog.hpp>
#include <maxpods/error.hpp>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace maxpods;

TEST_CASE("the bundled table covers the EC2 dump and the legacy types") {
  Catalog catalog;
  CHECK(Catalog::bundled_info().count == 1391);
  auto all = catalog.all();
  CHECK(all.size() == 1391);
  CHECK(std::is_sorted(all.begin(), all.end(),
                       [](const auto& a, const auto& b) { return a.name < b.name; }));
  CHECK(catalog.find("cr1.8xlarge"));  // legacy
  CHECK(catalog.find("m5.large"));     // EC2 dump
}

TEST_CASE("a bundled lookup returns the EC2 facts") {
  auto type = Catalog().find("m5.large");
  REQUIRE(type);
  CHECK(type->vcpus == 2);
  CHECK(type->memory_mib == 8192);
  CHECK(type->hypervisor == "nitro");
  CHECK_FALSE(type->bare_metal);
  CHECK(type->default_card_enis() == 3);
  CHECK(type->ipv4_per_eni == 10);
  CHECK(type->ipv6_per_eni == 10);
  CHECK(type->prefix_delegation);
}

TEST_CASE("multi-card types keep every card") {
  auto type = Catalog().find("p5.48xlarge");
  REQUIRE(type);
  CHECK(type->network_cards.size() == 32);
  CHECK(type->default_card_enis() == 2);
  CHECK(type->efa_max_interfaces == 32);
}

TEST_CASE("legacy types without a vCPU count or hypervisor load as unknown") {
  auto type = Catalog().find("u-6tb1.metal");
  REQUIRE(type);
  CHECK_FALSE(type->vcpus);
  CHECK(type->hypervisor.empty());
  CHECK(type->bare_metal);
  CHECK(type->prefix_delegation);
}

TEST_CASE("misspelt types get close suggestions") {
  Catalog catalog;
  CHECK(catalog.suggestions("m5.lrge") == std::vector<std::string>{"m5.large"});
  CHECK(catalog.suggestions("M5.LARGE").front() == "m5.large");
  CHECK(catalog.suggestions("t3.mirco").front() == "t3.micro");
  CHECK(catalog.suggestions("zzzzzzzz").empty());
  CHECK(catalog.suggestions("m5.lage", 2).size() <= 2);
}

TEST_CASE("an unknown type is an error with a did-you-mean") {
  try {
    Catalog().get("m5.lrge");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::unknown_instance_type);
    CHECK(std::string(e.what()) == "unknown instance type 'm5.lrge'; did you mean m5.large?");
  }
}

TEST_CASE("an unknown type with nothing close points at the list") {
  try {
    Catalog().get("qqqq.enormous");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) ==
          "unknown instance type 'qqqq.enormous'; 'maxpods list' shows every known type");
  }
}

TEST_CASE("added types replace bundled ones and join the listing") {
  Catalog catalog;
  InstanceType replaced = *catalog.find("m5.large");
  replaced.ipv4_per_eni = 99;
  InstanceType added = replaced;
  added.name = "zz9.future";
  catalog.add({replaced, added});
  CHECK(catalog.find("m5.large")->ipv4_per_eni == 99);
  CHECK(catalog.find("zz9.future"));
  CHECK(catalog.added_count() == 2);
  auto all = catalog.all();
  CHECK(all.size() == 1392);
  CHECK(all.back().name == "zz9.future");
  CHECK(std::count_if(all.begin(), all.end(), [](const auto& t) { return t.name == "m5.large"; }) ==
        1);
  CHECK(catalog.suggestions("zz9.futur") == std::vector<std::string>{"zz9.future"});
}
