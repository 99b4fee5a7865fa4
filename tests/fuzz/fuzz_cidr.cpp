// The --subnet CIDR parser: any text either parses or is a usage error; what parses is an
// aligned /16../28 network that reads back the same from its dotted form.

#include "fuzz.hpp"

#include <maxpods/error.hpp>
#include <maxpods/subnet.hpp>

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = maxpods::fuzz::as_text(data, size);
  maxpods::Subnet subnet;
  try {
    subnet = maxpods::Subnet::parse(text);
  } catch (const maxpods::Error& e) {
    MAXPODS_FUZZ_ASSERT(e.kind() == maxpods::ErrorKind::usage);
    return 0;
  }
  MAXPODS_FUZZ_ASSERT(subnet.prefix_length >= 16 && subnet.prefix_length <= 28);
  std::uint32_t host_mask = (std::uint32_t{1} << (32 - subnet.prefix_length)) - 1;
  MAXPODS_FUZZ_ASSERT((subnet.network & host_mask) == 0);
  MAXPODS_FUZZ_ASSERT(subnet.usable() == subnet.size() - maxpods::k_aws_reserved_per_subnet);
  MAXPODS_FUZZ_ASSERT(subnet.whole_prefix_blocks() >= 0);
  MAXPODS_FUZZ_ASSERT(subnet.whole_prefix_blocks() <= subnet.size() / 16);
  std::string dotted;
  for (int shift = 24; shift >= 0; shift -= 8) {
    dotted += std::to_string((subnet.network >> shift) & 255) + (shift > 0 ? "." : "/");
  }
  dotted += std::to_string(subnet.prefix_length);
  auto again = maxpods::Subnet::parse(dotted);
  MAXPODS_FUZZ_ASSERT(again.network == subnet.network);
  MAXPODS_FUZZ_ASSERT(again.prefix_length == subnet.prefix_length);
  return 0;
}
