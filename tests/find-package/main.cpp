// Max pods of m5.large from the installed library, with and without prefix delegation.
#include <maxpods/catalog.hpp>
#include <maxpods/max_pods.hpp>
#include <maxpods/version.hpp>

#include <iostream>

int main() {
  maxpods::Catalog catalog;
  maxpods::InstanceType type = catalog.get("m5.large");
  maxpods::MaxPodsOptions options;
  std::cout << "maxpods " << maxpods::k_version << ": " << type.name << " "
            << maxpods::compute_max_pods(type, options).answer();
  options.prefix_delegation = true;
  std::cout << ", " << maxpods::compute_max_pods(type, options).answer()
            << " with prefix delegation\n";
}
