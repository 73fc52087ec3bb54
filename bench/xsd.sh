#!/usr/bin/env bash
# XSD validation throughput: hie-conform (in-process libxml2) vs xmllint vs a JVM validator.
# Generates 1,000 HCIM messages under .bench/ (git-ignored) and times whole processes, each run
# interleaved with the others; prints seconds, msgs/s, CPU seconds and ratios vs xmllint, and the
# load average (figures are noisy on a busy machine: run it several times and compare medians).
#   [RUNS=5] bench/xsd.sh [count=1000]
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${1:-1000}"
OUT=.bench/xsd/messages
SCHEMA=fixtures/schemas/hcim/QUPA_AR101102.xsd

command -v xmllint >/dev/null || { echo "xmllint is missing: apt-get install -y libxml2-utils" >&2; exit 2; }
if [ ! -f dist/validate/hl7v3.js ] || [ ! -f dist/cli/main.js ]; then npm run build --silent; fi
node bench/xsd-generate.mjs "$OUT" "$COUNT"
node bench/xsd-bench.mjs "$OUT" "$SCHEMA" 100 20
