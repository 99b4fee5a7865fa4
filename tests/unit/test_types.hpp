#pragma once

// Instance types made up for tests: the numbers are chosen to tell the rules apart.

#include <maxpods/instance.hpp>

#include <optional>
#include <string>

namespace maxpods::test {

/// By default E = 3 ENIs, A = 10 IPv4 per ENI (S = 9) and 2 vCPUs on Nitro: an m5.large.
inline InstanceType make_type(int enis = 3, int ipv4_per_eni = 10, std::optional<int> vcpus = 2,
                              std::string hypervisor = "nitro", bool bare_metal = false) {
  InstanceType type;
  type.name = "test.large";
  type.vcpus = vcpus;
  type.hypervisor = std::move(hypervisor);
  type.bare_metal = bare_metal;
  type.network_cards = {{0, enis}};
  type.ipv4_per_eni = ipv4_per_eni;
  type.prefix_delegation = type.is_nitro() || bare_metal;
  return type;
}

}  // namespace maxpods::test
