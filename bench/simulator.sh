#!/usr/bin/env bash
# Load on the embedded simulator: CLIENTS closed-loop clients (default 200) for SECONDS_ (default 30)
# on loopback against HCIM GetDemographics (HL7v3): each client sends its next request as soon as
# the previous answer has arrived. The simulator runs as its own `hie-conform serve` process; every
# client connects and gets one answer, then WARMUP seconds (default 3) of the same load run before
# the clock starts (warm-up: JIT and queues settle; its p99, losses and mismatches are printed apart).
# Prints requests/s, p50/p90/p99 latency, lost and mismatched responses, CPU and load average.
# Before it, the same clients load bench/reference-soap-server.mjs twice: bare (node:http, canned reply,
# no parsing: the floor for a Node.js endpoint on this machine) and with --validate (each request first
# read and XSD-validated by the simulator's native reader: the floor for an endpoint that validates);
# the simulator is also printed as ratios to both (REFERENCE=0 / VALIDATION_FLOOR=0 skip them).
# Targets: 0 lost, 0 mismatched, p99 < 50 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build --silent || true
node bench/simulator-load.mjs "${CLIENTS:-200}" "${SECONDS_:-${SECONDS_LOAD:-30}}" "${MAX_REQUESTS:-2000000}"
