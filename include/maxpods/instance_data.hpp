#pragma once

#include <maxpods/instance.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace maxpods {

/// Where an instance table came from, as its header records it.
struct TableInfo {
  std::string source;     ///< what the table was generated from
  std::string generated;  ///< generation date, YYYY-MM-DD
  std::size_t count = 0;  ///< number of instance types
};

/// The two file formats maxpods reads.
enum class DataFormat {
  eni_limits,               ///< maxpods' own data/eni-limits.json
  describe_instance_types,  ///< raw `aws ec2 describe-instance-types --output json`
};

/// A set of instance types and where they came from.
struct InstanceData {
  TableInfo info;
  DataFormat format = DataFormat::eni_limits;
  std::vector<InstanceType> types;  ///< sorted by name, names unique
};

/// Parses an instance data file of either format; `origin` names the file in error messages.
/// Throws Error(data) naming the field at fault.
InstanceData parse_instance_data(std::string_view text, std::string_view origin);

/// Merges data sets; a type in a later set replaces the same type in an earlier one.
std::vector<InstanceType> merge_instance_types(const std::vector<InstanceData>& sets);

/// Serialises to the eni-limits.json format: header, then one sorted type per line.
/// The same input always gives the same bytes.
std::string to_eni_limits_json(const TableInfo& info, const std::vector<InstanceType>& types);

}  // namespace maxpods
