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

/// One instance type as the compiled table holds it: plain constants, no allocation.
struct CompiledType {
  std::string_view name;
  std::optional<int> vcpus;
  std::optional<std::int64_t> memory_mib;
  std::string_view hypervisor;
  bool bare_metal;
  int default_network_card;
  std::size_t first_card;  ///< index into CompiledTable::cards
  std::size_t card_count;
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
  std::string_view source;
  std::string_view generated;
};

/// The table this build carries (defined in the generated source).
const CompiledTable& bundled_table() noexcept;

}  // namespace maxpods::detail
