// The instance-data loader, for both formats (our eni-limits JSON and raw
// `aws ec2 describe-instance-types` output): any text either loads or is a data error naming
// the file; what loads writes back out as eni-limits JSON that loads to the same types, and
// every loaded type gets a max-pods answer or a clean error.

#include "fuzz.hpp"

#include <maxpods/error.hpp>
#include <maxpods/instance_data.hpp>
#include <maxpods/max_pods.hpp>

#include <string>

namespace {

void compute_all_modes(const maxpods::InstanceType& type) {
  for (bool prefix : {false, true}) {
    for (bool custom : {false, true}) {
      maxpods::MaxPodsOptions options;
      options.prefix_delegation = prefix;
      options.custom_networking = custom;
      try {
        auto result = maxpods::compute_max_pods(type, options);
        (void)result.answer();
      } catch (const maxpods::Error& e) {
        MAXPODS_FUZZ_ASSERT(e.kind() != maxpods::ErrorKind::unknown_instance_type);
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = maxpods::fuzz::as_text(data, size);
  maxpods::InstanceData loaded;
  try {
    loaded = maxpods::parse_instance_data(text, "fuzz.json");
  } catch (const maxpods::Error& e) {
    MAXPODS_FUZZ_ASSERT(e.kind() == maxpods::ErrorKind::data);
    MAXPODS_FUZZ_ASSERT(std::string_view(e.what()).starts_with("fuzz.json"));
    return 0;
  }
  auto types = maxpods::merge_instance_types({loaded});
  for (const auto& type : types) {
    compute_all_modes(type);
  }
  if (loaded.format != maxpods::DataFormat::eni_limits || types.empty()) {
    return 0;
  }
  std::string written = maxpods::to_eni_limits_json(loaded.info, types);
  auto reloaded = maxpods::parse_instance_data(written, "written.json");
  MAXPODS_FUZZ_ASSERT(maxpods::merge_instance_types({reloaded}) == types);
  MAXPODS_FUZZ_ASSERT(maxpods::to_eni_limits_json(reloaded.info, types) == written);
  return 0;
}
