#include "output.hpp"

namespace maxpods::cli {

nlohmann::ordered_json to_json(const MaxPodsResult& result) {
  nlohmann::ordered_json out;
  out["instanceType"] = result.instance_type;
  out["cniVersion"] = result.cni_version;
  out["maxPods"] = result.max_pods;
  out["maxAllowed"] = result.max_allowed;
  out["recommended"] = or_null(result.recommended);
  out["cap"] = or_null(result.cap);
  out["showMaxAllowed"] = result.show_max_allowed;
  out["mode"] = {{"requested", to_string(result.requested)},
                 {"applied", to_string(result.applied)}};
  out["enis"] = result.enis;
  out["cardEnis"] = result.card_enis;
  out["podEnis"] = result.pod_enis;
  out["ipv4PerEni"] = result.ipv4_per_eni;
  out["podsPerEni"] = result.pods_per_eni;
  out["hostNetworkPods"] = result.host_network_pods;
  out["vcpus"] = or_null(result.vcpus);
  out["notes"] = result.notes;
  return out;
}

}  // namespace maxpods::cli
