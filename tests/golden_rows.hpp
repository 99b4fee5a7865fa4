#pragma once

// Reads the reference outputs of max-pods-calculator.sh kept in tests/golden/.

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace maxpods::test {

/// One run of the reference script: its arguments and what it printed.
struct GoldenRow {
  std::string instance_type;
  std::string cni_version;
  std::vector<std::string> flags;  ///< the script's own flag names
  std::string expected;            ///< its stdout, without the newline
  int exit_code = 0;
};

inline std::vector<GoldenRow> read_golden_rows() {
  std::ifstream in(std::string(MAXPODS_TEST_DATA_DIR) + "/golden/max-pods-calculator.tsv");
  REQUIRE(in);
  std::vector<GoldenRow> rows;
  std::string line;
  std::getline(in, line);
  REQUIRE(line == "instance_type\tcni_version\tflags\texpected\texit_code");
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::stringstream stream(line);
    std::string field;
    while (std::getline(stream, field, '\t')) {
      fields.push_back(field);
    }
    REQUIRE(fields.size() == 5);
    GoldenRow row{fields[0], fields[1], {}, fields[3], std::stoi(fields[4])};
    std::stringstream flags(fields[2]);
    for (std::string flag; flags >> flag;) {
      row.flags.push_back(flag);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace maxpods::test
