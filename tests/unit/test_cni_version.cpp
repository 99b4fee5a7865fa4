#include <maxpods/cni_version.hpp>
#include <maxpods/error.hpp>

#include <catch2/catch.hpp>

using maxpods::CniVersion;

TEST_CASE("CNI versions are read in every form the EKS add-on prints") {
  auto version = GENERATE(as<std::string>{}, "1.12.6", "v1.12.6", "1.12.6-eksbuild.1", "V1.12.6",
                          "1.12.6+build.7");
  CniVersion parsed = CniVersion::parse(version);
  CHECK(parsed.major == 1);
  CHECK(parsed.minor == 12);
  CHECK(parsed.patch == 6);
  CHECK(parsed.text == version);
}

TEST_CASE("a CNI version without a patch number means patch 0") {
  CniVersion parsed = CniVersion::parse("1.12");
  CHECK(parsed.major == 1);
  CHECK(parsed.minor == 12);
  CHECK(parsed.patch == 0);
}

TEST_CASE("malformed CNI versions are usage errors") {
  auto version = GENERATE(as<std::string>{}, "", "abc", "1.x", "1", "1.", ".1", "1.2.", "1.2.3.4",
                          "1.2.x", "v", "1..2", " 1.2", "1.2 ", "-1.2", "1.2-", "1234567.1");
  CAPTURE(version);
  try {
    CniVersion::parse(version);
    FAIL("accepted");
  } catch (const maxpods::Error& e) {
    CHECK(e.kind() == maxpods::ErrorKind::usage);
    CHECK_THAT(e.what(), Catch::Contains("invalid --cni-version '" + version + "'"));
  }
}

TEST_CASE("prefix delegation needs CNI 1.9 or later, as the script's 'minor above 8' test") {
  CHECK_FALSE(CniVersion::parse("1.8.0").supports_prefix_delegation());
  CHECK_FALSE(CniVersion::parse("1.8.99").supports_prefix_delegation());
  CHECK_FALSE(CniVersion::parse("0.20").supports_prefix_delegation());
  CHECK(CniVersion::parse("1.9.0").supports_prefix_delegation());
  CHECK(CniVersion::parse("1.10").supports_prefix_delegation());
  CHECK(CniVersion::parse("2.0.0").supports_prefix_delegation());
  CHECK(CniVersion::parse("2.0").supports_prefix_delegation());
}

TEST_CASE("the assumed CNI version supports prefix delegation") {
  CHECK(CniVersion::assumed().supports_prefix_delegation());
  CHECK(CniVersion::assumed().text == maxpods::k_assumed_cni_version);
}

TEST_CASE("versions compare by major, minor and patch") {
  CniVersion version = CniVersion::parse("1.16.4");
  CHECK(version.at_least(1, 16, 4));
  CHECK(version.at_least(1, 16));
  CHECK_FALSE(version.at_least(1, 16, 5));
  CHECK_FALSE(version.at_least(1, 17));
  CHECK_FALSE(version.at_least(2, 0));
}
