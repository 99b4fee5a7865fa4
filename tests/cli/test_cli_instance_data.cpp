// --instance-data and MAXPODS_INSTANCE_DATA: instance types loaded at run time.

#include "run.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>
#include <cstdio>
#include <fstream>

using maxpods::test::Run;
using maxpods::test::run_maxpods;

namespace {

// A file in the temporary directory, removed when the test ends.
class TempFile {
 public:
  TempFile(const std::string& name, const std::string& text)
      : m_path(std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + "/" +
               std::to_string(getpid()) + "-" + name) {
    std::ofstream(m_path) << text;
  }
  ~TempFile() { std::remove(m_path.c_str()); }
  const std::string& path() const { return m_path; }

 private:
  std::string m_path;
};

// A describe-instance-types dump with one type.
std::string dump(const std::string& name, int enis, int ipv4, int vcpus) {
  return R"({"InstanceTypes": [{"InstanceType": ")" + name + R"(", "VCpuInfo": {"DefaultVCpus": )" +
         std::to_string(vcpus) + R"(}, "Hypervisor": "nitro", "NetworkInfo": {
         "Ipv4AddressesPerInterface": )" +
         std::to_string(ipv4) + R"(, "DefaultNetworkCardIndex": 0,
         "NetworkCards": [{"NetworkCardIndex": 0, "MaximumNetworkInterfaces": )" +
         std::to_string(enis) + "}]}}]}";
}

}  // namespace

TEST_CASE("a describe-instance-types dump adds types the table does not know") {
  TempFile file("new.json", dump("zz9.large", 3, 12, 2));
  CHECK(run_maxpods({"-t", "zz9.large"}).status == 3);
  Run run = run_maxpods({"-t", "zz9.large", "--instance-data", file.path(), "--show-max-allowed"});
  CHECK(run.out == "35\n");  // 3 x (12 - 1) + 2
  CHECK(run.err.empty());
  CHECK(run.status == 0);
}

TEST_CASE("loaded types override bundled ones, and later files override earlier ones") {
  TempFile first("first.json", dump("m5.large", 4, 10, 2));
  TempFile second("second.json", dump("m5.large", 5, 10, 2));
  CHECK(run_maxpods({"-t", "m5.large", "--instance-data", first.path()}).out == "38\n");
  CHECK(run_maxpods(
            {"-t", "m5.large", "--instance-data", first.path(), "--instance-data", second.path()})
            .out == "47\n");
}

TEST_CASE("MAXPODS_INSTANCE_DATA adds files before those of the option") {
  TempFile env("env.json", dump("zz9.env", 2, 10, 2));
  TempFile option("option.json", dump("zz9.env", 3, 10, 2));
  CHECK(run_maxpods({"-t", "zz9.env"}, {{"MAXPODS_INSTANCE_DATA", env.path()}}).out == "20\n");
  CHECK(run_maxpods({"-t", "zz9.env", "--instance-data", option.path()},
                    {{"MAXPODS_INSTANCE_DATA", env.path()}})
            .out == "29\n");
}

TEST_CASE("a table in the eni-limits format loads too, and list shows its types") {
  TempFile table("table.json", R"({"instanceTypes": [{"name": "zz9.table", "vcpus": 4,
    "defaultNetworkCard": 0, "networkCards": [{"index": 0, "maxEnis": 4}], "ipv4PerEni": 15}]})");
  CHECK(run_maxpods({"-t", "zz9.table", "--instance-data", table.path()}).out == "58\n");
  Run list =
      run_maxpods({"list", "--family", "zz9.", "-o", "csv", "--instance-data", table.path()});
  CHECK(list.out ==
        "instance_type,vcpus,enis,ipv4_per_eni,max_pods_secondary_ip,max_pods_prefix_delegation,"
        "recommended_secondary_ip,recommended_prefix_delegation\nzz9.table,4,4,15,58,,58,\n");
}

TEST_CASE("malformed instance data names the file and the field") {
  TempFile bad("bad.json", R"({"InstanceTypes": [{"InstanceType": "zz9.bad",
    "NetworkInfo": {"Ipv4AddressesPerInterface": "many", "MaximumNetworkInterfaces": 2}}]})");
  Run run = run_maxpods({"-t", "m5.large", "--instance-data", bad.path()});
  CHECK(run.out.empty());
  CHECK(run.status == 4);
  CHECK(run.err == "maxpods: error: " + bad.path() +
                       ": InstanceTypes[0].NetworkInfo.Ipv4AddressesPerInterface: expected an "
                       "integer, got \"many\"\n");
  Run missing = run_maxpods({"-t", "m5.large"}, {{"MAXPODS_INSTANCE_DATA", "/no/such/file.json"}});
  CHECK(missing.status == 4);
  CHECK(missing.err == "maxpods: error: /no/such/file.json: cannot open the file\n");
}
