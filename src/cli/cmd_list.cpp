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

// One row: a type with its counts in both address modes.
struct Row {
  InstanceType type;
  std::optional<MaxPodsResult> secondary;  ///< absent where the settings do not apply
  std::optional<MaxPodsResult> prefix;     ///< absent where prefix delegation does not apply
};

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

std::optional<std::int64_t> allowed(const std::optional<MaxPodsResult>& result) {
  return result ? result->max_allowed : std::nullopt;
}

std::optional<std::int64_t> recommended(const std::optional<MaxPodsResult>& result) {
  return result ? result->recommended : std::nullopt;
}

std::string cell(const std::optional<std::int64_t>& value) {
  return value ? fmt::format("{}", *value) : std::string("-");
}

std::string csv_cell(const std::optional<std::int64_t>& value) {
  return value ? fmt::format("{}", *value) : std::string();
}

std::vector<std::vector<std::string>> to_cells(const std::vector<Row>& rows, bool csv) {
  auto show = csv ? csv_cell : cell;
  std::vector<std::vector<std::string>> out;
  for (const auto& row : rows) {
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

void print_table(const Io& io, const std::vector<Row>& rows) {
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
  auto print_line = [&](const std::vector<std::string>& line) {
    std::string out = fmt::format("{:<{}}", line[0], widths[0]);
    for (std::size_t c = 1; c < line.size(); ++c) {
      out += fmt::format("  {:>{}}", line[c], widths[c]);
    }
    fmt::print(io.out, "{}\n", out);
  };
  print_line(header);
  for (const auto& line : cells) {
    print_line(line);
  }
}

void print_csv(const Io& io, const std::vector<Row>& rows) {
  fmt::print(
      io.out,
      "instance_type,vcpus,enis,ipv4_per_eni,max_pods_secondary_ip,max_pods_prefix_delegation,"
      "recommended_secondary_ip,recommended_prefix_delegation\n");
  for (const auto& line : to_cells(rows, true)) {
    fmt::print(io.out, "{}\n", fmt::join(line, ","));
  }
}

void print_json(const Io& io, const std::vector<Row>& rows, const MaxPodsOptions& options) {
  nlohmann::ordered_json out;
  out["cniVersion"] = options.cni_version.text;
  out["customNetworking"] = options.custom_networking;
  out["maxEnis"] = or_null(options.max_enis);
  out["instanceTypes"] = nlohmann::ordered_json::array();
  for (const auto& row : rows) {
    nlohmann::ordered_json entry;
    entry["instanceType"] = row.type.name;
    entry["vcpus"] = or_null(row.type.vcpus);
    entry["enis"] = row.type.default_card_enis();
    entry["ipv4PerEni"] = row.type.ipv4_per_eni;
    auto mode = [](const std::optional<MaxPodsResult>& result) {
      return result ? nlohmann::ordered_json{{"maxPods", or_null(result->max_allowed)},
                                             {"recommended", or_null(result->recommended)}}
                    : nlohmann::ordered_json(nullptr);
    };
    entry["secondaryIp"] = mode(row.secondary);
    entry["prefixDelegation"] = mode(row.prefix);
    out["instanceTypes"].push_back(std::move(entry));
  }
  fmt::print(io.out, "{}\n", out.dump(2));
}

ExitStatus run_list(const ListCommand& command, const Io& io) {
  check_format("list", command.format);
  MaxPodsOptions options = to_options(command.flags);
  Catalog catalog = load_catalog(command.flags.instance_data);
  std::vector<Row> rows;
  for (auto& type : catalog.all()) {
    if (!type.name.starts_with(command.family)) {
      continue;
    }
    Row row{type, try_compute(type, options), std::nullopt};
    // Windows and Cilium count secondary IPs only.
    if (options.os == NodeOs::linux && !options.cilium_eni) {
      MaxPodsOptions prefix_options = options;
      prefix_options.prefix_delegation = true;
      row.prefix = try_compute(type, prefix_options);
      if (row.prefix && row.prefix->applied != AddressMode::prefix_delegation) {
        row.prefix.reset();
      }
    }
    rows.push_back(std::move(row));
  }
  // Family by family, smallest first: m5.large before m5.12xlarge, metal last among equals.
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    auto key = [](const Row& row) {
      std::string_view name = row.type.name;
      return std::tuple(name.substr(0, name.find('.')), row.type.vcpus.value_or(INT32_MAX), name);
    };
    return key(a) < key(b);
  });
  if (rows.empty()) {
    throw Error(ErrorKind::unknown_instance_type,
                fmt::format("no instance type starts with '{}'", command.family));
  }
  if (command.format == "csv") {
    print_csv(io, rows);
  } else if (command.format == "json") {
    print_json(io, rows, options);
  } else {
    print_table(io, rows);
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
