// Every output of the reference max-pods-calculator.sh, recomputed by the library.

#include "../golden_rows.hpp"

#include <maxpods/catalog.hpp>
#include <maxpods/max_pods.hpp>

#include <algorithm>

using namespace maxpods;

namespace {

bool has(const std::vector<std::string>& flags, std::string_view flag) {
  return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

}  // namespace

TEST_CASE("the library reproduces every golden row of max-pods-calculator.sh") {
  auto rows = test::read_golden_rows();
  REQUIRE(rows.size() == 10984);
  Catalog catalog;
  std::size_t mismatches = 0;
  for (const auto& row : rows) {
    MaxPodsOptions options;
    options.cni_version = CniVersion::parse(row.cni_version);
    options.prefix_delegation = has(row.flags, "--cni-prefix-delegation-enabled");
    options.custom_networking = has(row.flags, "--cni-custom-networking-enabled");
    options.show_max_allowed = has(row.flags, "--show-max-allowed");
    auto result = compute_max_pods(catalog.get(row.instance_type), options);
    if (std::to_string(result.answer()) != row.expected || row.exit_code != 0) {
      ++mismatches;
      UNSCOPED_INFO(row.instance_type << " " << row.cni_version << " [" << row.flags.size()
                                      << " flags] expected " << row.expected << ", got "
                                      << result.answer());
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("secondary-IP counts match the VPC CNI's published eni-max-pods.txt") {
  std::ifstream in(std::string(MAXPODS_TEST_DATA_DIR) + "/data/eni-max-pods.txt");
  REQUIRE(in);
  Catalog catalog;
  MaxPodsOptions options;
  options.show_max_allowed = true;
  std::size_t checked = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') {
      continue;
    }
    std::stringstream fields(line);
    std::string type;
    std::int64_t expected = 0;
    fields >> type >> expected;
    INFO(type);
    CHECK(compute_max_pods(catalog.get(type), options).answer() == expected);
    ++checked;
  }
  CHECK(checked == 1391);
}
