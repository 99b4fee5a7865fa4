#pragma once

// Lets Catch2 print nlohmann::json values in failed checks. Without it Catch2 takes a JSON value
// for a range of JSON values and recurses without end.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace Catch {

template <>
struct StringMaker<nlohmann::json> {
  static std::string convert(const nlohmann::json& value) { return value.dump(); }
};

template <>
struct is_range<nlohmann::json> {
  static constexpr bool value = false;
};

}  // namespace Catch
