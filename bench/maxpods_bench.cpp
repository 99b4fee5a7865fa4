// Measures, on this machine and in one run, what maxpods costs next to a baseline, and checks
// the figures against the targets the README states. Run through scripts/bench.sh.
//
//   maxpods_bench --maxpods BINARY --eni-max-pods FILE [--runs N]

#include <app.hpp>
#include <maxpods/catalog.hpp>
#include <maxpods/max_pods.hpp>

#include <fmt/format.h>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;

struct Sample {
  double median_ms = 0;
  double min_ms = 0;
  long max_rss_kib = 0;
};

// Runs `argv` `runs` times with stdout and stderr to /dev/null; wall time per run and the
// largest peak resident set of the children.
Sample time_process(const std::vector<std::string>& args, int runs) {
  std::vector<char*> argv;
  std::vector<std::string> copy = args;
  for (auto& arg : copy) {
    argv.push_back(arg.data());
  }
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  std::vector<double> times;
  Sample sample;
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    pid_t pid = 0;
    if (posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) {
      fmt::print(stderr, "cannot run {}\n", args[0]);
      std::exit(2);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      fmt::print(stderr, "{} failed\n", fmt::join(args, " "));
      std::exit(2);
    }
    sample.max_rss_kib = std::max(sample.max_rss_kib, usage.ru_maxrss);
  }
  posix_spawn_file_actions_destroy(&actions);
  std::sort(times.begin(), times.end());
  sample.median_ms = times[times.size() / 2];
  sample.min_ms = times.front();
  return sample;
}

// Runs `body` until it has taken a quarter of a second; nanoseconds per call of the body.
template <typename Body>
double time_in_process(long calls_per_body, Body body) {
  long bodies = 0;
  auto start = Clock::now();
  while (Clock::now() - start < std::chrono::milliseconds(250)) {
    body();
    ++bodies;
  }
  auto elapsed = std::chrono::duration<double, std::nano>(Clock::now() - start).count();
  return elapsed / static_cast<double>(bodies * calls_per_body);
}

struct Target {
  std::string what;
  bool met;
};

std::string arg_after(int argc, char** argv, std::string_view name, std::string fallback) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (name == argv[i]) {
      return argv[i + 1];
    }
  }
  return fallback;
}

}  // namespace

int main(int argc, char** argv) {
  std::string maxpods = arg_after(argc, argv, "--maxpods", "");
  std::string eni_max_pods = arg_after(argc, argv, "--eni-max-pods", "");
  int runs = std::stoi(arg_after(argc, argv, "--runs", "300"));
  if (maxpods.empty() || eni_max_pods.empty() || runs < 1) {
    fmt::print(stderr, "usage: maxpods_bench --maxpods BINARY --eni-max-pods FILE [--runs N]\n");
    return 2;
  }
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  std::vector<Target> targets;

  // 1. One lookup as a whole process, against grep finding the line in the CNI's own table.
  fmt::print("single lookup, {} runs each (median, fastest):\n", runs);
  Sample baseline = time_process({"grep", "-m1", "^m5.large ", eni_max_pods}, runs);
  Sample lookup = time_process(
      {maxpods, "--instance-type", "m5.large", "--cni-version", "1.12.6", "--prefix-delegation"},
      runs);
  double ratio = lookup.median_ms / baseline.median_ms;
  fmt::print("  grep -m1 '^m5.large ' eni-max-pods.txt   {:6.2f} ms  {:6.2f} ms\n",
             baseline.median_ms, baseline.min_ms);
  fmt::print("  maxpods --instance-type m5.large ...     {:6.2f} ms  {:6.2f} ms  ({:.2f}x grep)\n",
             lookup.median_ms, lookup.min_ms, ratio);
  targets.push_back({fmt::format("a lookup within 1.5x of grep: {:.2f}x", ratio), ratio <= 1.5});

  // 2. Every type side by side, in every output format and mode.
  const std::vector<std::vector<std::string>> listings = {
      {"list", "-o", "csv"},
      {"list", "-o", "json"},
      {"list"},
      {"list", "-o", "csv", "--custom-networking"},
      {"list", "-o", "csv", "--cni-version", "1.8.0"},
      {"list", "-o", "csv", "--max-eni", "2"},
      {"list", "-o", "csv", "--security-groups-for-pods"},
      {"list", "-o", "csv", "--ip-family", "ipv6"},
      {"list", "-o", "csv", "--os", "windows"},
  };
  fmt::print("\nlist of every type, {} runs each (median, fastest, peak memory):\n", runs / 3 + 1);
  double slowest_list = 0;
  long max_rss = lookup.max_rss_kib;
  for (const auto& listing : listings) {
    std::vector<std::string> args{maxpods};
    args.insert(args.end(), listing.begin(), listing.end());
    Sample list = time_process(args, runs / 3 + 1);
    fmt::print("  maxpods {:<42} {:6.2f} ms  {:6.2f} ms  {:5.1f} MiB\n",
               fmt::format("{}", fmt::join(listing, " ")), list.median_ms, list.min_ms,
               static_cast<double>(list.max_rss_kib) / 1024);
    slowest_list = std::max(slowest_list, list.median_ms);
    max_rss = std::max(max_rss, list.max_rss_kib);
  }
  targets.push_back({fmt::format("every listing under 20 ms: slowest {:.2f} ms", slowest_list),
                     slowest_list < 20});

  // 3. In-process cost: the library's answer for one type, and a whole command-line run.
  maxpods::Catalog catalog;
  // Every type with a capped answer (a few legacy types have no vCPU count, so no cap).
  std::vector<std::string> names;
  for (const auto& type : catalog.all()) {
    if (type.vcpus) {
      names.push_back(type.name);
    }
  }
  maxpods::MaxPodsOptions secondary;
  maxpods::MaxPodsOptions prefix;
  prefix.prefix_delegation = true;
  long answers = 0;
  double library_ns = time_in_process(static_cast<long>(names.size()) * 2, [&] {
    for (const auto& name : names) {
      auto type = catalog.get(name);
      answers += maxpods::compute_max_pods(type, secondary).answer();
      answers += maxpods::compute_max_pods(type, prefix).answer();
    }
  });
  std::FILE* null = std::fopen("/dev/null", "w");
  std::vector<const char*> cli_args = {"maxpods",       "--instance-type", "m5.large",
                                       "--cni-version", "1.12.6",          "--prefix-delegation"};
  double cli_ns = time_in_process(1, [&] { maxpods::cli::run(cli_args, null, null); });
  std::fclose(null);
  fmt::print("\nin-process, per call:\n");
  fmt::print("  lookup and max pods of one type (library)  {:8.2f} us\n", library_ns / 1000);
  fmt::print("  maxpods::cli::run of one lookup            {:8.2f} us\n", cli_ns / 1000);
  fmt::print("  so start-up is {:.0f}% of a lookup run as a process\n",
             100 * (1 - cli_ns / 1e6 / lookup.median_ms));

  // 4. Peak memory of any run above.
  double max_rss_mib = static_cast<double>(max_rss) / 1024;
  fmt::print("\npeak resident memory of any run: {:.1f} MiB\n", max_rss_mib);
  targets.push_back(
      {fmt::format("peak memory under 8 MiB: {:.1f} MiB", max_rss_mib), max_rss_mib < 8});

  fmt::print("\ntargets:\n");
  bool all = true;
  for (const auto& target : targets) {
    fmt::print("  {}  {}\n", target.met ? "met   " : "MISSED", target.what);
    all = all && target.met;
  }
  return answers > 0 && all ? 0 : 1;
}
