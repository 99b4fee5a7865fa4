// The main command: `maxpods --instance-type TYPE ...` prints max pods, as max-pods-calculator.sh.

#include "common.hpp"
#include "output.hpp"

#include <maxpods/kubelet.hpp>

#include <fmt/format.h>

#include <memory>

namespace maxpods::cli {
namespace {

struct MaxPodsCommand {
  MaxPodsFlags flags;
  std::string format = "number";
  bool quiet = false;
};

// A KubeletConfiguration fragment as nodeadm writes it: nodeadm gives kubelet the address
// limit (no 110 / 250 cap) and reserves memory for that many pods.
nlohmann::ordered_json kubelet_config(const InstanceType& type, const MaxPodsResult& result,
                                      std::vector<std::string>& notes) {
  auto max_pods = result.nodeadm_max_pods();
  if (!max_pods || !type.vcpus) {
    throw Error(ErrorKind::unsupported,
                fmt::format("cannot write a kubelet configuration for {}: its vCPU count is "
                            "unknown{}",
                            type.name, max_pods ? "" : ", and so is its cap"));
  }
  if (result.recommended && *result.recommended < *max_pods) {
    notes.push_back(
        fmt::format("maxPods is the address limit, {}, as nodeadm sets it; max-pods-calculator.sh "
                    "recommends {}: add --max-pods-cap {} for that",
                    *max_pods, *result.recommended, *result.recommended));
  }
  KubeletReservation reservation = compute_kubelet_reservation(type, *max_pods);
  nlohmann::ordered_json out;
  out["apiVersion"] = "kubelet.config.k8s.io/v1beta1";
  out["kind"] = "KubeletConfiguration";
  out["maxPods"] = reservation.max_pods;
  out["kubeReserved"] = {{"cpu", fmt::format("{}m", *reservation.cpu_millicores)},
                         {"ephemeral-storage", "1Gi"},
                         {"memory", fmt::format("{}Mi", reservation.memory_mib)}};
  return out;
}

ExitStatus run_max_pods(const MaxPodsCommand& command, const Io& io) {
  check_format("", command.format);
  MaxPodsOptions options = to_options(command.flags);
  Catalog catalog = load_catalog(command.flags.instance_data);
  InstanceType type = catalog.get(resolve_instance_type(command.flags));
  MaxPodsResult result = compute_max_pods(type, options);
  std::vector<std::string> notes = result.notes;
  std::string out;
  if (command.format == "json") {
    out = to_json(result).dump(2);
  } else if (command.format == "kubelet-config") {
    out = kubelet_config(type, result, notes).dump(2);
  } else {
    out = fmt::format("{}", result.answer());
  }
  fmt::print(io.out, "{}\n", out);
  print_notes(io, notes, command.quiet);
  return ExitStatus::ok;
}

}  // namespace

Command setup_max_pods(CLI::App& app) {
  auto command = std::make_shared<MaxPodsCommand>();
  add_max_pods_flags(app, command->flags);
  app.add_option("-o,--output", command->format,
                 "Output format: number, json, or kubelet-config (a KubeletConfiguration "
                 "fragment with maxPods and kubeReserved, as nodeadm computes them)")
      ->type_name("FORMAT")
      ->capture_default_str()
      ->group("Output");
  app.add_flag("-q,--quiet", command->quiet, "Do not print notes on stderr")->group("Output");
  return {&app, [command](const Io& io) { return run_max_pods(*command, io); }};
}

}  // namespace maxpods::cli
