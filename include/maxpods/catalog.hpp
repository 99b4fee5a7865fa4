#pragma once

#include <maxpods/instance.hpp>
#include <maxpods/instance_data.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maxpods {

/// The instance types maxpods knows: the table compiled into this build, plus any types
/// loaded at run time, which replace bundled ones of the same name.
class Catalog {
 public:
  /// A catalog of the bundled table alone.
  Catalog() = default;

  /// The header of the bundled table.
  static TableInfo bundled_info();

  /// Adds or replaces instance types.
  void add(const std::vector<InstanceType>& types);

  /// The instance type of that exact name, if known.
  std::optional<InstanceType> find(std::string_view name) const;

  /// The instance type of that name; throws Error(unknown_instance_type) with suggestions.
  InstanceType get(std::string_view name) const;

  /// Every known instance type, sorted by name.
  std::vector<InstanceType> all() const;

  /// Up to `limit` known names closest to a misspelt one, closest first.
  std::vector<std::string> suggestions(std::string_view name, std::size_t limit = 3) const;

  /// How many types were loaded at run time on top of the bundled table.
  std::size_t added_count() const { return m_added.size(); }

 private:
  std::map<std::string, InstanceType, std::less<>> m_added;
};

}  // namespace maxpods
