#include <maxpods/catalog.hpp>
#include <maxpods/error.hpp>
#include <maxpods/suggest.hpp>

#include "bundled_table.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace maxpods {
namespace {

InstanceType expand(const detail::CompiledType& compiled, const detail::CompiledTable& table) {
  InstanceType type;
  type.name = std::string(table.text(compiled.name));
  type.vcpus = compiled.vcpus;
  type.memory_mib = compiled.memory_mib;
  type.hypervisor = std::string(table.text(compiled.hypervisor));
  type.bare_metal = compiled.bare_metal;
  type.default_network_card = compiled.default_network_card;
  for (const auto& card : table.cards.subspan(compiled.first_card, compiled.card_count)) {
    type.network_cards.push_back({card.index, card.max_enis});
  }
  type.ipv4_per_eni = compiled.ipv4_per_eni;
  type.ipv6_per_eni = compiled.ipv6_per_eni;
  type.efa_max_interfaces = compiled.efa_max_interfaces;
  type.branch_enis = compiled.branch_enis;
  type.prefix_delegation = compiled.prefix_delegation;
  return type;
}

const detail::CompiledType* find_bundled(std::string_view name) {
  const auto& table = detail::bundled_table();
  auto it = std::lower_bound(
      table.types.begin(), table.types.end(), name,
      [&table](const auto& type, std::string_view key) { return table.text(type.name) < key; });
  return it != table.types.end() && table.text(it->name) == name ? &*it : nullptr;
}

}  // namespace

TableInfo Catalog::bundled_info() {
  const auto& table = detail::bundled_table();
  return {std::string(table.source), std::string(table.generated), table.types.size()};
}

void Catalog::add(const std::vector<InstanceType>& types) {
  for (const auto& type : types) {
    m_added.insert_or_assign(type.name, type);
  }
}

std::optional<InstanceType> Catalog::find(std::string_view name) const {
  if (auto it = m_added.find(name); it != m_added.end()) {
    return it->second;
  }
  if (const auto* compiled = find_bundled(name)) {
    return expand(*compiled, detail::bundled_table());
  }
  return std::nullopt;
}

InstanceType Catalog::get(std::string_view name) const {
  if (auto type = find(name)) {
    return *type;
  }
  if (name.empty()) {
    throw Error(ErrorKind::usage, "the instance type is empty");
  }
  auto close = suggestions(name);
  std::string hint = close.empty() ? std::string("; 'maxpods list' shows every known type")
                                   : fmt::format("; did you mean {}?", join_choices(close));
  throw Error(ErrorKind::unknown_instance_type,
              fmt::format("unknown instance type '{}'{}", name, hint));
}

std::vector<InstanceType> Catalog::all() const {
  const auto& table = detail::bundled_table();
  std::vector<InstanceType> types;
  types.reserve(table.types.size() + m_added.size());
  auto added = m_added.begin();
  for (const auto& compiled : table.types) {
    std::string_view name = table.text(compiled.name);
    for (; added != m_added.end() && added->first < name; ++added) {
      types.push_back(added->second);
    }
    if (added != m_added.end() && added->first == name) {
      types.push_back((added++)->second);
    } else {
      types.push_back(expand(compiled, table));
    }
  }
  for (; added != m_added.end(); ++added) {
    types.push_back(added->second);
  }
  return types;
}

std::vector<std::string> Catalog::suggestions(std::string_view name, std::size_t limit) const {
  const auto& table = detail::bundled_table();
  std::vector<std::string_view> names;
  names.reserve(table.types.size() + m_added.size());
  for (const auto& compiled : table.types) {
    names.push_back(table.text(compiled.name));
  }
  for (const auto& [added_name, type] : m_added) {
    if (!find_bundled(added_name)) {
      names.push_back(added_name);
    }
  }
  return closest(name, names, limit);
}

}  // namespace maxpods
