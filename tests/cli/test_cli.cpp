// The maxpods binary as users call it: exact stdout, stderr and exit status.

#include "run.hpp"

#include <maxpods/instance_data.hpp>

#include "../json_string_maker.hpp"

using maxpods::test::Run;
using maxpods::test::run_maxpods;

namespace {

const std::string k_usage_hint = "Run 'maxpods --help' for usage.\n";

// Checks a run that must fail: an exact message on stderr, nothing on stdout.
void check_error(const Run& run, int status, const std::string& err) {
  CHECK(run.out.empty());
  CHECK(run.err == err);
  CHECK(run.status == status);
}

}  // namespace

TEST_CASE("the quick-start example prints 4 and says why prefix delegation did not apply") {
  Run run = run_maxpods(
      {"--instance-type", "t2.micro", "--cni-version", "1.12.6", "--prefix-delegation"});
  CHECK(run.out == "4\n");
  CHECK(run.err ==
        "note: prefix delegation not applied: t2.micro is not a Nitro instance; counting "
        "secondary IPs\n");
  CHECK(run.status == 0);
}

TEST_CASE("quiet silences notes but not the answer") {
  Run run = run_maxpods(
      {"--instance-type", "t2.micro", "--cni-version", "1.12.6", "--prefix-delegation", "--quiet"});
  CHECK(run.out == "4\n");
  CHECK(run.err.empty());
  CHECK(run.status == 0);
}

TEST_CASE("the script's own flag names work as aliases") {
  Run ours =
      run_maxpods({"--instance-type", "m5.large", "--cni-version", "1.12.6", "--prefix-delegation",
                   "--custom-networking", "--max-eni", "2", "--show-max-allowed"});
  Run script = run_maxpods({"--instance-type", "m5.large", "--cni-version", "1.12.6",
                            "--cni-prefix-delegation-enabled", "--cni-custom-networking-enabled",
                            "--cni-max-eni", "2", "--show-max-allowed"});
  CHECK(ours.out == "146\n");  // (2 - 1) x (10 - 1) x 16 + 2
  CHECK(script.out == ours.out);
  CHECK(script.err.empty());
  CHECK(script.status == 0);
}

TEST_CASE("max-eni limits the ENIs counted") {
  CHECK(run_maxpods({"-t", "m5.large", "--cni-max-eni", "99999999999"}).out == "29\n");
  CHECK(run_maxpods({"-t", "m5.4xlarge", "--cni-version", "1.12.6", "--cni-max-eni", "3"}).out ==
        "89\n");
  CHECK(run_maxpods({"-t", "m5.4xlarge", "--cni-max-eni", "30", "--show-max-allowed"}).out ==
        "234\n");
  CHECK(run_maxpods({"-t", "m5.4xlarge", "--max-eni=2"}).out == "60\n");
}

TEST_CASE("every spelling of a CNI version gives the same answer") {
  auto version = GENERATE(as<std::string>{}, "1.12.6", "v1.12.6", "1.12.6-eksbuild.1", "1.12");
  Run run = run_maxpods({"--instance-type", "m5.large", "--cni-version", version,
                         "--prefix-delegation", "--show-max-allowed"});
  CHECK(run.out == "434\n");
  CHECK(run.status == 0);
}

TEST_CASE("CNI versions before 1.9 fall back to secondary IPs with a note") {
  Run run = run_maxpods({"-t", "m5.large", "--cni-version", "1.8.0", "--prefix-delegation"});
  CHECK(run.out == "29\n");
  CHECK(run.err ==
        "note: prefix delegation not applied: it needs VPC CNI 1.9 or later, not 1.8.0; counting "
        "secondary IPs\n");
  CHECK(run_maxpods({"-t", "m5.large", "--cni-version", "1.9.0", "--prefix-delegation"}).out ==
        "110\n");
  CHECK(run_maxpods(
            {"-t", "m5.large", "--cni-version", "2.0", "--prefix-delegation", "--show-max-allowed"})
            .out == "434\n");
}

TEST_CASE("without a CNI version a current, prefix-capable CNI is assumed") {
  Run run =
      run_maxpods({"--instance-type", "m5.large", "--prefix-delegation", "--show-max-allowed"});
  CHECK(run.out == "434\n");
  CHECK(run.err.empty());
}

TEST_CASE("bare metal follows the script on stdout and says the CNI differs on stderr") {
  Run run = run_maxpods(
      {"-t", "m5.metal", "--cni-version", "1.12.6", "--prefix-delegation", "--show-max-allowed"});
  CHECK(run.out == "737\n");
  CHECK(run.err ==
        "note: prefix delegation not applied: m5.metal is bare metal, which "
        "max-pods-calculator.sh does not count as capable although VPC CNI does assign prefixes "
        "there; counting secondary IPs as the script does\n");
  CHECK(run.status == 0);
}

TEST_CASE("legacy types answer uncapped, and the capped value names the missing vCPUs") {
  Run uncapped = run_maxpods({"-t", "cr1.8xlarge", "--show-max-allowed"});
  CHECK(uncapped.out == "234\n");
  CHECK(uncapped.status == 0);
  check_error(
      run_maxpods({"-t", "cr1.8xlarge"}), 5,
      "maxpods: error: cannot cap max pods for cr1.8xlarge: its vCPU count is unknown, "
      "and the cap is 110 or 250 by vCPUs; --show-max-allowed gives the uncapped 234, or set "
      "--max-pods-cap\n");
  CHECK(run_maxpods({"-t", "p3.8xlarge"}).out == "234\n");  // legacy with vCPUs: 32 > 30
}

TEST_CASE("json output prints the whole result as one object") {
  Run run = run_maxpods(
      {"-t", "t2.micro", "--cni-version", "1.12.6", "--prefix-delegation", "-o", "json"});
  REQUIRE(run.status == 0);
  auto json = nlohmann::json::parse(run.out);
  CHECK(json["instanceType"] == "t2.micro");
  CHECK(json["cniVersion"] == "1.12.6");
  CHECK(json["maxPods"] == 4);
  CHECK(json["maxAllowed"] == 4);
  CHECK(json["cap"] == 110);
  CHECK(json["mode"]["requested"] == "prefix-delegation");
  CHECK(json["mode"]["applied"] == "secondary-ip");
  CHECK(json["enis"] == 2);
  CHECK(json["ipv4PerEni"] == 2);
  CHECK(json["vcpus"] == 1);
  REQUIRE(json["notes"].size() == 1);
  CHECK(json["notes"][0].get<std::string>().starts_with("prefix delegation not applied"));
  CHECK(run.err == "note: " + json["notes"][0].get<std::string>() + "\n");
}

TEST_CASE("json output with show-max-allowed reports both counts") {
  Run run = run_maxpods({"-t", "m5.4xlarge", "--output", "json", "--show-max-allowed"});
  auto json = nlohmann::json::parse(run.out);
  CHECK(json["maxPods"] == 234);
  CHECK(json["maxAllowed"] == 234);
  CHECK(json["recommended"] == 110);
  CHECK(json["cap"] == 110);
}

TEST_CASE("explain shows the facts, each rule and the formula with numbers") {
  Run run = run_maxpods({"explain", "--instance-type", "m5.large", "--cni-version", "1.12.6",
                         "--prefix-delegation", "--custom-networking"});
  CHECK(run.status == 0);
  CHECK(run.err.empty());
  CHECK_THAT(run.out, Catch::StartsWith("m5.large with VPC CNI 1.12.6\n"));
  CHECK_THAT(run.out, Catch::Contains("  vCPUs                   2\n"));
  CHECK_THAT(run.out, Catch::Contains("  hypervisor              nitro\n"));
  CHECK_THAT(run.out, Catch::Contains("custom networking: the primary ENI holds no pod addresses: "
                                      "3 - 1 = 2 ENIs"));
  CHECK_THAT(run.out, Catch::Contains("= 2 x ((10 - 1) x 16) + 2 = 290"));
  CHECK_THAT(run.out, Catch::Contains("cap: 2 vCPUs <= 30, so at most 110 pods\n"));
  CHECK_THAT(run.out, Catch::Contains("recommended = min(290, 110) = 110\n"));
  CHECK_THAT(run.out, Catch::Contains("  maxpods prints 110\n"));
}

TEST_CASE("explain tells why prefix delegation fell back") {
  Run run = run_maxpods({"explain", "-t", "t2.micro", "--prefix-delegation"});
  CHECK_THAT(run.out, Catch::Contains("t2.micro with VPC CNI 1.23.1 (assumed)"));
  CHECK_THAT(run.out, Catch::Contains("prefix delegation not applied: t2.micro is not a Nitro"));
  CHECK_THAT(run.out, Catch::Contains("= 2 x (2 - 1) + 2 = 4"));
}

TEST_CASE("list shows every type, with prefix columns only where they apply") {
  Run run = run_maxpods({"list", "--cni-version", "1.12.6"});
  CHECK(run.status == 0);
  CHECK(std::count(run.out.begin(), run.out.end(), '\n') == 1392);
  CHECK_THAT(run.out, Catch::StartsWith("TYPE "));
  Run family = run_maxpods({"list", "--family", "m5.", "-o", "csv"});
  CHECK_THAT(family.out, Catch::Contains("\nm5.large,2,3,10,29,434,29,110\n"));
  CHECK_THAT(family.out, Catch::Contains("\nm5.metal,96,15,50,737,,250,\n"));
  CHECK(std::count(family.out.begin(), family.out.end(), '\n') == 10);
}

TEST_CASE("list as json carries both modes per type") {
  Run run = run_maxpods({"list", "--family", "t2.micro", "-o", "json"});
  auto json = nlohmann::json::parse(run.out);
  REQUIRE(json["instanceTypes"].size() == 1);
  auto entry = json["instanceTypes"][0];
  CHECK(entry["instanceType"] == "t2.micro");
  CHECK(entry["secondaryIp"]["maxPods"] == 4);
  CHECK(entry["secondaryIp"]["recommended"] == 4);
  CHECK(entry["prefixDelegation"].is_null());
}

TEST_CASE("the version names the tool and the table") {
  Run run = run_maxpods({"--version"});
  CHECK(run.status == 0);
  CHECK_THAT(run.out, Catch::StartsWith("maxpods 0.1.0\ninstance table: 1391 instance types, "
                                        "generated "));
  CHECK_THAT(run.out, Catch::Contains("source: aws ec2 describe-instance-types"));
}

TEST_CASE("help is grouped, shows defaults and exits 0") {
  Run run = run_maxpods({"--help"});
  CHECK(run.status == 0);
  CHECK(run.err.empty());
  CHECK_THAT(run.out, Catch::Contains("VPC CNI settings:"));
  CHECK_THAT(run.out, Catch::Contains("Output:"));
  CHECK_THAT(run.out, Catch::Contains("--cni-version VERSION=1.23.1"));
  CHECK_THAT(run.out, Catch::Contains("a current CNI that supports prefix delegation is assumed"));
  CHECK_THAT(run.out, Catch::Contains("--cni-prefix-delegation-enabled"));
}

TEST_CASE("bad input: a clear error, nothing on stdout, a documented exit status") {
  SECTION("an unknown type suggests close names") {
    check_error(run_maxpods({"--instance-type", "m5.lrge"}), 3,
                "maxpods: error: unknown instance type 'm5.lrge'; did you mean m5.large?\n");
  }
  SECTION("an unknown type with nothing close") {
    check_error(run_maxpods({"--instance-type", "qqqq.enormous"}), 3,
                "maxpods: error: unknown instance type 'qqqq.enormous'; 'maxpods list' shows "
                "every known type\n");
  }
  SECTION("no instance type") {
    check_error(run_maxpods({"--cni-version", "1.12.6"}), 2,
                "maxpods: error: no instance type: give --instance-type TYPE (for example "
                "m5.large) or --instance-type-from-imds\n");
    check_error(run_maxpods({}), 2,
                "maxpods: error: no instance type: give --instance-type TYPE (for example "
                "m5.large) or --instance-type-from-imds\n");
  }
  SECTION("malformed CNI versions") {
    auto version = GENERATE(as<std::string>{}, "abc", "1.x", "", "1");
    check_error(run_maxpods({"-t", "m5.large", "--cni-version", version}), 2,
                "maxpods: error: invalid --cni-version '" + version +
                    "': expected MAJOR.MINOR[.PATCH], such as 1.12.6, v1.12.6 or "
                    "1.12.6-eksbuild.1\n");
  }
  SECTION("--max-eni zero or negative") {
    auto count = GENERATE(as<std::string>{}, "0", "-1", "-20");
    check_error(run_maxpods({"-t", "m5.large", "--cni-max-eni", count}), 2,
                "maxpods: error: invalid --max-eni " + count + ": it must be 1 or more\n");
  }
  SECTION("--max-eni not a number") {
    auto count = GENERATE(as<std::string>{}, "abc", "1.5", "2x", "", "0x3", "+2");
    check_error(run_maxpods({"-t", "m5.large", "--max-eni", count}), 2,
                "maxpods: error: invalid --max-eni '" + count +
                    "': expected a whole number of 1 or more\n");
  }
  SECTION("--max-eni without its value") {
    check_error(run_maxpods({"-t", "m5.large", "--cni-max-eni"}), 2,
                "maxpods: error: --max-eni: 1 required N missing\n" + k_usage_hint);
  }
  SECTION("unknown flags, which the script would ignore") {
    check_error(run_maxpods({"-t", "m5.large", "--foo"}), 2,
                "maxpods: error: unknown option '--foo'\n" + k_usage_hint);
    check_error(run_maxpods({"-t", "m5.large", "--cni-prefix-delegation"}), 2,
                "maxpods: error: unknown option '--cni-prefix-delegation'; did you mean "
                "--cni-prefix-delegation-enabled?\n" +
                    k_usage_hint);
  }
  SECTION("stray positional words") {
    check_error(run_maxpods({"-t", "m5.large", "extra"}), 2,
                "maxpods: error: unexpected argument 'extra'; the commands are explain, list, "
                "capacity, check, table or completion\n" +
                    k_usage_hint);
    check_error(run_maxpods({"lsit"}), 2,
                "maxpods: error: unknown command 'lsit'; did you mean list?\n" + k_usage_hint);
  }
  SECTION("conflicting options: the same setting twice, main options before a command") {
    check_error(
        run_maxpods({"-t", "m5.large", "--cni-version", "1.9", "--cni-version", "1.10"}), 2,
        "maxpods: error: --cni-version: At Most 1 required but received 2\n" + k_usage_hint);
    check_error(run_maxpods({"-t", "m5.large", "list"}), 2,
                "maxpods: error: --instance-type is an option of the main command; put options "
                "after 'list'\n");
  }
  SECTION("an unknown output format") {
    check_error(run_maxpods({"-t", "m5.large", "-o", "yaml"}), 2,
                "maxpods: error: invalid --output 'yaml': expected number, json or "
                "kubelet-config\n");
  }
  SECTION("list with a family that matches nothing") {
    check_error(run_maxpods({"list", "--family", "zz"}), 3,
                "maxpods: error: no instance type starts with 'zz'\n");
  }
}
