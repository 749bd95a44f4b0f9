#!/usr/bin/env bash
# Runs the engine benchmark (durable and in memory) on the shared definition and input.
# Builds bench/target/statecraft-bench.jar first when it is missing. Arguments go to the
# benchmark, for example: bench/run-engine.sh --executions 1000 --concurrency 200 --rounds 5
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$here/.."
shared="${SHARED_BENCH:-$root/../shared/bench}"
jar="$here/target/statecraft-bench.jar"
if [[ ! -f "$jar" ]]; then
  (cd "$root" && mvn -q -pl bench -am package -DskipTests) >&2
fi
exec java ${BENCH_JAVA_OPTS:-} -jar "$jar" \
  --definition "$shared/engine-bench.asl.json" --input "$shared/engine-bench.input.json" "$@"
