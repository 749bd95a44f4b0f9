#!/usr/bin/env bash
# Builds the Azure referee: Microsoft's Durable Task engine (durabletask-go v0.6.0, SQLite backend)
# behind our small main in tools/durabletask-referee/, into tools/durabletask-referee/build/
# (git-ignored). The referee-azure module's tests and `statecraft run --target azure` run it from
# there. About 2.5 minutes with a cold Go cache (the pure-Go SQLite compiles), seconds when warm.
set -euo pipefail
cd "$(dirname "$0")/durabletask-referee"
command -v go >/dev/null 2>&1 || { echo "build-durabletask: go is not installed" >&2; exit 1; }
mkdir -p build
# The proxy refuses durabletask-go's version list, but serves the pinned version go.sum names.
GOFLAGS=-buildvcs=false go build -trimpath -o build/durabletask-referee .
echo "built $(pwd)/build/durabletask-referee"
