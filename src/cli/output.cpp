#include "output.hpp"

namespace maxpods::cli {

nlohmann::ordered_json to_json(const MaxPodsResult& result) {
  nlohmann::ordered_json out;
  out["instanceType"] = result.instance_type;
  out["cniVersion"] = result.cni_version;
  out["maxPods"] = result.answer();
  out["maxAllowed"] = or_null(result.max_allowed);
  out["recommended"] = or_null(result.recommended);
  out["cap"] = or_null(result.cap);
  out["showMaxAllowed"] = result.show_max_allowed;
  out["mode"] = {{"requested", to_string(result.requested)},
                 {"applied", to_string(result.applied)}};
  out["ipFamily"] = to_string(result.ip_family);
  out["os"] = to_string(result.os);
  out["ciliumEni"] = result.cilium_eni;
  out["enis"] = result.enis;
  out["cardEnis"] = result.card_enis;
  out["primaryEnis"] = result.primary_enis;
  out["trunkEnis"] = result.trunk_enis;
  out["efaOnlyEnis"] = result.efa_only_enis;
  out["reservedEnis"] = result.reserved_enis;
  out["podEnis"] = result.pod_enis;
  out["ipv4PerEni"] = result.ipv4_per_eni;
  out["podsPerEni"] = result.pods_per_eni;
  out["hostNetworkPods"] = result.host_network_pods;
  out["vcpus"] = or_null(result.vcpus);
  out["customCap"] = result.custom_cap;
  out["podsPerCoreLimit"] = or_null(result.pods_per_core_limit);
  out["branchEnis"] = or_null(result.branch_enis);
  out["notes"] = result.notes;
  return out;
}

}  // namespace maxpods::cli
