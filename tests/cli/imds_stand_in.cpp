#include "imds_stand_in.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace maxpods::test {
namespace {

// Reads one request head (tests send no bodies).
bool read_request(int fd, MetadataRequest& request) {
  std::string data;
  char buffer[4096];
  while (data.find("\r\n\r\n") == std::string::npos) {
    pollfd pfd{fd, POLLIN, 0};
    if (poll(&pfd, 1, 2000) <= 0) {
      return false;
    }
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n <= 0) {
      return false;
    }
    data.append(buffer, static_cast<std::size_t>(n));
  }
  std::istringstream head(data.substr(0, data.find("\r\n\r\n")));
  std::string line;
  std::getline(head, line);
  std::istringstream first(line);
  first >> request.method >> request.path;
  while (std::getline(head, line)) {
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    auto colon = line.find(':');
    if (colon == std::string::npos) {
      continue;
    }
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    request.headers[name] = value;
  }
  return true;
}

void write_reply(int fd, const MetadataReply& reply) {
  std::string text = "HTTP/1.1 " + std::to_string(reply.status) + " Status\r\n" +
                     "Content-Type: text/plain\r\nConnection: close\r\nContent-Length: " +
                     std::to_string(reply.body.size()) + "\r\n\r\n" + reply.body;
  std::size_t sent = 0;
  while (sent < text.size()) {
    ssize_t n = write(fd, text.data() + sent, text.size() - sent);
    if (n <= 0) {
      return;
    }
    sent += static_cast<std::size_t>(n);
  }
}

}  // namespace

MetadataStandIn::MetadataStandIn(Handler handler) : m_handler(std::move(handler)) {
  m_listener = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  if (m_listener < 0 || bind(m_listener, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
      listen(m_listener, 16) != 0 ||
      getsockname(m_listener, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    throw std::runtime_error("cannot listen on 127.0.0.1");
  }
  m_port = ntohs(address.sin_port);
  m_thread = std::thread([this] { serve(); });
}

MetadataStandIn::~MetadataStandIn() {
  m_stopping = true;
  m_thread.join();
  close(m_listener);
}

std::string MetadataStandIn::endpoint() const {
  return "http://127.0.0.1:" + std::to_string(m_port);
}

void MetadataStandIn::serve() {
  std::vector<std::thread> connections;  // one each, so a slow answer holds up no other
  while (!m_stopping) {
    pollfd pfd{m_listener, POLLIN, 0};
    if (poll(&pfd, 1, 50) <= 0) {
      continue;
    }
    int fd = accept4(m_listener, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) {
      continue;
    }
    connections.emplace_back([this, fd] {
      MetadataRequest request;
      if (read_request(fd, request)) {
        ++m_requests;
        MetadataReply reply = m_handler(request);
        // Sleep in small steps so a slow answer does not hold up the test's end.
        for (auto waited = std::chrono::milliseconds(0); waited < reply.delay && !m_stopping;
             waited += std::chrono::milliseconds(10)) {
          std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        write_reply(fd, reply);
      }
      close(fd);
    });
  }
  for (auto& connection : connections) {
    connection.join();
  }
}

MetadataStandIn::Handler imdsv2(std::string instance_type, std::string token) {
  return [instance_type, token](const MetadataRequest& request) -> MetadataReply {
    if (request.method == "PUT" && request.path == "/latest/api/token") {
      if (!request.headers.contains("x-aws-ec2-metadata-token-ttl-seconds")) {
        return {400, "missing TTL"};
      }
      return {200, token};
    }
    if (request.method == "GET" && request.path == "/latest/meta-data/instance-type") {
      auto sent = request.headers.find("x-aws-ec2-metadata-token");
      if (sent == request.headers.end() || sent->second != token) {
        return {401, "Unauthorized"};
      }
      return {200, instance_type};
    }
    return {404, "Not Found"};
  };
}

}  // namespace maxpods::test
