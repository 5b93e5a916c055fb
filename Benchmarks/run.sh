#!/usr/bin/env bash
# tts-replay against nginx serving the same bytes, measured with wrk in the same run, and, for
# workload 1, against the Pact stub server replaying the same answer from a pact file.
# Installs nginx and wrk from Debian's packages when missing, the Pact stub server (PyPI's
# pact-python-cli) into Benchmarks/.venv when missing, builds release, runs Benchmarks/run.py
# (which stops everything it starts) and writes Benchmarks/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v nginx >/dev/null || ! command -v wrk >/dev/null; then
    apt-get install -y nginx-light wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y nginx-light wrk >/dev/null; }
fi
if [ ! -x .venv/bin/pact ]; then
    if ! python3 -m venv .venv >/dev/null 2>&1; then
        apt-get install -y python3-venv >/dev/null || { apt-get update >/dev/null && apt-get install -y python3-venv >/dev/null; }
        rm -rf .venv && python3 -m venv .venv
    fi
    .venv/bin/pip install --quiet pact-python-cli
fi
# SwiftPM keeps the source list of a path dependency between builds; forget it so files added
# to the main package since the last run are compiled.
rm -f .build/release.yaml .build/release/description.json
swift build -c release --product tts-replay
swift build -c release --product tts-replay-benchmarks
python3 run.py "$@"
