#pragma once

// Machine-readable forms of results, shared by the commands that print them.

#include <maxpods/max_pods.hpp>

#include <nlohmann/json.hpp>

namespace maxpods::cli {

/// The full max-pods result as one JSON object.
nlohmann::ordered_json to_json(const MaxPodsResult& result);

/// An optional number as JSON: the value, or null.
template <typename T>
nlohmann::ordered_json or_null(const std::optional<T>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

}  // namespace maxpods::cli
