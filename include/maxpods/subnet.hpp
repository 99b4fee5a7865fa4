#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace maxpods {

/// Addresses AWS reserves in every subnet: the first four and the last.
inline constexpr std::int64_t k_aws_reserved_per_subnet = 5;

/// An IPv4 VPC subnet, /16 to /28 as AWS allows.
struct Subnet {
  std::uint32_t network = 0;  ///< the first address, host order
  int prefix_length = 0;
  std::string text;  ///< as written, e.g. "10.0.0.0/24"

  /// Parses "a.b.c.d/n"; throws Error(usage) naming `option` for anything else.
  static Subnet parse(std::string_view cidr, std::string_view option = "--subnet");

  /// All addresses of the subnet.
  std::int64_t size() const { return std::int64_t{1} << (32 - prefix_length); }
  /// Addresses left after AWS's five reserved ones.
  std::int64_t usable() const { return size() - k_aws_reserved_per_subnet; }
  /// Aligned /28 blocks with no reserved address: the blocks prefix delegation can use.
  /// The first and the last /28 always hold a reserved address (inference from AWS's rule).
  std::int64_t whole_prefix_blocks() const;
};

}  // namespace maxpods
