#include <maxpods/error.hpp>
#include <maxpods/instance_data.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace maxpods;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string data_file(const std::string& name) {
  return std::string(MAXPODS_TEST_DATA_DIR) + "/data/" + name;
}

// A describe-instance-types document with one type whose NetworkInfo is `network`.
std::string ec2_doc(const std::string& network) {
  return R"({"InstanceTypes": [{"InstanceType": "x1.test", "VCpuInfo": {"DefaultVCpus": 4},
             "Hypervisor": "nitro", "NetworkInfo": )" +
         network + "}]}";
}

// The message of the Error(data) that parsing `text` throws.
std::string data_error(const std::string& text) {
  try {
    parse_instance_data(text, "input.json");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::data);
    return e.what();
  }
  FAIL("parsed without error");
  return {};
}

}  // namespace

TEST_CASE("a describe-instance-types entry becomes an instance record") {
  auto data =
      parse_instance_data(ec2_doc(R"({"DefaultNetworkCardIndex": 0, "Ipv4AddressesPerInterface": 15,
                  "Ipv6AddressesPerInterface": 15, "MaximumNetworkInterfaces": 8,
                  "EfaInfo": {"MaximumEfaInterfaces": 1},
                  "NetworkCards": [{"NetworkCardIndex": 1, "MaximumNetworkInterfaces": 4},
                                   {"NetworkCardIndex": 0, "MaximumNetworkInterfaces": 4}]})"),
                          "input.json");
  REQUIRE(data.types.size() == 1);
  CHECK(data.format == DataFormat::describe_instance_types);
  const auto& type = data.types[0];
  CHECK(type.name == "x1.test");
  CHECK(type.vcpus == 4);
  CHECK(type.network_cards == std::vector<NetworkCard>{{0, 4}, {1, 4}});
  CHECK(type.default_card_enis() == 4);
  CHECK(type.ipv4_per_eni == 15);
  CHECK(type.efa_max_interfaces == 1);
  CHECK(type.prefix_delegation);
}

TEST_CASE("a dump without network cards uses the instance's ENI total as card 0") {
  auto data = parse_instance_data(
      ec2_doc(R"({"Ipv4AddressesPerInterface": 10, "MaximumNetworkInterfaces": 3})"), "in.json");
  CHECK(data.types[0].default_card_enis() == 3);
}

TEST_CASE("malformed data names the file and the field") {
  CHECK(data_error(ec2_doc(R"({"MaximumNetworkInterfaces": 3})")) ==
        "input.json: InstanceTypes[0].NetworkInfo.Ipv4AddressesPerInterface: missing");
  CHECK(data_error(
            ec2_doc(R"({"Ipv4AddressesPerInterface": "ten", "MaximumNetworkInterfaces": 3})")) ==
        "input.json: InstanceTypes[0].NetworkInfo.Ipv4AddressesPerInterface: expected an integer, "
        "got \"ten\"");
  CHECK(data_error(ec2_doc(R"({"Ipv4AddressesPerInterface": 0, "MaximumNetworkInterfaces": 3})")) ==
        "input.json: InstanceTypes[0].NetworkInfo.Ipv4AddressesPerInterface: expected an integer "
        "from 1 to 1000000000000, got 0");
  CHECK(data_error(ec2_doc(R"({"Ipv4AddressesPerInterface": 10, "DefaultNetworkCardIndex": 2,
                               "NetworkCards": [{"NetworkCardIndex": 0, "MaximumNetworkInterfaces": 3}]})")) ==
        "input.json: InstanceTypes[0].NetworkInfo.NetworkCards: has no card with the default index "
        "2");
  CHECK(
      data_error(ec2_doc(R"({"Ipv4AddressesPerInterface": 10,
                               "NetworkCards": [{"NetworkCardIndex": 0}]})")) ==
      "input.json: InstanceTypes[0].NetworkInfo.NetworkCards[0].MaximumNetworkInterfaces: missing");
  CHECK(data_error(R"({"InstanceTypes": [42]})") ==
        "input.json: InstanceTypes[0]: expected an object, got number");
  CHECK(data_error(R"({"InstanceTypes": {}})") ==
        "input.json: InstanceTypes: expected an array, got object");
  CHECK(data_error(R"([1, 2])") == "input.json: expected a JSON object at the top, got array");
  CHECK(data_error(R"({"something": []})") ==
        "input.json: neither an eni-limits table (no \"instanceTypes\") nor "
        "describe-instance-types output (no \"InstanceTypes\")");
  CHECK_THAT(data_error("{not json"),
             Catch::StartsWith("input.json: not valid JSON: parse error at line 1"));
  CHECK(data_error(R"({"instanceTypes": [{"name": "a.b", "defaultNetworkCard": 0,
        "networkCards": [{"index": 3000000000, "maxEnis": 2}], "ipv4PerEni": 4}]})") ==
        "input.json: instanceTypes[0].networkCards[0].index: expected an integer from 0 to "
        "1000000, got 3000000000");
  CHECK(data_error(R"({"count": 1e999})") ==
        "input.json: not valid JSON: number overflow parsing '1e999'");
  CHECK(data_error(R"({"instanceTypes": [{"name": "a.b", "defaultNetworkCard": 0,
        "networkCards": [{"index": 0, "maxEnis": 2}], "ipv4PerEni": 4, "bareMetal": "no"}]})") ==
        "input.json: instanceTypes[0].bareMetal: expected true or false, got \"no\"");
  CHECK(data_error(R"({"count": 2, "instanceTypes": [{"name": "a.b", "defaultNetworkCard": 0,
        "networkCards": [{"index": 0, "maxEnis": 2}], "ipv4PerEni": 4}]})") ==
        "input.json: count: says 2 but the file holds 1 instance types");
}

TEST_CASE("a table may not list a type twice") {
  std::string entry = R"({"name": "a.b", "defaultNetworkCard": 0,
                          "networkCards": [{"index": 0, "maxEnis": 2}], "ipv4PerEni": 4})";
  CHECK(data_error(R"({"instanceTypes": [)" + entry + "," + entry + "]}") ==
        "input.json: instance type 'a.b' appears twice");
}

TEST_CASE("later data sets override earlier ones when merged") {
  auto first = parse_instance_data(
      ec2_doc(R"({"Ipv4AddressesPerInterface": 10, "MaximumNetworkInterfaces": 3})"), "a.json");
  auto second = parse_instance_data(
      ec2_doc(R"({"Ipv4AddressesPerInterface": 20, "MaximumNetworkInterfaces": 3})"), "b.json");
  auto merged = merge_instance_types({first, second});
  REQUIRE(merged.size() == 1);
  CHECK(merged[0].ipv4_per_eni == 20);
}

TEST_CASE("the table format round-trips every bundled source type") {
  auto dump = parse_instance_data(slurp(data_file("describe-instance-types.json")), "dump");
  auto legacy = parse_instance_data(slurp(data_file("legacy-instance-types.json")), "legacy");
  auto types = merge_instance_types({dump, legacy});
  CHECK(types.size() == 1391);
  TableInfo info{"test source", "2026-01-02", 0};
  std::string text = to_eni_limits_json(info, types);
  auto back = parse_instance_data(text, "table");
  CHECK(back.format == DataFormat::eni_limits);
  CHECK(back.info.source == "test source");
  CHECK(back.info.generated == "2026-01-02");
  CHECK(back.types == types);
  CHECK(to_eni_limits_json(back.info, back.types) == text);  // same input, same bytes
}

TEST_CASE("a table without a date writes back without one, and loads again") {
  std::string text = R"({"instanceTypes": [{"name": "x1.test", "vcpus": 4, "defaultNetworkCard": 0,
      "networkCards": [{"index": 0, "maxEnis": 2}], "ipv4PerEni": 4}]})";
  auto loaded = parse_instance_data(text, "undated.json");
  CHECK(loaded.info.generated.empty());
  std::string written = to_eni_limits_json(loaded.info, loaded.types);
  CHECK(written.find("generated") == std::string::npos);
  auto again = parse_instance_data(written, "written.json");
  CHECK(again.types == loaded.types);
  CHECK(again.info.source == "undated.json");
}

TEST_CASE("the committed table is what its sources generate") {
  auto table = parse_instance_data(
      slurp(std::string(MAXPODS_TEST_DATA_DIR) + "/../data/eni-limits.json"), "eni-limits.json");
  auto dump = parse_instance_data(slurp(data_file("describe-instance-types.json")), "dump");
  auto legacy = parse_instance_data(slurp(data_file("legacy-instance-types.json")), "legacy");
  CHECK(table.types == merge_instance_types({dump, legacy}));
}
