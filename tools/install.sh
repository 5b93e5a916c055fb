#!/usr/bin/env bash
# tools/install.sh [PREFIX]: builds tts-replay in release mode with the Swift standard library
# linked statically, and installs the one binary as PREFIX/bin/tts-replay (default PREFIX:
# /usr/local). The binary carries the shipped scenarios, catalogue and cassettes; on another
# Linux machine it needs only the system libraries it links (glibc, libsqlite3, libstdc++,
# libgcc_s, zlib).
set -euo pipefail
prefix="${1:-/usr/local}"
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --product tts-replay
install -d "$prefix/bin"
install -m 0755 .build/release/tts-replay "$prefix/bin/tts-replay"
"$prefix/bin/tts-replay" --version
