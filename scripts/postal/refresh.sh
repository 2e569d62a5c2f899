#!/bin/sh
# Re-fetches Japan Post's postal-code data from the npm package
# jquery-jpostal-ja and regenerates data/postal/postal.tsv.gz, the file the
# build turns into postal.db. Needs npm and python3 and the network; the
# build itself needs neither. See docs/postal.md.
# Usage: scripts/postal/refresh.sh [VERSION]   (default: the latest)
set -eu
cd "$(dirname "$0")/../.."

pkg=jquery-jpostal-ja
version=${1:-$(npm view "$pkg" version)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "postal: fetching $pkg@$version" >&2
(cd "$tmp" && npm pack --silent "$pkg@$version" >/dev/null && tar xzf ./*.tgz)
license=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["license"])' "$tmp/package/package.json")
echo "postal: licence $license" >&2
python3 scripts/postal/convert.py "$tmp/package" "$version" data/postal/postal.tsv.gz
sha256sum data/postal/postal.tsv.gz >&2
echo "postal: now update the version, data date and counts in docs/postal.md" >&2
