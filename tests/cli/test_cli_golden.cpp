// Every golden row of max-pods-calculator.sh through the command line: in-process, and through the
// binary as a bootstrap script calls it.

#include "../golden_rows.hpp"
#include "run.hpp"

#include <maxpods/instance_data.hpp>

namespace {

using maxpods::test::Run;

// Runs every `parts`-th golden row from `part` on, with `run`; the parts of the walk through the
// binary run as separate tests, in parallel.
void check_golden_rows(std::size_t part, std::size_t parts,
                       Run (*run_maxpods)(const std::vector<std::string>&)) {
  auto rows = maxpods::test::read_golden_rows();
  REQUIRE(rows.size() == 10984);
  std::size_t mismatches = 0;
  for (std::size_t i = part; i < rows.size(); i += parts) {
    const auto& row = rows[i];
    std::vector<std::string> args = {"--instance-type", row.instance_type, "--cni-version",
                                     row.cni_version};
    args.insert(args.end(), row.flags.begin(), row.flags.end());
    auto run = run_maxpods(args);
    if (run.out != row.expected + "\n" || run.status != row.exit_code) {
      ++mismatches;
      UNSCOPED_INFO(row.instance_type << ": expected " << row.expected << ", got '" << run.out
                                      << "' (status " << run.status << ")");
    }
  }
  CHECK(mismatches == 0);
}

Run through_binary(const std::vector<std::string>& args) {
  return maxpods::test::run_maxpods(args);
}

// Parts of the walk through the binary; MAXPODS_TEST_GOLDEN_STRIDE thins it where each run of
// the binary is slow.
void check_golden_part(std::size_t part, std::size_t parts) {
  std::size_t stride = maxpods::test::golden_stride();
  check_golden_rows(part * stride, parts * stride, through_binary);
}

}  // namespace

TEST_CASE("golden rows through the CLI in-process") {
  check_golden_rows(0, 1, maxpods::test::run_in_process);
}

TEST_CASE("golden rows through the CLI, part 1 of 4") {
  check_golden_part(0, 4);
}
TEST_CASE("golden rows through the CLI, part 2 of 4") {
  check_golden_part(1, 4);
}
TEST_CASE("golden rows through the CLI, part 3 of 4") {
  check_golden_part(2, 4);
}
TEST_CASE("golden rows through the CLI, part 4 of 4") {
  check_golden_part(3, 4);
}

TEST_CASE("the table regenerates byte for byte from the dumps kept under tests/") {
  std::string table_path = std::string(MAXPODS_SOURCE_DIR) + "/data/eni-limits.json";
  std::string committed = maxpods::test::slurp(table_path);
  auto header = maxpods::parse_instance_data(committed, table_path).info;
  std::vector<std::string> args = {
      "table",
      "generate",
      std::string(MAXPODS_TEST_DATA_DIR) + "/data/describe-instance-types.json",
      std::string(MAXPODS_TEST_DATA_DIR) + "/data/legacy-instance-types.json",
      "--generated",
      header.generated,
      "--source",
      header.source};
  auto first = maxpods::test::run_maxpods(args);
  auto second = maxpods::test::run_maxpods(args);
  CHECK(first.status == 0);
  CHECK(first.err.empty());
  CHECK(first.out == committed);
  CHECK(second.out == first.out);
}
