#!/usr/bin/env bash
# Builds the Cloud Workflows emulator referee (lemonberrylabs/gcw-emulator, patched with the documented
# Cloud Workflows features it lacks; see shared/referees/README.md) into tools/gcw-emulator/ (git-ignored):
#   tools/gcw-emulator/gcw-emulator           as published
#   tools/gcw-emulator/gcw-emulator-patched   what the GCP referee (referee-gcp) runs
# Needs Go; its Go dependencies come from the Go module proxy. Finds shared/ as ../shared beside the
# repository, else /work/shared.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="$repo/../shared"
[ -d "$shared/referees/gcw-emulator" ] || shared=/work/shared
bash "$shared/referees/gcw-emulator/build.sh" "$repo/tools/gcw-emulator"
