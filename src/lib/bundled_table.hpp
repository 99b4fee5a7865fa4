#pragma once

// The instance table compiled into the binary. The build generates its definition from
// data/eni-limits.json (see src/tablegen), so a lookup parses nothing.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace maxpods::detail {

/// One network card of a compiled instance type.
struct CompiledCard {
  int index;
  int max_enis;
};

/// A string in the table's string pool. Offsets rather than pointers keep the table free of
/// relocations, so the loader touches only the pages a lookup reads.
struct PoolString {
  std::uint32_t offset;
  std::uint32_t size;
};

/// One instance type as the compiled table holds it: plain constants, no allocation.
struct CompiledType {
  PoolString name;
  std::optional<int> vcpus;
  std::optional<std::int64_t> memory_mib;
  PoolString hypervisor;
  bool bare_metal;
  int default_network_card;
  std::uint32_t first_card;  ///< index into CompiledTable::cards
  std::uint32_t card_count;
  int ipv4_per_eni;
  std::optional<int> ipv6_per_eni;
  std::optional<int> efa_max_interfaces;
  std::optional<int> branch_enis;
  bool prefix_delegation;
};

/// The whole compiled table; types are sorted by name.
struct CompiledTable {
  std::span<const CompiledType> types;
  std::span<const CompiledCard> cards;
  std::string_view strings;  ///< the pool PoolString points into
  std::string_view source;
  std::string_view generated;

  /// The text of a pooled string.
  constexpr std::string_view text(PoolString s) const { return strings.substr(s.offset, s.size); }
};

/// The table this build carries (defined in the generated source).
const CompiledTable& bundled_table() noexcept;

}  // namespace maxpods::detail
