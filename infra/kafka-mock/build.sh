#!/usr/bin/env bash
# Builds the tests' Kafka broker (mock-broker.c on librdkafka's mock cluster) and prints its path.
#
# librdkafka comes from the source that node-rdkafka bundles (an npm devDependency of this folder,
# pinned by the lockfile; its own install script is denied in the root package.json), so a machine
# needs only what `npm install` brings plus a C compiler and make: no librdkafka-dev, no g++.
# The system's librdkafka, if any, is never used: every machine runs the same mock broker.
#
# librdkafka is compiled once (about 2.5 minutes of CPU on this kind of machine) into a cache shared by every clone on
# the machine, keyed by its version, the configure flags and the compiler; later runs only check
# timestamps. KAFKA_MOCK_CACHE_DIR moves the cache (default ~/.cache/cpb-kafka-mock).
set -euo pipefail
dir="$(cd "$(dirname "$0")" && pwd)"
src="$dir/mock-broker.c"
bin="$dir/mock-broker"

say() { echo "kafka-mock: $*" >&2; }
fail() { say "$*"; exit 1; }

for tool in gcc make; do
  command -v "$tool" >/dev/null || fail "needs $tool to compile librdkafka's mock cluster (Debian: apt-get install gcc make libc6-dev)"
done

package_json=$(cd "$dir" && node -p "require.resolve('node-rdkafka/package.json')" 2>/dev/null) \
  || fail "node-rdkafka (librdkafka's source) is not installed: run npm install at the repository root"
source_dir="$(dirname "$package_json")/deps/librdkafka"
version=$(node -p "require('$package_json').librdkafka")
[ -f "$source_dir/configure" ] || fail "no librdkafka source in $source_dir"

# Only what the mock cluster needs: no TLS, SASL/GSSAPI, compression libraries or HTTP client, so the
# build depends on nothing the machine may or may not have installed.
configure_flags=(--disable-ssl --disable-gssapi --disable-zlib --disable-zstd --disable-lz4-ext
  --disable-curl --disable-regex-ext --disable-syslog --disable-c11threads)
key=$( (echo "$version ${configure_flags[*]}"; gcc -dumpfullversion; gcc -dumpmachine) | sha256sum | cut -c1-12)
cache_root="${KAFKA_MOCK_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/cpb-kafka-mock}"
lib_dir="$cache_root/librdkafka-$version-$key"

build_librdkafka() {
  mkdir -p "$cache_root"
  # One build at a time per cache (tests in several clones may start together); the loser waits.
  exec 9>"$cache_root/.lock"
  flock 9
  [ -f "$lib_dir/lib/librdkafka.a" ] && return
  say "building librdkafka $version from node-rdkafka's bundled source into $lib_dir (once per machine; about 2.5 minutes of CPU)"
  local started=$SECONDS work="$cache_root/tmp.$$"
  rm -rf "$work"
  mkdir -p "$work"
  cp -R "$source_dir" "$work/src"
  # configure insists on naming a C++ compiler; only the C library is built, so gcc stands in.
  (cd "$work/src" && CC=gcc CXX=gcc ./configure "${configure_flags[@]}" >"$work/configure.log" 2>&1) \
    || fail "librdkafka's configure failed; see $work/configure.log"
  make -C "$work/src/src" -j"$(nproc)" librdkafka.a >"$work/make.log" 2>&1 \
    || fail "compiling librdkafka failed; see $work/make.log"
  mkdir -p "$work/out/include/librdkafka" "$work/out/lib"
  cp "$work/src/src/rdkafka.h" "$work/src/src/rdkafka_mock.h" "$work/out/include/librdkafka/"
  cp "$work/src/src/librdkafka.a" "$work/out/lib/"
  rm -rf "$lib_dir"
  mv "$work/out" "$lib_dir"
  rm -rf "$work"
  say "librdkafka $version built in $((SECONDS - started)) s"
}

[ -f "$lib_dir/lib/librdkafka.a" ] || build_librdkafka

if [ ! -x "$bin" ] || [ "$src" -nt "$bin" ] || [ "$0" -nt "$bin" ] || [ "$lib_dir/lib/librdkafka.a" -nt "$bin" ]; then
  # Build beside the target, then rename: a concurrent build never leaves a half-written binary.
  # -isystem: librdkafka's own header has warnings that -Werror must not turn on us.
  tmp="$bin.$$"
  gcc -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -Wall -Wextra -Werror -isystem "$lib_dir/include" \
    -o "$tmp" "$src" "$lib_dir/lib/librdkafka.a" -lm -ldl -lpthread -lrt
  mv -f "$tmp" "$bin"
fi
echo "$bin"
