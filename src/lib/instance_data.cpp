#include <maxpods/error.hpp>
#include <maxpods/instance_data.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace maxpods {
namespace {

using nlohmann::json;

// Reads fields of one JSON object, naming the file and the field path in every error.
class FieldReader {
 public:
  FieldReader(const json& object, std::string_view origin, std::string path)
      : m_object(object), m_origin(origin), m_path(std::move(path)) {}

  [[noreturn]] void fail(std::string_view field, std::string_view problem) const {
    throw Error(ErrorKind::data, fmt::format("{}: {}: {}", m_origin, where(field), problem));
  }

  std::string where(std::string_view field) const {
    return field.empty()    ? m_path
           : m_path.empty() ? std::string(field)
                            : m_path + "." + std::string(field);
  }

  bool has(std::string_view key) const {
    auto it = m_object.find(key);
    return it != m_object.end() && !it->is_null();
  }

  const json& at(std::string_view key) const {
    auto it = m_object.find(key);
    if (it == m_object.end() || it->is_null()) {
      fail(key, "missing");
    }
    return *it;
  }

  std::string string(std::string_view key) const {
    const json& value = at(key);
    if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
      fail(key, fmt::format("expected a non-empty string, got {}", value.dump()));
    }
    return value.get<std::string>();
  }

  std::optional<std::string> optional_string(std::string_view key) const {
    return has(key) ? std::optional<std::string>(string(key)) : std::nullopt;
  }

  std::int64_t integer(std::string_view key, std::int64_t minimum) const {
    const json& value = at(key);
    if (!value.is_number_integer()) {
      fail(key, fmt::format("expected an integer, got {}", value.dump()));
    }
    auto number = value.get<std::int64_t>();
    if (number < minimum || number > k_max_integer) {
      fail(key, fmt::format("expected an integer from {} to {}, got {}", minimum, k_max_integer,
                            number));
    }
    return number;
  }

  // Counts and indexes (vCPUs, ENIs, addresses per ENI, network cards), kept as int.
  int small_integer(std::string_view key, int minimum) const {
    std::int64_t number = integer(key, minimum);
    if (number > k_max_small_integer) {
      fail(key, fmt::format("expected an integer from {} to {}, got {}", minimum,
                            k_max_small_integer, number));
    }
    return static_cast<int>(number);
  }

  std::optional<int> optional_small_integer(std::string_view key, int minimum) const {
    return has(key) ? std::optional<int>(small_integer(key, minimum)) : std::nullopt;
  }

  bool boolean(std::string_view key, bool fallback) const {
    if (!has(key)) {
      return fallback;
    }
    const json& value = at(key);
    if (!value.is_boolean()) {
      fail(key, fmt::format("expected true or false, got {}", value.dump()));
    }
    return value.get<bool>();
  }

  const json& array(std::string_view key) const {
    const json& value = at(key);
    if (!value.is_array()) {
      fail(key, fmt::format("expected an array, got {}", type_name(value)));
    }
    return value;
  }

  FieldReader object(std::string_view key) const {
    const json& value = at(key);
    if (!value.is_object()) {
      fail(key, fmt::format("expected an object, got {}", type_name(value)));
    }
    return FieldReader(value, m_origin, where(key));
  }

  FieldReader element(const json& array_value, std::string_view key, std::size_t index) const {
    const json& value = array_value[index];
    std::string path = fmt::format("{}[{}]", where(key), index);
    if (!value.is_object()) {
      throw Error(ErrorKind::data, fmt::format("{}: {}: expected an object, got {}", m_origin, path,
                                               type_name(value)));
    }
    return FieldReader(value, m_origin, std::move(path));
  }

  static std::string type_name(const json& value) { return value.type_name(); }

 private:
  static constexpr std::int64_t k_max_integer = 1'000'000'000'000;
  static constexpr std::int64_t k_max_small_integer = 1'000'000;

  const json& m_object;
  std::string_view m_origin;
  std::string m_path;
};

json parse_json(std::string_view text, std::string_view origin) {
  try {
    return json::parse(text);
  } catch (const json::exception& e) {
    // A syntax error, or a number too large for any type (out_of_range.406).
    std::string message = e.what();
    // Drop nlohmann's "[json.exception.parse_error.101] " tag: it means nothing to a user.
    if (auto tag_end = message.find("] ");
        message.starts_with("[json.") && tag_end != std::string::npos) {
      message.erase(0, tag_end + 2);
    }
    throw Error(ErrorKind::data, fmt::format("{}: not valid JSON: {}", origin, message));
  }
}

void check_default_card(const FieldReader& reader, std::string_view field,
                        const InstanceType& type) {
  std::set<int> seen;
  for (const auto& card : type.network_cards) {
    if (!seen.insert(card.index).second) {
      reader.fail(field, fmt::format("network card index {} appears twice", card.index));
    }
  }
  if (!seen.contains(type.default_network_card)) {
    reader.fail(field,
                fmt::format("has no card with the default index {}", type.default_network_card));
  }
}

// One entry of `aws ec2 describe-instance-types` output.
InstanceType read_ec2_type(const FieldReader& entry) {
  InstanceType type;
  type.name = entry.string("InstanceType");
  if (entry.has("VCpuInfo")) {
    type.vcpus = entry.object("VCpuInfo").small_integer("DefaultVCpus", 1);
  }
  if (entry.has("MemoryInfo")) {
    type.memory_mib = entry.object("MemoryInfo").integer("SizeInMiB", 1);
  }
  type.hypervisor = entry.optional_string("Hypervisor").value_or("");
  type.bare_metal = entry.boolean("BareMetal", false);

  FieldReader network = entry.object("NetworkInfo");
  type.default_network_card = network.has("DefaultNetworkCardIndex")
                                  ? network.small_integer("DefaultNetworkCardIndex", 0)
                                  : 0;
  if (network.has("NetworkCards")) {
    const json& cards = network.array("NetworkCards");
    if (cards.empty()) {
      network.fail("NetworkCards", "is empty");
    }
    for (std::size_t i = 0; i < cards.size(); ++i) {
      FieldReader card = network.element(cards, "NetworkCards", i);
      type.network_cards.push_back({card.small_integer("NetworkCardIndex", 0),
                                    card.small_integer("MaximumNetworkInterfaces", 1)});
    }
    std::sort(type.network_cards.begin(), type.network_cards.end(),
              [](const auto& a, const auto& b) { return a.index < b.index; });
    check_default_card(network, "NetworkCards", type);
  } else {
    // Dumps from before multi-card types list one total for the one card.
    type.network_cards.push_back(
        {type.default_network_card, network.small_integer("MaximumNetworkInterfaces", 1)});
  }
  type.ipv4_per_eni = network.small_integer("Ipv4AddressesPerInterface", 1);
  type.ipv6_per_eni = network.optional_small_integer("Ipv6AddressesPerInterface", 0);
  if (network.has("EfaInfo")) {
    type.efa_max_interfaces =
        network.object("EfaInfo").optional_small_integer("MaximumEfaInterfaces", 0);
  }
  type.prefix_delegation = type.is_nitro() || type.bare_metal;
  return type;
}

// One entry of maxpods' own eni-limits.json.
InstanceType read_table_type(const FieldReader& entry) {
  InstanceType type;
  type.name = entry.string("name");
  type.vcpus = entry.optional_small_integer("vcpus", 1);
  if (entry.has("memoryMiB")) {
    type.memory_mib = entry.integer("memoryMiB", 1);
  }
  type.hypervisor = entry.optional_string("hypervisor").value_or("");
  type.bare_metal = entry.boolean("bareMetal", false);
  type.default_network_card = entry.small_integer("defaultNetworkCard", 0);
  const json& cards = entry.array("networkCards");
  if (cards.empty()) {
    entry.fail("networkCards", "is empty");
  }
  for (std::size_t i = 0; i < cards.size(); ++i) {
    FieldReader card = entry.element(cards, "networkCards", i);
    type.network_cards.push_back(
        {card.small_integer("index", 0), card.small_integer("maxEnis", 1)});
  }
  std::sort(type.network_cards.begin(), type.network_cards.end(),
            [](const auto& a, const auto& b) { return a.index < b.index; });
  check_default_card(entry, "networkCards", type);
  type.ipv4_per_eni = entry.small_integer("ipv4PerEni", 1);
  type.ipv6_per_eni = entry.optional_small_integer("ipv6PerEni", 0);
  type.efa_max_interfaces = entry.optional_small_integer("efaMaxInterfaces", 0);
  type.branch_enis = entry.optional_small_integer("branchEnis", 0);
  type.prefix_delegation = entry.boolean("prefixDelegation", type.is_nitro() || type.bare_metal);
  return type;
}

void sort_unique(std::vector<InstanceType>& types, std::string_view origin, bool allow_repeats) {
  std::stable_sort(types.begin(), types.end(),
                   [](const auto& a, const auto& b) { return a.name < b.name; });
  std::vector<InstanceType> unique;
  unique.reserve(types.size());
  for (auto& type : types) {
    if (!unique.empty() && unique.back().name == type.name) {
      if (!allow_repeats) {
        throw Error(ErrorKind::data,
                    fmt::format("{}: instance type '{}' appears twice", origin, type.name));
      }
      unique.back() = std::move(type);  // the later entry wins, as in a later file
    } else {
      unique.push_back(std::move(type));
    }
  }
  types = std::move(unique);
}

nlohmann::ordered_json to_json(const InstanceType& type) {
  nlohmann::ordered_json out;
  out["name"] = type.name;
  if (type.vcpus) {
    out["vcpus"] = *type.vcpus;
  }
  if (type.memory_mib) {
    out["memoryMiB"] = *type.memory_mib;
  }
  if (!type.hypervisor.empty()) {
    out["hypervisor"] = type.hypervisor;
  }
  out["bareMetal"] = type.bare_metal;
  out["defaultNetworkCard"] = type.default_network_card;
  out["networkCards"] = nlohmann::ordered_json::array();
  for (const auto& card : type.network_cards) {
    out["networkCards"].push_back({{"index", card.index}, {"maxEnis", card.max_enis}});
  }
  out["ipv4PerEni"] = type.ipv4_per_eni;
  if (type.ipv6_per_eni) {
    out["ipv6PerEni"] = *type.ipv6_per_eni;
  }
  if (type.efa_max_interfaces) {
    out["efaMaxInterfaces"] = *type.efa_max_interfaces;
  }
  if (type.branch_enis) {
    out["branchEnis"] = *type.branch_enis;
  }
  out["prefixDelegation"] = type.prefix_delegation;
  return out;
}

}  // namespace

InstanceData parse_instance_data(std::string_view text, std::string_view origin) {
  json document = parse_json(text, origin);
  if (!document.is_object()) {
    throw Error(ErrorKind::data, fmt::format("{}: expected a JSON object at the top, got {}",
                                             origin, document.type_name()));
  }
  FieldReader top(document, origin, "");
  InstanceData data;
  if (document.contains("instanceTypes")) {
    const json& entries = top.array("instanceTypes");
    for (std::size_t i = 0; i < entries.size(); ++i) {
      data.types.push_back(read_table_type(top.element(entries, "instanceTypes", i)));
    }
    sort_unique(data.types, origin, false);
    data.format = DataFormat::eni_limits;
    data.info.source = top.optional_string("source").value_or(std::string(origin));
    data.info.generated = top.optional_string("generated").value_or("");
    if (top.has("count") &&
        static_cast<std::size_t>(top.integer("count", 0)) != data.types.size()) {
      top.fail("count", fmt::format("says {} but the file holds {} instance types",
                                    top.integer("count", 0), data.types.size()));
    }
  } else if (document.contains("InstanceTypes")) {
    const json& entries = top.array("InstanceTypes");
    for (std::size_t i = 0; i < entries.size(); ++i) {
      data.types.push_back(read_ec2_type(top.element(entries, "InstanceTypes", i)));
    }
    sort_unique(data.types, origin, true);
    data.format = DataFormat::describe_instance_types;
    data.info.source = fmt::format("aws ec2 describe-instance-types ({})", origin);
  } else {
    throw Error(ErrorKind::data,
                fmt::format("{}: neither an eni-limits table (no \"instanceTypes\") nor "
                            "describe-instance-types output (no \"InstanceTypes\")",
                            origin));
  }
  data.info.count = data.types.size();
  return data;
}

std::vector<InstanceType> merge_instance_types(const std::vector<InstanceData>& sets) {
  std::map<std::string, InstanceType, std::less<>> merged;
  for (const auto& set : sets) {
    for (const auto& type : set.types) {
      merged.insert_or_assign(type.name, type);
    }
  }
  std::vector<InstanceType> types;
  types.reserve(merged.size());
  for (auto& [name, type] : merged) {
    types.push_back(std::move(type));
  }
  return types;
}

std::string to_eni_limits_json(const TableInfo& info, const std::vector<InstanceType>& types) {
  std::string out = "{\n";
  out += fmt::format("  \"source\": {},\n", json(info.source).dump());
  // A file without a date loads with an empty one; writing it back leaves the date out, since
  // a present date must not be empty.
  if (!info.generated.empty()) {
    out += fmt::format("  \"generated\": {},\n", json(info.generated).dump());
  }
  out += fmt::format("  \"count\": {},\n", types.size());
  out += "  \"instanceTypes\": [\n";
  for (std::size_t i = 0; i < types.size(); ++i) {
    out += "    " + to_json(types[i]).dump() + (i + 1 < types.size() ? ",\n" : "\n");
  }
  out += "  ]\n}\n";
  return out;
}

}  // namespace maxpods
