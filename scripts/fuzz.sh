#!/usr/bin/env bash
# Fuzzes one harness with libFuzzer for a while.
#
#   scripts/fuzz.sh TARGET [SECONDS]     TARGET: cli, cni_version, cidr or instance_data
#
# Builds the `fuzz` preset (clang with libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer;
# needs Debian's clang and libclang-rt-14-dev), then runs the harness from the repository root
# on a scratch corpus in build/fuzz/corpus/TARGET, seeded from tests/fuzz/corpus/TARGET. New
# inputs stay in the scratch corpus. A failing input is written to build/fuzz/artifacts/: fix
# the bug, then keep the input as tests/fuzz/corpus/TARGET/regression-WHAT so that every build
# replays it.
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(cli cni_version cidr instance_data)
if [ $# -lt 1 ] || [ $# -gt 2 ] || [[ ! " ${targets[*]} " == *" $1 "* ]]; then
  echo "usage: scripts/fuzz.sh TARGET [SECONDS]   (TARGET: ${targets[*]})" >&2
  exit 2
fi
target=$1
seconds=${2:-60}
if ! [[ $seconds =~ ^[0-9]+$ ]] || [ "$seconds" -eq 0 ]; then
  echo "scripts/fuzz.sh: SECONDS must be a positive whole number, not '$seconds'" >&2
  exit 2
fi
if ! command -v clang++ >/dev/null; then
  echo "scripts/fuzz.sh: needs clang++ and libFuzzer: sudo apt-get install clang libclang-rt-14-dev" >&2
  exit 2
fi

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target "maxpods_fuzz_$target"

corpus=build/fuzz/corpus/$target
mkdir -p "$corpus" build/fuzz/artifacts
options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
         -artifact_prefix="build/fuzz/artifacts/$target-")
if [ -f "tests/fuzz/$target.dict" ]; then
  options+=(-dict="tests/fuzz/$target.dict")
fi
# -max_len: room for an argument vector or a small instance-data file, whatever the seeds.
case $target in
  instance_data) options+=(-max_len=32768) ;;
  *) options+=(-max_len=1024) ;;
esac
exec "build/fuzz/tests/fuzz/maxpods_fuzz_$target" "${options[@]}" "$corpus" "tests/fuzz/corpus/$target"
