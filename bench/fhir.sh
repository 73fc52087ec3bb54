#!/usr/bin/env bash
# FHIR profile validation throughput: 1,000 bundles in one process (target ≥ 1,000 bundles/s).
# Uses dist/ after `npm run build`; falls back to the TypeScript sources via tsx if dist is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-1000}"
npm run build --silent >/dev/null 2>&1 || true
if [ -f dist/validate/fhir-profile.js ] && [ -f dist/validate/fhir/engine.js ]; then
  exec node bench/fhir-bench.mjs "$count"
fi
exec node --import tsx bench/fhir-bench.mjs --source "$count"
