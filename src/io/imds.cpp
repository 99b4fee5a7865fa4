#include "imds.hpp"

#include <maxpods/error.hpp>

#include <fmt/format.h>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace maxpods::io {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using Clock = std::chrono::steady_clock;

constexpr std::string_view k_token_path = "/latest/api/token";
constexpr std::string_view k_instance_type_path = "/latest/meta-data/instance-type";
constexpr std::string_view k_token_ttl = "21600";
constexpr std::size_t k_body_limit = 4096;

[[noreturn]] void fail(const std::string& message) {
  throw Error(ErrorKind::metadata, "instance metadata: " + message);
}

// An http:// endpoint with a literal address; IMDS is always reached by address.
struct Endpoint {
  asio::ip::address address;
  unsigned short port = 80;
  std::string host;  ///< for the Host header
};

Endpoint parse_endpoint(std::string_view url) {
  auto bad = [&](std::string_view why) {
    fail(fmt::format("AWS_EC2_METADATA_SERVICE_ENDPOINT '{}' {}", url, why));
  };
  constexpr std::string_view k_scheme = "http://";
  if (!url.starts_with(k_scheme)) {
    bad("must start with http://");
  }
  std::string_view rest = url.substr(k_scheme.size());
  rest = rest.substr(0, rest.find('/'));
  std::string_view host = rest;
  std::string_view port;
  if (rest.starts_with('[')) {
    auto close = rest.find(']');
    if (close == std::string_view::npos) {
      bad("has an unclosed [");
    }
    host = rest.substr(1, close - 1);
    if (close + 1 < rest.size()) {
      if (rest[close + 1] != ':') {
        bad("is not host[:port]");
      }
      port = rest.substr(close + 2);
    }
  } else if (auto colon = rest.rfind(':'); colon != std::string_view::npos) {
    host = rest.substr(0, colon);
    port = rest.substr(colon + 1);
  }
  Endpoint endpoint;
  endpoint.host = std::string(rest);
  boost::system::error_code error;
  endpoint.address = host == "localhost" ? asio::ip::make_address("127.0.0.1", error)
                                         : asio::ip::make_address(std::string(host), error);
  if (error) {
    bad("needs an IP address (or localhost) as its host");
  }
  if (!port.empty()) {
    unsigned value = 0;
    for (char c : port) {
      if (c < '0' || c > '9' || value > 65535) {
        bad("has a bad port");
      }
      value = value * 10 + static_cast<unsigned>(c - '0');
    }
    if (value == 0 || value > 65535) {
      bad("has a bad port");
    }
    endpoint.port = static_cast<unsigned short>(value);
  }
  return endpoint;
}

struct Answer {
  unsigned status = 0;
  std::string body;
};

// One HTTP exchange within `timeout`; nullopt when it times out or the connection fails.
std::optional<Answer> exchange(const Endpoint& endpoint, http::verb verb, std::string_view path,
                               std::string_view header, std::string_view value,
                               std::chrono::milliseconds timeout, std::string& problem) {
  asio::io_context io;
  beast::tcp_stream stream(io);
  http::request<http::empty_body> request{verb, std::string(path), 11};
  request.set(http::field::host, endpoint.host);
  request.set(http::field::user_agent, "maxpods");
  if (!header.empty()) {
    request.set(std::string(header), std::string(value));
  }
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(k_body_limit);
  beast::error_code failure;
  bool done = false;

  stream.expires_after(timeout);
  stream.async_connect(
      asio::ip::tcp::endpoint(endpoint.address, endpoint.port), [&](beast::error_code error) {
        if (error) {
          failure = error;
          return;
        }
        http::async_write(stream, request, [&](beast::error_code write_error, std::size_t) {
          if (write_error) {
            failure = write_error;
            return;
          }
          http::async_read(stream, buffer, parser, [&](beast::error_code read_error, std::size_t) {
            failure = read_error;
            done = !read_error;
          });
        });
      });
  io.run();
  if (!done) {
    problem = failure == beast::error::timeout ? "no answer in time" : failure.message();
    return std::nullopt;
  }
  return Answer{parser.get().result_int(), parser.get().body()};
}

// Repeats an exchange while it fails to connect, times out or gets a 5xx, until the deadline.
Answer call(const Endpoint& endpoint, const MetadataSettings& settings, Clock::time_point deadline,
            http::verb verb, std::string_view path, std::string_view header = {},
            std::string_view value = {}) {
  std::string problem = "no time left";
  int attempts = 0;
  while (attempts < settings.attempts) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      break;
    }
    ++attempts;
    auto answer = exchange(endpoint, verb, path, header, value,
                           std::min(left, settings.attempt_timeout), problem);
    if (answer && answer->status < 500) {
      return *answer;
    }
    if (answer) {
      problem = fmt::format("HTTP {}", answer->status);
    }
  }
  fail(
      fmt::format("{} {} at {} failed after {} attempt{} within {} ms: {}; is this an EC2 "
                  "instance with the metadata service on?",
                  std::string(http::to_string(verb)), path, settings.endpoint, attempts,
                  attempts == 1 ? "" : "s", settings.deadline.count(), problem));
}

// EC2 instance type names: family, a dot, size; lower-case letters, digits and dashes.
bool looks_like_instance_type(std::string_view text) {
  auto dot = text.find('.');
  if (text.empty() || text.size() > 64 || dot == std::string_view::npos || dot == 0 ||
      dot + 1 == text.size()) {
    return false;
  }
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
  });
}

std::string printable(std::string_view text) {
  std::string out;
  for (char c : text.substr(0, 40)) {
    out += std::isprint(static_cast<unsigned char>(c)) ? c : '?';
  }
  return text.size() > 40 ? out + "..." : out;
}

}  // namespace

MetadataSettings metadata_settings_from_environment() {
  MetadataSettings settings;
  if (const char* endpoint = std::getenv("AWS_EC2_METADATA_SERVICE_ENDPOINT");
      endpoint != nullptr && *endpoint != '\0') {
    settings.endpoint = endpoint;
  }
  if (const char* disabled = std::getenv("AWS_EC2_METADATA_DISABLED"); disabled != nullptr) {
    std::string value = disabled;
    std::transform(value.begin(), value.end(), value.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    settings.disabled = value == "true";
  }
  return settings;
}

std::string instance_type_from_metadata(const MetadataSettings& settings) {
  if (settings.disabled) {
    fail("disabled by AWS_EC2_METADATA_DISABLED=true; give --instance-type instead");
  }
  Endpoint endpoint = parse_endpoint(settings.endpoint);
  const auto deadline = Clock::now() + settings.deadline;

  // IMDSv2: a session token first. Only a refusal of the token call itself (IMDSv1-only
  // services) allows asking without one.
  Answer token = call(endpoint, settings, deadline, http::verb::put, k_token_path,
                      "X-aws-ec2-metadata-token-ttl-seconds", k_token_ttl);
  Answer type;
  if (token.status == 200 && !token.body.empty()) {
    type = call(endpoint, settings, deadline, http::verb::get, k_instance_type_path,
                "X-aws-ec2-metadata-token", token.body);
  } else if (token.status == 403 || token.status == 404 || token.status == 405) {
    type = call(endpoint, settings, deadline, http::verb::get, k_instance_type_path);
  } else {
    fail(fmt::format("the token request answered HTTP {}", token.status));
  }
  if (type.status == 401) {
    fail("the service refused the session token (HTTP 401)");
  }
  if (type.status != 200) {
    fail(fmt::format("{} answered HTTP {}", k_instance_type_path, type.status));
  }
  std::string_view body = type.body;
  while (!body.empty() && (body.back() == '\n' || body.back() == '\r' || body.back() == ' ')) {
    body.remove_suffix(1);
  }
  if (!looks_like_instance_type(body)) {
    fail(fmt::format("{} answered '{}', which is not an instance type", k_instance_type_path,
                     printable(body)));
  }
  return std::string(body);
}

}  // namespace maxpods::io
