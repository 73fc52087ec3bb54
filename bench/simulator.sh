#!/usr/bin/env bash
# Load on the embedded simulator: CLIENTS concurrent clients (default 200) for SECONDS (default 30)
# on loopback against HCIM GetDemographics (HL7v3). Prints requests/s, p50/p99 latency and the
# count of lost and mismatched responses. Targets: 0 lost, 0 mismatched, p99 < 50 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build --silent || true
node bench/simulator-load.mjs "${CLIENTS:-200}" "${SECONDS_:-${SECONDS_LOAD:-30}}" "${MAX_REQUESTS:-2000000}"
