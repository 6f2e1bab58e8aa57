#!/usr/bin/env bash
# What an idle daemon costs: resident memory and processor time of
# `trialwatch serve` while it waits for its next scheduled run, after start
# and after a crawl. Linux only. Extra arguments go to the measuring tool,
# e.g. -db FILE to start from a large database, -wait 60s.
set -euo pipefail
cd "$(dirname "$0")/.."
# Measured as released: built by Go 1.27.3 (see the README).
export GOTOOLCHAIN=${GOTOOLCHAIN:-go1.27.3}
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/trialwatch" ./cmd/trialwatch
go run ./scripts/idle -trialwatch "$bin/trialwatch" "$@"
