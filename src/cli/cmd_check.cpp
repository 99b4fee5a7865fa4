// `maxpods check FILE...`: node-group sizing checks for CI, from eksctl ClusterConfig files or
// maxpods specs.

#include "common.hpp"
#include "output.hpp"

#include <maxpods/check.hpp>

#include <fmt/format.h>

#include <memory>

namespace maxpods::cli {
namespace {

struct CheckCommand {
  std::vector<std::string> files;
  std::string format = "text";
  std::vector<std::string> instance_data;
};

std::string heading(const NodeGroupCheck& c) {
  return fmt::format("{}:{}: {} {} ({})", c.file, c.line, c.section, c.group, c.instance_type);
}

std::string summary(const std::vector<NodeGroupCheck>& checks) {
  std::size_t failed = 0;
  std::size_t warned = 0;
  for (const auto& c : checks) {
    for (const auto& finding : c.findings) {
      failed += finding.status == CheckStatus::fail ? 1 : 0;
      warned += finding.status == CheckStatus::warn ? 1 : 0;
    }
  }
  return fmt::format("{} node group{} checked: {} error{}, {} warning{}", checks.size(),
                     checks.size() == 1 ? "" : "s", failed, failed == 1 ? "" : "s", warned,
                     warned == 1 ? "" : "s");
}

void print_text(const Io& io, const std::vector<NodeGroupCheck>& checks) {
  std::string out;
  for (const auto& c : checks) {
    const MaxPodsResult& m = c.max_pods;
    out += fmt::format("{}: max pods {}{}\n", heading(c), m.answer(),
                       m.max_allowed && *m.max_allowed != m.answer()
                           ? fmt::format(" (addresses for {})", *m.max_allowed)
                           : "");
    for (const auto& finding : c.findings) {
      out += fmt::format("  {:<8} {}\n", to_string(finding.status), finding.message);
    }
  }
  out += summary(checks) + "\n";
  fmt::print(io.out, "{}", out);
}

// GitHub workflow commands: escape what would end the value or a property.
std::string escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

void print_github(const Io& io, const std::vector<NodeGroupCheck>& checks) {
  std::string out;
  for (const auto& c : checks) {
    for (const auto& finding : c.findings) {
      if (finding.status == CheckStatus::pass) {
        continue;
      }
      out += fmt::format(
          "::{} file={},line={},title={}::{}\n", to_string(finding.status), escape(c.file, true),
          finding.line,
          escape(fmt::format("maxpods {} {} ({})", finding.check, c.group, c.instance_type), true),
          escape(finding.message, false));
    }
  }
  out += summary(checks) + "\n";
  fmt::print(io.out, "{}", out);
}

void print_json(const Io& io, const std::vector<NodeGroupCheck>& checks) {
  nlohmann::ordered_json out;
  bool passed = true;
  out["checks"] = nlohmann::ordered_json::array();
  for (const auto& c : checks) {
    nlohmann::ordered_json entry;
    entry["file"] = c.file;
    entry["line"] = c.line;
    entry["section"] = c.section;
    entry["nodeGroup"] = c.group;
    entry["instanceType"] = c.instance_type;
    entry["status"] = to_string(c.status());
    entry["maxPods"] = c.max_pods.answer();
    entry["maxAllowed"] = or_null(c.max_pods.max_allowed);
    entry["maxPodsPerNode"] = or_null(c.max_pods_per_node);
    if (c.capacity) {
      entry["nodes"] = c.capacity->nodes;
      entry["maxNodes"] = or_null(c.capacity->max_nodes);
    }
    entry["findings"] = nlohmann::ordered_json::array();
    for (const auto& finding : c.findings) {
      entry["findings"].push_back({{"status", to_string(finding.status)},
                                   {"check", finding.check},
                                   {"line", finding.line},
                                   {"message", finding.message}});
    }
    passed = passed && c.status() != CheckStatus::fail;
    out["checks"].push_back(std::move(entry));
  }
  out["passed"] = passed;
  fmt::print(io.out, "{}\n", out.dump(2));
}

ExitStatus run_check(const CheckCommand& command, const Io& io) {
  check_format("check", command.format);
  Catalog catalog = load_catalog(command.instance_data);
  std::vector<NodeGroupCheck> checks;
  for (const auto& file : command.files) {
    ClusterSpec spec = parse_cluster_spec(read_file(file, ErrorKind::usage), file);
    auto found = check_cluster(spec, catalog);
    checks.insert(checks.end(), found.begin(), found.end());
  }
  if (command.format == "json") {
    print_json(io, checks);
  } else if (command.format == "github") {
    print_github(io, checks);
  } else {
    print_text(io, checks);
  }
  const bool failed = std::any_of(checks.begin(), checks.end(),
                                  [](const auto& c) { return c.status() == CheckStatus::fail; });
  return failed ? ExitStatus::check_failed : ExitStatus::ok;
}

}  // namespace

Command setup_check(CLI::App& sub_app) {
  auto command = std::make_shared<CheckCommand>();
  CLI::App* sub = &sub_app;
  sub->add_option("files", command->files, "eksctl ClusterConfig or maxpods spec, YAML or JSON")
      ->type_name("FILE")
      ->required();
  sub->add_option("-o,--output,--format", command->format,
                  "Output format: text, json, or github (workflow ::error annotations)")
      ->type_name("FORMAT")
      ->capture_default_str()
      ->group("Output");
  add_instance_data_flag(*sub, command->instance_data);
  return {sub, [command](const Io& io) { return run_check(*command, io); }};
}

}  // namespace maxpods::cli
