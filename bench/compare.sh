#!/usr/bin/env bash
# Runs the anchor (aws-local-stepfunctions, in memory) and the engine (durable and in memory)
# one after the other, REPEAT times, in this session, and prints each run and the ratios of the
# engine's transitions/s to the anchor's run just before it.
#
#   bench/compare.sh                       # 3 repetitions, engine defaults
#   REPEAT=5 bench/compare.sh --executions 1000 --concurrency 200
#
# Arguments go to the engine benchmark (see bench/README.md). The anchor is installed once into
# a temporary folder (or ANCHOR_DIR) and runs ANCHOR_EXECUTIONS executions (default 200).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repeat="${REPEAT:-3}"
anchor_executions="${ANCHOR_EXECUTIONS:-200}"
if [[ -z "${ANCHOR_DIR:-}" ]]; then
  ANCHOR_DIR="$(mktemp -d)"
  trap 'rm -rf "$ANCHOR_DIR"' EXIT
fi
export ANCHOR_DIR

# The number before " transitions/s" in a line.
rate() { sed -n 's/.* \([0-9][0-9.]*\) transitions\/s.*/\1/p' | head -1; }

anchors=() durables=() memories=()
for ((i = 1; i <= repeat; i++)); do
  echo "== run $i of $repeat"
  anchor_line="$("$here/run-anchor.sh" "$anchor_executions" | tail -1)"
  echo "$anchor_line"
  engine_out="$("$here/run-engine.sh" "$@" 2>/dev/null)"
  echo "$engine_out" | grep ' median: '
  anchor="$(echo "$anchor_line" | rate)"
  durable="$(echo "$engine_out" | grep 'engine durable median' | rate)"
  memory="$(echo "$engine_out" | grep 'engine memory median' | rate)"
  anchors+=("$anchor") durables+=("$durable") memories+=("$memory")
  awk -v a="$anchor" -v d="$durable" -v m="$memory" 'BEGIN {
    printf "ratio vs anchor: durable %.2fx, in memory %.2fx\n", d / a, m / a }'
done

echo "== summary over $repeat runs (transitions/s; ratio to the anchor run just before)"
printf '%s\n' "${anchors[@]}" > /tmp/compare.anchor.$$
printf '%s\n' "${durables[@]}" > /tmp/compare.durable.$$
printf '%s\n' "${memories[@]}" > /tmp/compare.memory.$$
paste /tmp/compare.anchor.$$ /tmp/compare.durable.$$ /tmp/compare.memory.$$ | awk '
  { a[NR] = $1; d[NR] = $2; m[NR] = $3; rd[NR] = $2 / $1; rm[NR] = $3 / $1 }
  function sorted_median(x, n,   i, j, t, y) {
    for (i = 1; i <= n; i++) y[i] = x[i]
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (y[j] < y[i]) { t = y[i]; y[i] = y[j]; y[j] = t }
    return (n % 2) ? y[(n + 1) / 2] : (y[n / 2] + y[n / 2 + 1]) / 2
  }
  function lo(x, n,   i, v) { v = x[1]; for (i = 2; i <= n; i++) if (x[i] < v) v = x[i]; return v }
  function hi(x, n,   i, v) { v = x[1]; for (i = 2; i <= n; i++) if (x[i] > v) v = x[i]; return v }
  END {
    n = NR
    printf "anchor            median %8.0f  (min %8.0f, max %8.0f)\n", sorted_median(a, n), lo(a, n), hi(a, n)
    printf "engine durable    median %8.0f  (min %8.0f, max %8.0f)  ratio median %.2fx (min %.2fx, max %.2fx)\n", sorted_median(d, n), lo(d, n), hi(d, n), sorted_median(rd, n), lo(rd, n), hi(rd, n)
    printf "engine in memory  median %8.0f  (min %8.0f, max %8.0f)  ratio median %.2fx (min %.2fx, max %.2fx)\n", sorted_median(m, n), lo(m, n), hi(m, n), sorted_median(rm, n), lo(rm, n), hi(rm, n)
    ok_d = sorted_median(rd, n) >= 1; ok_m = sorted_median(rm, n) >= 2
    printf "goal durable >= 1x anchor: %s; goal in memory >= 2x anchor: %s\n", ok_d ? "met" : "NOT met", ok_m ? "met" : "NOT met"
  }'
rm -f /tmp/compare.anchor.$$ /tmp/compare.durable.$$ /tmp/compare.memory.$$
