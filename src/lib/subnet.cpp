#include <maxpods/error.hpp>
#include <maxpods/subnet.hpp>

#include <fmt/format.h>

#include <charconv>

namespace maxpods {
namespace {

// Reads a decimal number of at most `digits` digits at `pos`.
bool read_decimal(std::string_view text, std::size_t& pos, int digits, unsigned& value) {
  std::size_t end = pos;
  while (end < text.size() && end - pos < static_cast<std::size_t>(digits) + 1 &&
         text[end] >= '0' && text[end] <= '9') {
    ++end;
  }
  if (end == pos || end - pos > static_cast<std::size_t>(digits)) {
    return false;
  }
  std::from_chars(text.data() + pos, text.data() + end, value);
  pos = end;
  return true;
}

std::string dotted(std::uint32_t address) {
  return fmt::format("{}.{}.{}.{}", address >> 24, (address >> 16) & 0xff, (address >> 8) & 0xff,
                     address & 0xff);
}

}  // namespace

Subnet Subnet::parse(std::string_view cidr, std::string_view option) {
  if (cidr.find(':') != std::string_view::npos) {
    throw Error(ErrorKind::usage,
                fmt::format("invalid {} '{}': an IPv6 CIDR; give the IPv4 subnet (VPC CNI takes "
                            "node and pod IPv4 addresses from it)",
                            option, cidr));
  }
  auto malformed = [&] {
    return Error(
        ErrorKind::usage,
        fmt::format("invalid {} '{}': expected an IPv4 CIDR such as 10.0.0.0/24", option, cidr));
  };
  Subnet subnet;
  subnet.text = std::string(cidr);
  std::size_t pos = 0;
  for (int octet = 0; octet < 4; ++octet) {
    unsigned value = 0;
    if (!read_decimal(cidr, pos, 3, value) || value > 255) {
      throw malformed();
    }
    subnet.network = (subnet.network << 8) | value;
    const char separator = octet < 3 ? '.' : '/';
    if (pos >= cidr.size() || cidr[pos] != separator) {
      throw malformed();
    }
    ++pos;
  }
  unsigned length = 0;
  if (!read_decimal(cidr, pos, 2, length) || pos != cidr.size() || length > 32) {
    throw malformed();
  }
  if (length > 28 || length < 16) {
    throw Error(
        ErrorKind::usage,
        fmt::format("invalid {} '{}': AWS subnets are /16 to /28, not /{}", option, cidr, length));
  }
  subnet.prefix_length = static_cast<int>(length);
  const std::uint32_t host_mask = (std::uint32_t{1} << (32 - length)) - 1;
  if ((subnet.network & host_mask) != 0) {
    throw Error(ErrorKind::usage,
                fmt::format("invalid {} '{}': host bits are set; did you mean {}/{}?", option, cidr,
                            dotted(subnet.network & ~host_mask), length));
  }
  return subnet;
}

std::int64_t Subnet::whole_prefix_blocks() const {
  const std::int64_t blocks = size() / 16;
  return blocks <= 2 ? 0 : blocks - 2;
}

}  // namespace maxpods
