#!/usr/bin/env bash
# Data-quality throughput and accuracy: generates a synthetic client CSV (default 1,000,000 rows)
# with injected rule defects and duplicates under .bench/dq/ (git-ignored), runs `hie-conform dq`
# on it and prints rows/s, peak RSS and precision/recall against the ground truth.
# Targets: ≥ 50,000 rows/s, ≤ 300 MB RSS, recall 100 % on rule defects, ≥ 95 % on duplicates
# with ≤ 1 % false positives.
#   bench/dq.sh [rows=1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-1000000}"
OUT=.bench/dq
if [ ! -f dist/cli/commands/dq-command.js ]; then npm run build --silent || true; fi
if [ ! -f "$OUT/clients.csv" ] || [ "$(cat "$OUT/rows" 2>/dev/null)" != "$ROWS" ]; then
  node bench/dq-generate.mjs "$OUT" "$ROWS"
  echo "$ROWS" > "$OUT/rows"
fi
echo "input: $(du -h "$OUT/clients.csv" | cut -f1) $OUT/clients.csv"
STATS="$OUT/stats.txt"
set +e
if [ -x /usr/bin/time ]; then
  /usr/bin/time -v node bin/hie-conform dq "$OUT/clients.csv" --kind client --out "$OUT/reports" --max-findings 1000 --debug >"$OUT/stdout.txt" 2>"$STATS"
else
  node bin/hie-conform dq "$OUT/clients.csv" --kind client --out "$OUT/reports" --max-findings 1000 --debug >"$OUT/stdout.txt" 2>"$STATS"
fi
code=$?
set -e
echo "hie-conform dq exit $code (1 = thresholds not met, expected with injected defects)"
grep -E '^(dq |score )' "$OUT/stdout.txt" || true
grep '^dq-stats' "$STATS" | sed 's/^dq-stats /dq: /'
grep -E 'Maximum resident set size|Elapsed \(wall' "$STATS" | sed 's/^\s*/time -v: /' || true
node bench/dq-evaluate.mjs "$OUT/truth.ndjson" "$OUT/reports/dq-findings.csv"
