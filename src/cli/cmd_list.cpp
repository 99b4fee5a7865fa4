// `maxpods list`: every known instance type side by side.

#include "common.hpp"
#include "output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <memory>
#include <tuple>

namespace maxpods::cli {
namespace {

struct ListCommand {
  MaxPodsFlags flags;
  std::string family;
  std::string format = "table";
};

// The counts of one address mode: absent where the settings do not apply to the type.
struct Counts {
  std::optional<std::int64_t> max_allowed;
  std::optional<std::int64_t> recommended;
};

// One row: a type with its counts in both address modes. Only what is printed is kept: a row
// per type adds up.
struct Row {
  InstanceType type;
  std::optional<Counts> secondary;
  std::optional<Counts> prefix;  ///< absent where prefix delegation does not apply
};

// Rows in the order they are printed.
using Rows = std::vector<const Row*>;

// The result for one type, or nothing where these settings do not apply to it (security groups
// on a Xen type, EFA-only interfaces on a type without EFA).
std::optional<MaxPodsResult> try_compute(const InstanceType& type, const MaxPodsOptions& options) {
  try {
    return compute_max_pods(type, options);
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::unsupported) {
      throw;
    }
    return std::nullopt;
  }
}

std::optional<Counts> counts(const std::optional<MaxPodsResult>& result) {
  return result ? std::optional<Counts>({result->max_allowed, result->recommended}) : std::nullopt;
}

std::optional<std::int64_t> allowed(const std::optional<Counts>& counts) {
  return counts ? counts->max_allowed : std::nullopt;
}

std::optional<std::int64_t> recommended(const std::optional<Counts>& counts) {
  return counts ? counts->recommended : std::nullopt;
}

std::string cell(const std::optional<std::int64_t>& value) {
  return value ? fmt::format("{}", *value) : std::string("-");
}

std::string csv_cell(const std::optional<std::int64_t>& value) {
  return value ? fmt::format("{}", *value) : std::string();
}

std::vector<std::vector<std::string>> to_cells(const Rows& rows, bool csv) {
  auto show = csv ? csv_cell : cell;
  std::vector<std::vector<std::string>> out;
  for (const Row* row_pointer : rows) {
    const Row& row = *row_pointer;
    std::optional<std::int64_t> vcpus;
    if (row.type.vcpus) {
      vcpus = *row.type.vcpus;
    }
    out.push_back({row.type.name, show(vcpus), fmt::format("{}", row.type.default_card_enis()),
                   fmt::format("{}", row.type.ipv4_per_eni), show(allowed(row.secondary)),
                   show(allowed(row.prefix)), show(recommended(row.secondary)),
                   show(recommended(row.prefix))});
  }
  return out;
}

void print_table(const Io& io, const Rows& rows) {
  const std::vector<std::string> header = {"TYPE",      "VCPUS",  "ENIS",          "IPV4/ENI",
                                           "SECONDARY", "PREFIX", "REC-SECONDARY", "REC-PREFIX"};
  auto cells = to_cells(rows, false);
  std::vector<std::size_t> widths(header.size());
  for (std::size_t c = 0; c < header.size(); ++c) {
    widths[c] = header[c].size();
    for (const auto& line : cells) {
      widths[c] = std::max(widths[c], line[c].size());
    }
  }
  // One write for the whole table: a thousand small ones cost more than the table itself.
  fmt::memory_buffer out;
  auto add_line = [&](const std::vector<std::string>& line) {
    fmt::format_to(std::back_inserter(out), "{:<{}}", line[0], widths[0]);
    for (std::size_t c = 1; c < line.size(); ++c) {
      fmt::format_to(std::back_inserter(out), "  {:>{}}", line[c], widths[c]);
    }
    out.push_back('\n');
  };
  add_line(header);
  for (const auto& line : cells) {
    add_line(line);
  }
  std::fwrite(out.data(), 1, out.size(), io.out);
}

void print_csv(const Io& io, const Rows& rows) {
  fmt::memory_buffer out;
  fmt::format_to(
      std::back_inserter(out),
      "instance_type,vcpus,enis,ipv4_per_eni,max_pods_secondary_ip,max_pods_prefix_delegation,"
      "recommended_secondary_ip,recommended_prefix_delegation\n");
  for (const auto& line : to_cells(rows, true)) {
    fmt::format_to(std::back_inserter(out), "{}\n", fmt::join(line, ","));
  }
  std::fwrite(out.data(), 1, out.size(), io.out);
}

// The same document as one nlohmann::ordered_json dumped with indent 2, written entry by entry:
// a document of every type would take more memory, and time, than the rest of the listing.
void print_json(const Io& io, const Rows& rows, const MaxPodsOptions& options) {
  fmt::memory_buffer out;
  auto field = [&](std::string_view name, const nlohmann::ordered_json& value) {
    fmt::format_to(std::back_inserter(out), "  {}: {},\n", nlohmann::ordered_json(name).dump(),
                   value.dump());
  };
  out.push_back('{');
  out.push_back('\n');
  field("cniVersion", options.cni_version.text);
  field("customNetworking", options.custom_networking);
  field("maxEnis", or_null(options.max_enis));
  fmt::format_to(std::back_inserter(out), "  \"instanceTypes\": [");
  const char* separator = "\n";
  for (const Row* row_pointer : rows) {
    const Row& row = *row_pointer;
    nlohmann::ordered_json entry;
    entry["instanceType"] = row.type.name;
    entry["vcpus"] = or_null(row.type.vcpus);
    entry["enis"] = row.type.default_card_enis();
    entry["ipv4PerEni"] = row.type.ipv4_per_eni;
    auto mode = [](const std::optional<Counts>& counts) {
      return counts ? nlohmann::ordered_json{{"maxPods", or_null(counts->max_allowed)},
                                             {"recommended", or_null(counts->recommended)}}
                    : nlohmann::ordered_json(nullptr);
    };
    entry["secondaryIp"] = mode(row.secondary);
    entry["prefixDelegation"] = mode(row.prefix);
    // Nested two levels deep: every line of the entry moves right by four spaces.
    std::string text = entry.dump(2);
    fmt::format_to(std::back_inserter(out), "{}    ", separator);
    for (char c : text) {
      out.push_back(c);
      if (c == '\n') {
        fmt::format_to(std::back_inserter(out), "    ");
      }
    }
    separator = ",\n";
  }
  fmt::format_to(std::back_inserter(out), "\n  ]\n}}\n");
  std::fwrite(out.data(), 1, out.size(), io.out);
}

ExitStatus run_list(const ListCommand& command, const Io& io) {
  check_format("list", command.format);
  MaxPodsOptions options = to_options(command.flags);
  Catalog catalog = load_catalog(command.flags.instance_data);
  std::vector<InstanceType> types = catalog.all();
  std::vector<Row> rows;
  rows.reserve(types.size());
  for (auto& type : types) {
    if (!type.name.starts_with(command.family)) {
      continue;
    }
    auto secondary = counts(try_compute(type, options));
    Row row{std::move(type), secondary, std::nullopt};
    // Windows and Cilium count secondary IPs only.
    if (options.os == NodeOs::linux_node && !options.cilium_eni) {
      MaxPodsOptions prefix_options = options;
      prefix_options.prefix_delegation = true;
      auto prefix = try_compute(row.type, prefix_options);
      if (prefix && prefix->applied == AddressMode::prefix_delegation) {
        row.prefix = counts(prefix);
      }
    }
    rows.push_back(std::move(row));
  }
  // Family by family, smallest first: m5.large before m5.12xlarge, metal last among equals.
  // Sorts keys, then points at the rows in that order.
  using Key = std::tuple<std::string_view, int, std::string_view, std::size_t>;
  std::vector<Key> keys;
  keys.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::string_view name = rows[i].type.name;
    keys.emplace_back(name.substr(0, name.find('.')), rows[i].type.vcpus.value_or(INT32_MAX), name,
                      i);
  }
  std::sort(keys.begin(), keys.end());
  Rows sorted;
  sorted.reserve(rows.size());
  for (const auto& key : keys) {
    sorted.push_back(&rows[std::get<3>(key)]);
  }
  if (rows.empty()) {
    throw Error(ErrorKind::unknown_instance_type,
                fmt::format("no instance type starts with '{}'", command.family));
  }
  if (command.format == "csv") {
    print_csv(io, sorted);
  } else if (command.format == "json") {
    print_json(io, sorted, options);
  } else {
    print_table(io, sorted);
  }
  return ExitStatus::ok;
}

}  // namespace

Command setup_list(CLI::App& sub_app) {
  auto command = std::make_shared<ListCommand>();
  CLI::App* sub = &sub_app;
  sub->add_option("--family", command->family,
                  "Only types whose name starts with PREFIX, e.g. m5 or m5.")
      ->type_name("PREFIX")
      ->group("Selection");
  add_max_pods_flags(*sub, command->flags, FlagSet::every_type);
  sub->add_option("-o,--output", command->format, "Output format: table, csv or json")
      ->type_name("FORMAT")
      ->capture_default_str()
      ->group("Output");
  return {sub, [command](const Io& io) { return run_list(*command, io); }};
}

}  // namespace maxpods::cli
