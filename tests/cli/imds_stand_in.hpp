#pragma once

// A stand-in for the EC2 instance metadata service on 127.0.0.1, for tests only.

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <thread>

namespace maxpods::test {

/// One request as the stand-in saw it.
struct MetadataRequest {
  std::string method;
  std::string path;
  std::map<std::string, std::string> headers;  ///< names in lower case
};

/// What the stand-in answers.
struct MetadataReply {
  unsigned status = 200;
  std::string body;
  std::chrono::milliseconds delay{0};  ///< wait this long before answering
};

/// Serves HTTP on 127.0.0.1 at a free port until destroyed.
class MetadataStandIn {
 public:
  using Handler = std::function<MetadataReply(const MetadataRequest&)>;

  explicit MetadataStandIn(Handler handler);
  ~MetadataStandIn();
  MetadataStandIn(const MetadataStandIn&) = delete;
  MetadataStandIn& operator=(const MetadataStandIn&) = delete;

  /// The URL to give AWS_EC2_METADATA_SERVICE_ENDPOINT.
  std::string endpoint() const;
  /// Requests served so far.
  int requests() const { return m_requests; }

 private:
  void serve();

  Handler m_handler;
  int m_listener = -1;
  unsigned short m_port = 0;
  std::atomic<bool> m_stopping{false};
  std::atomic<int> m_requests{0};
  std::thread m_thread;
};

/// A well-behaved IMDSv2 service: a token, then the instance type for that token only.
MetadataStandIn::Handler imdsv2(std::string instance_type, std::string token = "t0ken");

}  // namespace maxpods::test
