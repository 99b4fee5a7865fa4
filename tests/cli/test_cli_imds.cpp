// --instance-type-from-imds against a stand-in metadata service on 127.0.0.1.

#include "imds_stand_in.hpp"
#include "run.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>

using maxpods::test::MetadataReply;
using maxpods::test::MetadataRequest;
using maxpods::test::MetadataStandIn;
using maxpods::test::Run;

namespace {

Run with_imds(const MetadataStandIn& imds, std::vector<std::string> args) {
  return maxpods::test::run_maxpods(args, {{"AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.endpoint()},
                                           {"AWS_EC2_METADATA_DISABLED", "false"}});
}

void check_error(const Run& run, int status, const std::string& err) {
  CHECK(run.out.empty());
  CHECK(run.err == err);
  CHECK(run.status == status);
}

}  // namespace

TEST_CASE("IMDSv2: a token, then the instance type for that token") {
  MetadataStandIn imds(maxpods::test::imdsv2("m5.large"));
  Run run = with_imds(imds, {"--instance-type-from-imds", "--cni-version", "1.12.6"});
  CHECK(run.out == "29\n");
  CHECK(run.err.empty());
  CHECK(run.status == 0);
  CHECK(imds.requests() == 2);
}

TEST_CASE("one call gives a node its kubelet configuration from IMDS") {
  MetadataStandIn imds(maxpods::test::imdsv2("m5.4xlarge"));
  Run run = with_imds(
      imds, {"--instance-type-from-imds", "-o", "kubelet-config", "--max-pods-cap", "110"});
  REQUIRE(run.status == 0);
  auto config = nlohmann::json::parse(run.out);
  CHECK(config["maxPods"].get<int>() == 110);
  CHECK(config["kubeReserved"]["memory"].get<std::string>() == "1465Mi");
}

TEST_CASE("IMDS works for explain and capacity too") {
  MetadataStandIn imds(maxpods::test::imdsv2("c5.xlarge"));
  CHECK_THAT(with_imds(imds, {"explain", "--instance-type-from-imds"}).out,
             Catch::StartsWith("c5.xlarge with VPC CNI"));
  CHECK_THAT(with_imds(imds, {"capacity", "--instance-type-from-imds", "--pods", "10"}).out,
             Catch::StartsWith("c5.xlarge: 1 node, 10 pods each"));
}

TEST_CASE("a refused token call falls back to IMDSv1") {
  auto status = GENERATE(403u, 404u, 405u);
  MetadataStandIn imds([status](const MetadataRequest& request) -> MetadataReply {
    if (request.method == "PUT") {
      return {status, ""};
    }
    if (request.headers.contains("x-aws-ec2-metadata-token")) {
      return {400, "unexpected token"};
    }
    return {200, "t3.micro"};
  });
  Run run = with_imds(imds, {"--instance-type-from-imds", "--cni-version", "1.12.6"});
  CHECK(run.out == "4\n");
  CHECK(run.status == 0);
}

TEST_CASE("a wrong token is an error, not a fallback") {
  MetadataStandIn imds([](const MetadataRequest& request) -> MetadataReply {
    if (request.method == "PUT") {
      return {200, "a-token"};
    }
    return {401, "Unauthorized"};
  });
  check_error(with_imds(imds, {"--instance-type-from-imds"}), 6,
              "maxpods: error: instance metadata: the service refused the session token (HTTP "
              "401)\n");
}

TEST_CASE("a slow service gets a clear error within 3 seconds") {
  MetadataStandIn imds([](const MetadataRequest&) -> MetadataReply {
    return {200, "m5.large", std::chrono::milliseconds(10000)};
  });
  auto start = std::chrono::steady_clock::now();
  Run run = with_imds(imds, {"--instance-type-from-imds"});
  auto took = std::chrono::steady_clock::now() - start;
  CHECK(took < std::chrono::seconds(3));
  check_error(run, 6,
              "maxpods: error: instance metadata: PUT /latest/api/token at " + imds.endpoint() +
                  " failed after 3 attempts within 2500 ms: no answer in time; is this an EC2 "
                  "instance with the metadata service on?\n");
  CHECK(imds.requests() == 3);  // bounded retries
}

TEST_CASE("an answer that is not an instance type is an error") {
  auto body = GENERATE(as<std::string>{}, "<html>oops</html>", "", "m5 large", "M5.LARGE");
  MetadataStandIn imds([body](const MetadataRequest& request) -> MetadataReply {
    return request.method == "PUT" ? MetadataReply{200, "tok"} : MetadataReply{200, body};
  });
  Run run = with_imds(imds, {"--instance-type-from-imds"});
  CHECK(run.out.empty());
  CHECK(run.status == 6);
  CHECK(run.err == "maxpods: error: instance metadata: /latest/meta-data/instance-type answered '" +
                       body + "', which is not an instance type\n");
}

TEST_CASE("an unknown type from IMDS gets suggestions") {
  MetadataStandIn imds(maxpods::test::imdsv2("m5.lrge"));
  check_error(with_imds(imds, {"--instance-type-from-imds"}), 3,
              "maxpods: error: unknown instance type 'm5.lrge'; did you mean m5.large?\n");
}

TEST_CASE("server errors are retried, then reported") {
  MetadataStandIn imds([](const MetadataRequest&) -> MetadataReply { return {503, "busy"}; });
  Run run = with_imds(imds, {"--instance-type-from-imds"});
  CHECK(run.status == 6);
  CHECK_THAT(run.err, Catch::Contains("failed after 3 attempts within 2500 ms: HTTP 503"));
  CHECK(imds.requests() == 3);
}

TEST_CASE("AWS_EC2_METADATA_DISABLED=true stops before any request") {
  MetadataStandIn imds(maxpods::test::imdsv2("m5.large"));
  Run run = maxpods::test::run_maxpods({"--instance-type-from-imds"},
                                       {{"AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.endpoint()},
                                        {"AWS_EC2_METADATA_DISABLED", "true"}});
  check_error(run, 6,
              "maxpods: error: instance metadata: disabled by AWS_EC2_METADATA_DISABLED=true; give "
              "--instance-type instead\n");
  CHECK(imds.requests() == 0);
}

TEST_CASE("a closed port fails fast") {
  std::string endpoint;
  {
    MetadataStandIn imds(maxpods::test::imdsv2("m5.large"));
    endpoint = imds.endpoint();
  }  // closed now
  auto start = std::chrono::steady_clock::now();
  Run run = maxpods::test::run_maxpods({"--instance-type-from-imds"},
                                       {{"AWS_EC2_METADATA_SERVICE_ENDPOINT", endpoint}});
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(3));
  CHECK(run.status == 6);
  CHECK_THAT(run.err, Catch::Contains("Connection refused"));
}

TEST_CASE("endpoints must be http:// with an address") {
  auto endpoint = GENERATE(as<std::string>{}, "https://127.0.0.1", "169.254.169.254",
                           "http://metadata.internal", "http://127.0.0.1:99999", "http://[::1");
  Run run = maxpods::test::run_maxpods({"--instance-type-from-imds"},
                                       {{"AWS_EC2_METADATA_SERVICE_ENDPOINT", endpoint}});
  CHECK(run.status == 6);
  CHECK_THAT(run.err, Catch::StartsWith("maxpods: error: instance metadata: "
                                        "AWS_EC2_METADATA_SERVICE_ENDPOINT '" +
                                        endpoint + "'"));
}

TEST_CASE("instance type and IMDS together are a usage error") {
  Run run = maxpods::test::run_maxpods({"--instance-type-from-imds", "-t", "m5.large"});
  check_error(run, 2,
              "maxpods: error: --instance-type and --instance-type-from-imds do not go together: "
              "give one\n");
}
