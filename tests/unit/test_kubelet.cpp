#include <maxpods/catalog.hpp>
#include <maxpods/kubelet.hpp>

#include <catch2/catch.hpp>

using namespace maxpods;

TEST_CASE("kube-reserved memory is 11 MiB per pod plus 255 MiB") {
  CHECK(kube_reserved_memory_mib(0) == 255);
  CHECK(kube_reserved_memory_mib(29) == 574);
  CHECK(kube_reserved_memory_mib(234) == 2829);
  CHECK(kube_reserved_memory_mib(110) == 1465);
}

TEST_CASE("kube-reserved CPU follows nodeadm's bands in whole millicores") {
  CHECK(kube_reserved_cpu_millicores(1) == 60);
  CHECK(kube_reserved_cpu_millicores(2) == 70);
  CHECK(kube_reserved_cpu_millicores(3) == 75);
  CHECK(kube_reserved_cpu_millicores(4) == 80);
  CHECK(kube_reserved_cpu_millicores(16) == 110);
  CHECK(kube_reserved_cpu_millicores(96) == 310);
}

TEST_CASE("allocatable subtracts kube-reserved and the eviction threshold") {
  auto type = Catalog().get("m5.large");
  auto r = compute_kubelet_reservation(type, 29);
  CHECK(r.cpu_millicores == 70);
  CHECK(r.memory_mib == 574);
  CHECK(r.allocatable_cpu_millicores == 1930);
  CHECK(r.allocatable_memory_mib == 8192 - 574 - 100);
  auto large = compute_kubelet_reservation(Catalog().get("m5.4xlarge"), 234);
  CHECK(large.cpu_millicores == 110);
  CHECK(large.memory_mib == 2829);
}

TEST_CASE("reservations without a vCPU count or memory leave those unknown") {
  auto r = compute_kubelet_reservation(Catalog().get("cr1.8xlarge"), 234);
  CHECK(r.memory_mib == 2829);
  CHECK_FALSE(r.cpu_millicores);
  CHECK_FALSE(r.allocatable_memory_mib);
}
