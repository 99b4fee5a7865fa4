// The --cni-version parser: any text either parses or is a usage error, and what parses reads
// back the same from its canonical form.

#include "fuzz.hpp"

#include <maxpods/cni_version.hpp>
#include <maxpods/error.hpp>

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = maxpods::fuzz::as_text(data, size);
  maxpods::CniVersion version;
  try {
    version = maxpods::CniVersion::parse(text);
  } catch (const maxpods::Error& e) {
    MAXPODS_FUZZ_ASSERT(e.kind() == maxpods::ErrorKind::usage);
    return 0;
  }
  MAXPODS_FUZZ_ASSERT(version.text == text);
  MAXPODS_FUZZ_ASSERT(version.major >= 0 && version.minor >= 0 && version.patch >= 0);
  auto canonical = maxpods::CniVersion::parse(std::to_string(version.major) + "." +
                                              std::to_string(version.minor) + "." +
                                              std::to_string(version.patch));
  MAXPODS_FUZZ_ASSERT(canonical.major == version.major && canonical.minor == version.minor &&
                      canonical.patch == version.patch);
  MAXPODS_FUZZ_ASSERT(version.at_least(version.major, version.minor, version.patch));
  MAXPODS_FUZZ_ASSERT(!version.at_least(version.major, version.minor, version.patch + 1));
  MAXPODS_FUZZ_ASSERT(version.supports_prefix_delegation() == version.at_least(1, 9));
  return 0;
}
