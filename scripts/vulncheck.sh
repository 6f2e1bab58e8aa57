#!/usr/bin/env bash
# Known vulnerabilities that the code reaches, in its modules and in the
# standard library of the Go release it is built with (Go 1.27.3, as CI
# and the Docker image build it), by govulncheck.
#
# govulncheck reads its database from vuln.go.dev. Where that cannot be
# reached, the database is built once from the golang.org/x/vulndb module
# (which the module proxy serves) with that repository's own gendb, and kept
# in ~/.cache/trialwatch; the date of its data is the module's version.
# Usage: scripts/vulncheck.sh [govulncheck flags]
set -euo pipefail
cd "$(dirname "$0")/.."
export GOTOOLCHAIN=${GOTOOLCHAIN_VULNCHECK:-go1.27.3}
govulncheck=golang.org/x/vuln/cmd/govulncheck@v1.9.0
vulndb=golang.org/x/vulndb@v0.0.0-20261105234957-e22db6528018

db=https://vuln.go.dev
if ! curl -fsS -m 10 -o /dev/null "$db/index/db.json" 2>/dev/null; then
	cache=${XDG_CACHE_HOME:-$HOME/.cache}/trialwatch/vulndb-${vulndb##*@}
	if [ ! -f "$cache/index/db.json" ]; then
		echo "vulncheck: $db cannot be reached; building the database from $vulndb" >&2
		tmp=$(mktemp -d)
		trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
		dir=$(cd "$tmp" && GOFLAGS=-mod=mod go mod download -json "$vulndb" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
		[ -d "$dir/data/osv" ] || { echo "vulncheck: $vulndb could not be downloaded" >&2; exit 1; }
		cp -r "$dir" "$tmp/vulndb"
		chmod -R u+w "$tmp/vulndb"
		(
			cd "$tmp/vulndb"
			git init -q && git add -A
			git -c user.name=vulncheck -c user.email=vulncheck@localhost commit -qm "$vulndb"
			go build -o "$tmp/gendb" ./cmd/gendb
			"$tmp/gendb" -repo . -out "$tmp/db" >&2
		)
		mkdir -p "$(dirname "$cache")"
		rm -rf "$cache"
		mv "$tmp/db" "$cache"
	fi
	db=file://$cache
	echo "vulncheck: database $db" >&2
fi
go run "$govulncheck" -db "$db" "$@" ./...
