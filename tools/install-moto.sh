#!/usr/bin/env bash
# Installs moto's server (a local AWS API, here for Secrets Manager) into tools/.venv-moto, pinned,
# for the tests that call Secrets Manager with the real AWS SDK. Idempotent; a machine that cannot
# install it gets a warning and those tests skip with that reason.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv-moto"
version="5.2.5"
if [ -x "$venv/bin/moto_server" ] && [ -f "$venv/.version-$version" ]; then
  exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "warning: python3 not found; the Secrets Manager tests will be skipped" >&2
  exit 0
fi
rm -rf "$venv"
if python3 -m venv "$venv" >/dev/null 2>&1 \
  && "$venv/bin/pip" install --quiet --disable-pip-version-check "moto[server]==$version" >&2; then
  touch "$venv/.version-$version"
else
  echo "warning: could not install moto[server]==$version; the Secrets Manager tests will be skipped" >&2
  rm -rf "$venv"
fi
exit 0
