#!/usr/bin/env bash
# Smoke test of the packaged command line, as a user runs it: `statecraft serve` answers a
# Standard Webhooks delivery signed with openssl (the README's recipe), and the workflow it starts
# succeeds. Exits non-zero on any difference.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="$(mktemp -d)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export TICKETS_WEBHOOK_SECRET="whsec_$(printf 'a local signing key of 32 bytes!' | base64)"
"$root/statecraft" serve --source "$root/examples/support-triage" --port "$port" \
  --state-dir "$state" >"$state/serve.log" 2>&1 &
serve=$!
trap 'kill $serve 2>/dev/null || true; rm -rf "$state"' EXIT
for _ in $(seq 1 120); do
  grep -q 'serving the Step Functions API' "$state/serve.log" 2>/dev/null && break
  kill -0 $serve 2>/dev/null || { cat "$state/serve.log"; exit 1; }
  sleep 1
done

key=$(printf '%s' "${TICKETS_WEBHOOK_SECRET#whsec_}" | base64 -d | od -An -tx1 | tr -d ' \n')
id=msg_smoke_$(date +%s); ts=$(date +%s); body=$(cat "$root/examples/support-triage/ticket.json")
sig=$(printf '%s' "$id.$ts.$body" | openssl dgst -sha256 -mac HMAC -macopt hexkey:$key -binary | base64)
post() {
  curl -s -o "$state/answer" -w '%{http_code}' -X POST "http://localhost:$port/webhooks/tickets" \
    -H 'Content-Type: application/json' -H "webhook-id: $id" -H "webhook-timestamp: $ts" \
    -H "webhook-signature: $1" --data-binary "$body"
}
bad=$(post "v1,$(printf 'forged' | base64)")
[ "$bad" = 401 ] || { echo "a forged signature got $bad: $(cat "$state/answer")"; exit 1; }
good=$(post "v1,$sig")
[ "$good" = 202 ] || { echo "a signed delivery got $good: $(cat "$state/answer")"; cat "$state/serve.log"; exit 1; }
arn="arn:aws:states:us-east-1:000000000000:execution:support-triage:$id"
for _ in $(seq 1 60); do
  status=$(curl -s -X POST "http://localhost:$port/" -H 'Content-Type: application/x-amz-json-1.0' \
    -H 'X-Amz-Target: AWSStepFunctions.DescribeExecution' -d "{\"executionArn\": \"$arn\"}" |
    python3 -c 'import json,sys; print(json.load(sys.stdin).get("status",""))')
  [ "$status" = RUNNING ] || break
  sleep 1
done
[ "$status" = SUCCEEDED ] || { echo "the execution ended $status"; cat "$state/serve.log"; exit 1; }
echo "smoke: serve verified a signed webhook (202), refused a forged one (401), and the triage SUCCEEDED"
