// Build-time generator: turns data/eni-limits.json into a C++ source that defines the compiled
// instance table, so that maxpods never parses JSON to answer a lookup.
//
// usage: maxpods_tablegen INPUT.json OUTPUT.cpp

#include <maxpods/error.hpp>
#include <maxpods/instance_data.hpp>

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

namespace {

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c < 0x20 || c > 0x7e) {
      out += fmt::format("\\x{:02x}\"\"", static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  return out + "\"";
}

template <typename T>
std::string optional_literal(const std::optional<T>& value) {
  return value ? fmt::format("{}", *value) : "std::nullopt";
}

// Collects the table's strings into one pool, each stored once.
class StringPool {
 public:
  std::string add(std::string_view text) {
    auto [it, inserted] = m_offsets.try_emplace(std::string(text), m_pool.size());
    if (inserted) {
      m_pool += text;
    }
    return fmt::format("{{{}, {}}}", it->second, text.size());
  }
  const std::string& pool() const { return m_pool; }

 private:
  std::string m_pool;
  std::map<std::string, std::size_t> m_offsets;
};

std::string generate(const maxpods::InstanceData& data) {
  StringPool strings;
  std::string cards;
  std::string types;
  std::size_t card_count = 0;
  for (const auto& type : data.types) {
    types += fmt::format(
        "    {{{}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}}},\n", strings.add(type.name),
        optional_literal(type.vcpus), optional_literal(type.memory_mib),
        strings.add(type.hypervisor), type.bare_metal, type.default_network_card, card_count,
        type.network_cards.size(), type.ipv4_per_eni, optional_literal(type.ipv6_per_eni),
        optional_literal(type.efa_max_interfaces), optional_literal(type.branch_enis),
        type.prefix_delegation);
    for (const auto& card : type.network_cards) {
      cards += fmt::format("    {{{}, {}}},\n", card.index, card.max_enis);
    }
    card_count += type.network_cards.size();
  }
  // The pool as one literal split over lines; the size is explicit so embedded NULs are safe.
  std::string pool_literal;
  const std::string& pool = strings.pool();
  for (std::size_t i = 0; i < pool.size(); i += 96) {
    pool_literal += "    " + quoted(std::string_view(pool).substr(i, 96)) + "\n";
  }
  return fmt::format(
      "// Generated from data/eni-limits.json by maxpods_tablegen. Do not edit.\n"
      "#include \"bundled_table.hpp\"\n\n"
      "namespace maxpods::detail {{\n"
      "namespace {{\n\n"
      "constexpr char k_strings[] =\n{};\n\n"
      "constexpr CompiledCard k_cards[] = {{\n{}}};\n\n"
      "constexpr CompiledType k_types[] = {{\n{}}};\n\n"
      "constexpr CompiledTable k_table{{k_types, k_cards, {{k_strings, {}}}, {}, {}}};\n\n"
      "}}  // namespace\n\n"
      "const CompiledTable& bundled_table() noexcept {{ return k_table; }}\n\n"
      "}}  // namespace maxpods::detail\n",
      pool_literal.empty() ? std::string("    \"\"\n") : pool_literal, cards, types, pool.size(),
      quoted(data.info.source), quoted(data.info.generated));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: maxpods_tablegen INPUT.json OUTPUT.cpp\n";
    return 2;
  }
  try {
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
      throw maxpods::Error(maxpods::ErrorKind::data, fmt::format("{}: cannot open", argv[1]));
    }
    std::stringstream text;
    text << in.rdbuf();
    auto data = maxpods::parse_instance_data(text.str(), argv[1]);
    if (data.format != maxpods::DataFormat::eni_limits) {
      throw maxpods::Error(maxpods::ErrorKind::data,
                           fmt::format("{}: expected the eni-limits.json format", argv[1]));
    }
    if (data.types.empty()) {
      throw maxpods::Error(maxpods::ErrorKind::data,
                           fmt::format("{}: holds no instance types", argv[1]));
    }
    std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
    out << generate(data);
    if (!out.flush()) {
      throw maxpods::Error(maxpods::ErrorKind::data, fmt::format("{}: cannot write", argv[2]));
    }
  } catch (const maxpods::Error& e) {
    std::cerr << "maxpods_tablegen: error: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
