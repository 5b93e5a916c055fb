#!/usr/bin/env bash
# tts-replay against nginx serving the same bytes, measured with wrk in the same run.
# Installs nginx and wrk from Debian's packages when missing, builds release, runs
# Benchmarks/run.py (which stops everything it starts) and writes Benchmarks/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v nginx >/dev/null || ! command -v wrk >/dev/null; then
    apt-get install -y nginx-light wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y nginx-light wrk >/dev/null; }
fi
# SwiftPM keeps the source list of a path dependency between builds; forget it so files added
# to the main package since the last run are compiled.
rm -f .build/release.yaml .build/release/description.json
swift build -c release --product tts-replay
swift build -c release --product tts-replay-benchmarks
python3 run.py "$@"
