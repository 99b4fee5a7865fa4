#!/usr/bin/env bash
# Measures maxpods on this machine, in one run, against the targets the README states:
#   - a single lookup, as a whole process, within 1.5x of `grep -m1 '^TYPE ' eni-max-pods.txt`;
#   - `maxpods list` of every type, in every output format and mode, under 20 ms;
#   - the library's cost per call in-process, and a whole command-line run in-process;
#   - peak resident memory under 8 MiB;
#   - start-up reads no file (the table is compiled in; no JSON is parsed), checked with strace
#     when it is installed.
# Prints times and ratios; exits 1 when a target is missed.
#
#   scripts/bench.sh [RUNS]        (default 300 runs per measurement)
#
# Builds the release preset first. Figures vary with the machine and its load; the ratios less.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-300}

cmake --preset default >/dev/null
cmake --build --preset default --target maxpods maxpods_bench >/dev/null
maxpods=build/default/maxpods

echo "machine: $(nproc) cores, $(uname -m), $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
echo "binary: $($maxpods --version | head -1), $(du -k "$maxpods" | cut -f1) KiB"
echo

status=0
build/default/bench/maxpods_bench --maxpods "$maxpods" --eni-max-pods tests/data/eni-max-pods.txt \
  --runs "$runs" || status=$?

echo
if command -v strace >/dev/null; then
  opened=$(strace -f -e trace=open,openat -qq "$maxpods" --instance-type m5.large 2>&1 >/dev/null |
    grep -c 'open' || true)
  if [ "$opened" -eq 0 ]; then
    echo "start-up: a lookup opens no file (no table to read, no JSON to parse)"
  else
    echo "start-up: a lookup opened $opened files:"
    strace -f -e trace=open,openat -qq "$maxpods" --instance-type m5.large 2>&1 >/dev/null | grep open
    status=1
  fi
else
  echo "start-up: not checked (install strace to see which files a lookup opens)"
fi
exit "$status"
