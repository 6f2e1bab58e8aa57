#!/usr/bin/env bash
# End-to-end crawl throughput: serves a synthetic site of 3,000 article pages
# and 60 listing pages on loopback, crawls it with `trialwatch crawl` and with
# a bare Colly collector, and prints articles/s, their ratio and peak memory;
# the two crawls take turns for three rounds (-rounds N) and a summary gives
# the median and range of each figure.
# Extra arguments go to the bench tool, e.g. -articles 100000 -listings 2000.
set -euo pipefail
cd "$(dirname "$0")/.."
# Measured as released: built by Go 1.27.3 (see the README).
export GOTOOLCHAIN=${GOTOOLCHAIN:-go1.27.3}
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/trialwatch" ./cmd/trialwatch
go build -o "$bin/trialwatch-bench" ./cmd/trialwatch-bench
"$bin/trialwatch-bench" -trialwatch "$bin/trialwatch" "$@"
