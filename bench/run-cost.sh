#!/usr/bin/env bash
# Prints the state transitions of each compiled workflow in bench/cost/ next to its hand-written
# Step Functions counterpart (an AWS documentation pattern), on every input. Exit status 1 when a
# compiled workflow costs more or behaves differently. Builds the bench jar first when missing.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/statecraft-bench.jar"
if [[ ! -f "$jar" ]]; then
  (cd "$here/.." && mvn -q -pl bench -am package -DskipTests) >&2
fi
cd "$here"
exec java -cp "$jar" dev.statecraft.bench.CostComparison "$@"
