// `maxpods check` on realistic eksctl files and maxpods specs kept under tests/check/.

#include "run.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using maxpods::test::Run;
using maxpods::test::run_maxpods;

namespace {

std::string file(const std::string& name) {
  return std::string(MAXPODS_TEST_DATA_DIR) + "/check/" + name;
}

}  // namespace

TEST_CASE("check fails a mis-sized node group among mixed instance types") {
  Run run = run_maxpods({"check", file("eksctl-mixed.yaml")});
  CHECK(run.status == 1);
  CHECK(run.err.empty());
  CHECK_THAT(run.out, Catch::Contains(": nodeGroups small-batch (t3.medium): max pods 17\n"
                                      "  error    maxPodsPerNode 40 is above the 17 pods VPC CNI "
                                      "can give addresses on t3.medium: pods beyond 17 would be "
                                      "stuck without IPs\n"));
  CHECK_THAT(run.out, Catch::Contains(": managedNodeGroups compute (c5a.xlarge): max pods 58\n"));
  CHECK_THAT(run.out, Catch::Contains("  ok       20 nodes of m5.xlarge fit 10.20.0.0/22, "
                                      "10.20.4.0/22 (at most 32)\n"));
  CHECK_THAT(run.out, Catch::EndsWith("5 node groups checked: 1 error, 0 warnings\n"));
}

TEST_CASE("check reads prefix delegation from the vpc-cni add-on configuration") {
  Run run = run_maxpods({"check", file("eksctl-prefix.yaml")});
  CHECK(run.status == 1);
  CHECK_THAT(run.out, Catch::Contains("managedNodeGroups spark (m5.large): max pods 110 "
                                      "(addresses for 434)\n  ok       maxPodsPerNode 110 fits "
                                      "m5.large\n"));
  CHECK_THAT(run.out, Catch::Contains("  error    30 nodes of m5.large with 110 pods each need 7 "
                                      "whole /28 blocks each for their prefixes; 192.168.0.0/25, "
                                      "192.168.0.128/25 hold at most 0 nodes\n"));
  CHECK_THAT(run.out, Catch::Contains("  warning  subnet subnet-3333 is given by id only"));
}

TEST_CASE("check passes a well-sized group and exits 0") {
  Run run = run_maxpods({"check", file("maxpods-spec.json")});
  CHECK(run.status == 0);
  CHECK_THAT(run.out, Catch::EndsWith("1 node group checked: 0 errors, 0 warnings\n"));
}

TEST_CASE("check takes several files, custom networking pod subnets included") {
  Run run = run_maxpods({"check", file("maxpods-spec.json"), file("maxpods-spec.yaml")});
  CHECK(run.status == 1);
  CHECK_THAT(run.out, Catch::Contains("nodeGroups api (m5.2xlarge): max pods 44\n"));
  CHECK_THAT(run.out, Catch::Contains("10.0.0.0/26, 10.0.0.64/26, 100.64.0.0/24 hold at most 5 "
                                      "nodes"));
}

TEST_CASE("check --format github prints workflow annotations at the line at fault") {
  Run run = run_maxpods({"check", "--format", "github", file("eksctl-mixed.yaml")});
  CHECK(run.status == 1);
  CHECK_THAT(run.out,
             Catch::StartsWith("::error file=" + file("eksctl-mixed.yaml") +
                               ",line=41,title=maxpods max-pods-per-node small-batch (t3.medium)"
                               "::maxPodsPerNode 40 is above the 17 pods VPC CNI can give "
                               "addresses on t3.medium: pods beyond 17 would be stuck without "
                               "IPs\n"));
  CHECK(std::count(run.out.begin(), run.out.end(), '\n') == 2);
}

TEST_CASE("check -o json carries every finding") {
  Run run = run_maxpods({"check", "-o", "json", file("eksctl-mixed.yaml")});
  CHECK(run.status == 1);
  auto json = nlohmann::json::parse(run.out);
  CHECK_FALSE(json["passed"].get<bool>());
  REQUIRE(json["checks"].size() == 5);
  auto small = json["checks"][1];
  CHECK(small["nodeGroup"].get<std::string>() == "small-batch");
  CHECK(small["status"].get<std::string>() == "error");
  CHECK(small["maxAllowed"].get<int>() == 17);
  CHECK(small["findings"][0]["line"].get<int>() == 41);
}

TEST_CASE("check exits 2 on bad input, naming the file and line") {
  auto refused = [](const std::string& name, const std::string& err) {
    Run run = run_maxpods({"check", file(name)});
    CHECK(run.out.empty());
    CHECK(run.status == 2);
    CHECK(run.err == "maxpods: error: " + file(name) + err + "\n");
  };
  refused("bad-unknown-type.yaml",
          ":5: nodeGroups ng-1: unknown instance type 'm5.lrge'; did you mean m5.large?");
  refused("bad-key.yaml",
          ":5: nodeGroups[0].maxPodPerNode: unknown key; did you mean "
          "maxPodsPerNode?");
  refused("bad-yaml.yaml", ":4: not valid YAML: end of sequence flow not found");
  refused("missing.yaml", ": cannot open the file");
  Run none = run_maxpods({"check"});
  CHECK(none.status == 2);
  CHECK_THAT(none.err, Catch::StartsWith("maxpods: error: files is required"));
}
