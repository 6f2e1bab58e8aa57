#!/usr/bin/env bash
# Instructions per article of the whole extraction (HTML parse, article,
# cases) over the labelled corpus, counted by valgrind's callgrind: unlike
# a timing, the count stays the same whatever else the machine is doing, so
# two versions can be compared on a busy machine. The garbage collector is
# off during the count (its work depends on timing); the difference of two
# runs of different lengths leaves out the loading of the rules.
# Usage: scripts/extract-instructions.sh [benchmark regexp, default Extract$]
set -euo pipefail
cd "$(dirname "$0")/.."
# Measured as released: built by Go 1.27.3 (see the README).
export GOTOOLCHAIN=${GOTOOLCHAIN:-go1.27.3}
command -v valgrind >/dev/null || { echo "extract-instructions: valgrind is not installed" >&2; exit 1; }
bench=${1:-'Extract$'}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go test -c -o "$tmp/extract.test" ./extract
count() {
	(cd extract && GOGC=off GODEBUG=asyncpreemptoff=1 GOMAXPROCS=1 valgrind --tool=callgrind \
		--callgrind-out-file="$tmp/cg.$1" "$tmp/extract.test" -test.run XXX -test.bench "$bench" \
		-test.benchtime "${1}x" -test.cpu 1 2>&1) | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
a=$(count 46)
b=$(count 276)
if [ -z "$a" ] || [ -z "$b" ]; then
	echo "extract-instructions: no count from callgrind (is the labelled corpus there?)" >&2
	exit 1
fi
echo "$bench: $(((b - a) / 230)) instructions per article"
