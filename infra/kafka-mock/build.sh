#!/usr/bin/env bash
# Builds the mock Kafka broker (needs gcc and Debian's librdkafka-dev) when the binary is missing
# or older than its source; prints the binary's path.
set -euo pipefail
dir="$(cd "$(dirname "$0")" && pwd)"
src="$dir/mock-broker.c"
bin="$dir/mock-broker"
if [ ! -x "$bin" ] || [ "$src" -nt "$bin" ] || [ "$0" -nt "$bin" ]; then
  if pkg-config --exists rdkafka 2>/dev/null; then
    flags=$(pkg-config --cflags --libs rdkafka)
  else
    flags=-lrdkafka
  fi
  # Build beside the target, then rename: a concurrent build never leaves a half-written binary.
  tmp="$bin.$$"
  # shellcheck disable=SC2086
  gcc -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -Wall -Wextra -Werror -o "$tmp" "$src" $flags
  mv -f "$tmp" "$bin"
fi
echo "$bin"
