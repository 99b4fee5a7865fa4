// `maxpods table generate`: turns describe-instance-types dumps into data/eni-limits.json.

#include "common.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

namespace maxpods::cli {
namespace {

struct TableCommand {
  std::vector<std::string> inputs;
  std::string generated;
  std::string source;
  std::string out;
};

bool is_date(const std::string& text) {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  char extra = 0;
  if (text.size() != 10 ||
      std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &year, &month, &day, &extra) != 3) {
    return false;
  }
  return std::chrono::year_month_day(std::chrono::year(year), std::chrono::month(month),
                                     std::chrono::day(day))
      .ok();
}

std::string today() {
  return fmt::format("{:%Y-%m-%d}",
                     std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
}

// Writes next to the target and renames, so a failure never leaves half a table behind.
void write_atomically(const std::string& path, const std::string& text) {
  std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) {
      std::filesystem::remove(temporary);
      throw Error(ErrorKind::data, fmt::format("{}: cannot write the file", temporary));
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::filesystem::remove(temporary);
    throw Error(ErrorKind::data,
                fmt::format("{}: cannot write the file: {}", path, error.message()));
  }
}

ExitStatus run_table(const TableCommand& command, const Io& io) {
  std::string generated = command.generated.empty() ? today() : command.generated;
  if (!is_date(generated)) {
    throw Error(ErrorKind::usage,
                fmt::format("invalid --generated '{}': expected a date as YYYY-MM-DD", generated));
  }
  std::vector<InstanceData> sets;
  std::vector<std::string> names;
  for (const auto& path : command.inputs) {
    sets.push_back(parse_instance_data(read_file(path), path));
    names.push_back(std::filesystem::path(path).filename().string());
  }
  TableInfo info;
  info.generated = generated;
  info.source = command.source.empty()
                    ? fmt::format("aws ec2 describe-instance-types ({})", fmt::join(names, ", "))
                    : command.source;
  std::string text = to_eni_limits_json(info, merge_instance_types(sets));
  if (command.out.empty() || command.out == "-") {
    fmt::print(io.out, "{}", text);
  } else {
    write_atomically(command.out, text);
  }
  return ExitStatus::ok;
}

}  // namespace

Command setup_table(CLI::App& table_app) {
  auto command = std::make_shared<TableCommand>();
  CLI::App* table = &table_app;
  table->require_subcommand(1);
  CLI::App* sub = table->add_subcommand(
      "generate",
      "Write an eni-limits.json table from `aws ec2 describe-instance-types --output json` dumps "
      "(later files override earlier ones)");
  sub->add_option("files", command->inputs, "describe-instance-types dumps or eni-limits tables")
      ->type_name("FILE")
      ->required();
  sub->add_option("--generated", command->generated, "Generation date to record")
      ->type_name("YYYY-MM-DD")
      ->default_str("today (UTC)");
  sub->add_option("--source", command->source, "Source description to record")
      ->type_name("TEXT")
      ->default_str("the dump file names");
  sub->add_option("--out", command->out, "Write the table to FILE instead of stdout")
      ->type_name("FILE");
  return {sub, [command](const Io& io) { return run_table(*command, io); }};
}

}  // namespace maxpods::cli
