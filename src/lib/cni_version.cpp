#include <maxpods/cni_version.hpp>
#include <maxpods/error.hpp>

#include <fmt/format.h>

#include <charconv>
#include <tuple>

namespace maxpods {
namespace {

constexpr std::size_t k_max_digits = 6;

// Reads a run of digits at `pos` into `value`; false when there is none or it is too long.
bool read_number(std::string_view text, std::size_t& pos, int& value) {
  std::size_t end = pos;
  while (end < text.size() && text[end] >= '0' && text[end] <= '9') {
    ++end;
  }
  if (end == pos || end - pos > k_max_digits) {
    return false;
  }
  std::from_chars(text.data() + pos, text.data() + end, value);
  pos = end;
  return true;
}

// A build or pre-release suffix: "-eksbuild.1", "+meta"; letters, digits, '.', '-' and '_'.
bool is_suffix(std::string_view rest) {
  if (rest.size() < 2 || (rest[0] != '-' && rest[0] != '+')) {
    return false;
  }
  for (char c : rest.substr(1)) {
    bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              c == '.' || c == '-' || c == '_' || c == '+';
    if (!ok) {
      return false;
    }
  }
  return true;
}

}  // namespace

CniVersion CniVersion::parse(std::string_view text) {
  auto fail = [&]() -> Error {
    return Error(ErrorKind::usage,
                 fmt::format("invalid --cni-version '{}': expected MAJOR.MINOR[.PATCH], such as "
                             "1.12.6, v1.12.6 or 1.12.6-eksbuild.1",
                             text));
  };
  CniVersion version;
  version.text = std::string(text);
  std::size_t pos = 0;
  if (pos < text.size() && (text[pos] == 'v' || text[pos] == 'V')) {
    ++pos;
  }
  if (!read_number(text, pos, version.major) || pos >= text.size() || text[pos] != '.') {
    throw fail();
  }
  ++pos;
  if (!read_number(text, pos, version.minor)) {
    throw fail();
  }
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    if (!read_number(text, pos, version.patch)) {
      throw fail();
    }
  }
  if (pos < text.size() && !is_suffix(text.substr(pos))) {
    throw fail();
  }
  return version;
}

CniVersion CniVersion::assumed() {
  return parse(k_assumed_cni_version);
}

bool CniVersion::at_least(int major_, int minor_, int patch_) const {
  return std::tie(major, minor, patch) >= std::tie(major_, minor_, patch_);
}

}  // namespace maxpods
