#!/usr/bin/env bash
# Wall time of `hie-conform run` (all built-in suites, embedded simulator, default workers) and of
# `hie-conform --help`. Targets on the 2-core reference machine: run ≤ 5 s, --help ≤ 300 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build --silent
out=.bench/run-all
mkdir -p "$out"
node bin/hie-conform run --out "$out" --reporter json >/dev/null || true
cases=$(node -e "const r=require('./$out/report.json'); console.log(r.stats.total + ' cases: ' + r.stats.passed + ' passed, ' + r.stats.failed + ' failed, ' + r.stats.error + ' error')")
echo "built-in suites: $cases"
node bench/time-command.mjs "node -e 0 (reference)" 10 node -e 0
node bench/time-command.mjs "hie-conform --help" 10 node bin/hie-conform --help
node bench/time-command.mjs "hie-conform run (all suites)" 5 node bin/hie-conform run --out "$out"
