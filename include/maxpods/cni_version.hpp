#pragma once

#include <string>
#include <string_view>

namespace maxpods {

/// A VPC CNI version: major.minor[.patch] with an optional "v" prefix and build suffix.
struct CniVersion {
  int major = 0;
  int minor = 0;
  int patch = 0;
  std::string text;  ///< as the user wrote it

  /// Parses "1.12.6", "v1.12.6", "1.12.6-eksbuild.1" or "1.12"; throws Error(usage) otherwise.
  static CniVersion parse(std::string_view text);
  /// The version assumed when none is given: a current, prefix-delegation capable CNI.
  static CniVersion assumed();

  /// Whether this version is at least major.minor.patch.
  bool at_least(int major_, int minor_, int patch_ = 0) const;
  /// Prefix delegation needs CNI 1.9 or later (the reference script: above 1.8).
  bool supports_prefix_delegation() const { return at_least(1, 9); }
};

/// The CNI version assumed when --cni-version is not given.
inline constexpr std::string_view k_assumed_cni_version = "1.23.1";

}  // namespace maxpods
