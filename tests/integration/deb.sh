#!/bin/sh
# `make deb` gives a package lintian finds no error in, whose files work
# where dpkg puts them. As root, and only when no yorisoi package is on the
# machine already, it is installed for real and purged, and no file of it
# may remain.
cd "$(dirname "$0")/../.."
B=${BUILD:-build}
case "$B" in *asan*) exit 0 ;; esac # the package is built with its own flags
tmp=$(mktemp -d /tmp/yorisoi-deb.XXXXXX)
installed=0
cleanup() {
	# a run cut short must not leave the package installed
	[ $installed = 1 ] && dpkg --purge yorisoi >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# Its own output folder (the build happens in a copy inside it), so it never
# races the suites that use build/.
if ! make --no-print-directory deb DEB_OUT="$tmp/deb" >"$tmp/make.log" 2>&1; then
	echo "FAIL: deb/builds"
	tail -n 40 "$tmp/make.log" >&2
	exit 1
fi
deb=""
for f in "$tmp"/deb/yorisoi_[0-9]*.deb; do deb=$f; done
if [ -f "$deb" ]; then
	echo "PASS: deb/builds"
else
	echo "FAIL: deb/builds (no yorisoi_*.deb in DEB_OUT)"
	exit 1
fi

if ! command -v lintian >/dev/null 2>&1; then
	echo "SKIP: deb/lintian-no-errors (lintian is not installed)"
else
	lintian "$deb" >"$tmp/lintian.txt" 2>"$tmp/lintian.err"
	rc=$? # not 0 when it found errors or failed itself; warnings give 0
	if [ $rc -eq 0 ] && ! grep -q '^E: ' "$tmp/lintian.txt"; then
		echo "PASS: deb/lintian-no-errors"
	else
		echo "FAIL: deb/lintian-no-errors (exit $rc)"
		cat "$tmp/lintian.txt" "$tmp/lintian.err" >&2
	fi
fi

# The unpacked package, run where it was unpacked: it must find its own
# forms and catalogues there, not the source tree's.
root=$tmp/root
mkdir -p "$tmp/home"
dpkg-deb -x "$deb" "$root"
run() {
	(
		unset YORISOI_LOCALEDIR YORISOI_POSTAL_DB LANGUAGE
		HOME=$tmp/home XDG_DATA_HOME=$tmp/home/data LC_ALL=C.UTF-8
		export HOME XDG_DATA_HOME LC_ALL
		exec "$@"
	)
}
version=$(dpkg-deb -f "$deb" Version)
if [ "$(run "$root/usr/bin/yorisoi" --version)" = "yorisoi ${version%-*}" ]; then
	echo "PASS: deb/version"
else
	echo "FAIL: deb/version (package $version, program: $(run "$root/usr/bin/yorisoi" --version 2>&1))"
fi
if run "$root/usr/bin/yorisoi" forms list 2>&1 | grep -q "	$root/usr/share/yorisoi/forms/juminhyo.xml\$"; then
	echo "PASS: deb/finds-its-forms"
else
	echo "FAIL: deb/finds-its-forms"
	run "$root/usr/bin/yorisoi" forms list >&2
fi
# the unpacked tree's catalogue: --help in the language --lang names
if run "$root/usr/bin/yorisoi" --lang ja --help 2>&1 | grep -q '使い方'; then
	echo "PASS: deb/finds-its-catalogues"
else
	echo "FAIL: deb/finds-its-catalogues"
fi
if run "$root/usr/bin/yorisoi-cardsim" --help | grep -q persona; then
	echo "PASS: deb/cardsim-runs"
else
	echo "FAIL: deb/cardsim-runs"
fi

# The real install. The lock keeps two trees' test runs from installing
# and purging under each other.
if [ "$(id -u)" -ne 0 ]; then
	echo "SKIP: deb/install-and-purge (needs root)"
	exit 0
fi
exec 8>/tmp/yorisoi-dpkg.lock
flock 8
st=$(dpkg-query -W -f='${db:Status-Status}' yorisoi 2>/dev/null)
if [ -n "$st" ] && [ "$st" != not-installed ]; then
	echo "SKIP: deb/install-and-purge (a yorisoi package is on this machine already: $st)"
	exit 0
fi
installed=1
if DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
	-o DPkg::Lock::Timeout=300 "$deb" >"$tmp/apt.log" 2>&1 &&
	dpkg -L yorisoi >"$tmp/files.txt" 2>&1; then
	echo "PASS: deb/installs"
else
	echo "FAIL: deb/installs"
	tail -n 20 "$tmp/apt.log" >&2
	exit 1 # cleanup purges what got in
fi
if run /usr/bin/yorisoi forms list 2>&1 | grep -q '	/usr/share/yorisoi/forms/juminhyo.xml$'; then
	echo "PASS: deb/installed-finds-its-forms"
else
	echo "FAIL: deb/installed-finds-its-forms"
fi
if dpkg --purge yorisoi >"$tmp/purge.log" 2>&1; then
	installed=0
else
	cat "$tmp/purge.log" >&2
fi
# What remains of the package's list: any file, and any folder no other
# package owns (dpkg removes those it owned alone).
left=""
while read -r p; do
	case "$p" in /.) continue ;; /*) ;; *) continue ;; esac
	[ -e "$p" ] || continue
	if [ -d "$p" ] && dpkg -S "$p" >/dev/null 2>&1; then
		continue
	fi
	left="$left $p"
done <"$tmp/files.txt"
if [ $installed = 0 ] && [ -s "$tmp/files.txt" ] && [ -z "$left" ]; then
	echo "PASS: deb/purge-leaves-nothing"
else
	echo "FAIL: deb/purge-leaves-nothing (left:$left)"
fi
