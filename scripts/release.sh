#!/usr/bin/env bash
# Builds the release artifacts into dist/ and proves them:
#
#   maxpods-VERSION-linux-x86_64       static binaries: they run on any Linux of that
#   maxpods-VERSION-linux-aarch64      architecture (Amazon Linux, Bottlerocket, any CI image)
#   maxpods_VERSION_amd64.deb, maxpods_VERSION_arm64.deb
#   maxpods-VERSION-1.x86_64.rpm, maxpods-VERSION-1.aarch64.rpm
#   RELEASE                            version, table date and source, commit
#   SHA256SUMS                         checksums of all of the above
#
# Each binary must pass scripts/check-deps (no shared library) and the whole command-line test
# suite (bad input, every mode, the README's examples, and a sample of the golden rows: every
# 8th natively, every 32nd under emulation; the ci preset's tests walk every row through the
# same x86_64 binary): the x86_64 one natively, the aarch64 one under qemu-aarch64. Each .deb
# is unpacked into a scratch root and run from there.
#
#   scripts/release.sh
#
# Needs what `scripts/install-deps --release` installs: the aarch64 cross compiler, qemu-user,
# rpm, and Debian's arm64 yaml-cpp archive (fetched into build/deps-arm64, not installed).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

for tool in aarch64-linux-gnu-g++ qemu-aarch64 rpmbuild dpkg-deb; do
  if ! command -v "$tool" >/dev/null; then
    echo "scripts/release.sh: needs $tool: run scripts/install-deps --release" >&2
    exit 2
  fi
done

# yaml-cpp's static library for arm64, unpacked from Debian's package without installing it
# (the arm64 and amd64 -dev packages cannot be installed side by side).
yaml_arm64=build/deps-arm64/usr/lib/aarch64-linux-gnu/libyaml-cpp.a
if [ ! -f "$yaml_arm64" ]; then
  mkdir -p build/deps-arm64
  (cd build/deps-arm64 && apt-get download libyaml-cpp-dev:arm64 2>/dev/null) || {
    echo "scripts/release.sh: cannot fetch libyaml-cpp-dev:arm64; run scripts/install-deps --release" >&2
    exit 2
  }
  dpkg-deb -x build/deps-arm64/libyaml-cpp-dev_*_arm64.deb build/deps-arm64
fi

echo "== building x86_64 (preset ci) and aarch64 (preset aarch64)"
cmake --preset ci >/dev/null
cmake --build --preset ci
cmake --preset aarch64 -DMAXPODS_YAML_CPP_ARCHIVE="$root/$yaml_arm64" >/dev/null
cmake --build --preset aarch64

version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' build/ci/CMakeCache.txt)
rm -rf dist
mkdir -p dist
# Stripped: a node downloads them, and a backtrace needs the build tree anyway.
strip -o "dist/maxpods-$version-linux-x86_64" build/ci/maxpods
aarch64-linux-gnu-strip -o "dist/maxpods-$version-linux-aarch64" build/aarch64/maxpods

echo "== shared-library check"
scripts/check-deps dist/maxpods-"$version"-linux-*

echo "== command-line tests of each binary"
# The in-process walk tests the library of the build, not the binary; it runs with the suite.
test_binary() {
  local binary=$1 emulator=$2 stride=$3
  echo "-- $binary${emulator:+ under $emulator}"
  MAXPODS_TEST_BINARY=$root/$binary MAXPODS_TEST_EMULATOR=$emulator \
    MAXPODS_TEST_GOLDEN_STRIDE=$stride \
    ctest --test-dir build/ci -R '^cli:' -E 'in-process' -j "$(nproc)" --output-on-failure |
    tail -n 3
}
test_binary "dist/maxpods-$version-linux-x86_64" "" 8
test_binary "dist/maxpods-$version-linux-aarch64" "$(command -v qemu-aarch64)" 32

echo "== packages"
for build in ci aarch64; do
  (cd "build/$build" && cpack -G "DEB;RPM" -B "$root/build/$build/packages" >/dev/null)
  cp "build/$build"/packages/*.deb "build/$build"/packages/*.rpm dist/
done
for deb in dist/*.deb; do
  scratch=$(mktemp -d)
  dpkg-deb -x "$deb" "$scratch"
  arch=$(dpkg-deb -f "$deb" Architecture)
  emulator=()
  [ "$arch" = arm64 ] && emulator=(qemu-aarch64)
  answer=$("${emulator[@]}" "$scratch/usr/bin/maxpods" --instance-type m5.large --cni-version 1.12.6)
  for file in usr/share/man/man1/maxpods.1 usr/share/bash-completion/completions/maxpods \
    usr/share/zsh/site-functions/_maxpods; do
    [ -f "$scratch/$file" ] || { echo "$deb: no $file" >&2; exit 1; }
  done
  rm -rf "$scratch"
  [ "$answer" = 29 ] || { echo "$deb: maxpods from the package printed '$answer', not 29" >&2; exit 1; }
  echo "$deb: unpacks and runs (m5.large: $answer), with man page and completions"
done
for rpm_file in dist/*.rpm; do
  # The whole list first: with pipefail, grep -q leaving early could fail rpm with SIGPIPE.
  files=$(rpm -qlp "$rpm_file" 2>/dev/null)
  grep -qx /usr/bin/maxpods <<<"$files" || { echo "$rpm_file: no /usr/bin/maxpods" >&2; exit 1; }
  echo "$rpm_file: holds /usr/bin/maxpods ($(rpm -qp --qf '%{ARCH}' "$rpm_file" 2>/dev/null))"
done

{
  echo "maxpods $version"
  "dist/maxpods-$version-linux-x86_64" --version |
    sed -n -e 's/ ([0-9]* days\{0,1\} ago)//' -e 's/^instance table: /table: /p' -e 's/^source: /table source: /p'
  echo "commit: $(git rev-parse HEAD 2>/dev/null || echo unknown)"
} > dist/RELEASE
(cd dist && sha256sum -- * > SHA256SUMS.tmp && mv SHA256SUMS.tmp SHA256SUMS)
echo "== dist/"
cat dist/RELEASE
cat dist/SHA256SUMS
