#!/bin/sh
# `make install` with DESTDIR gives a tree that works where it was put:
# the binaries, the forms, the catalogues, the man pages and the example
# configuration. `make uninstall` takes all of it away again, except a
# configuration the admin changed, which install never overwrites either.
cd "$(dirname "$0")/../.."
B=${BUILD:-build}
case "$B" in *asan*) exit 0 ;; esac # one build is enough to check the layout
dest=$(mktemp -d /tmp/yorisoi-install.XXXXXX)
admin=$(mktemp -d /tmp/yorisoi-install-admin.XXXXXX)
trap 'rm -rf "$dest" "$admin" "$dest.log" "$admin.conf"' EXIT

# run_make DEST TARGET: make TARGET into DEST, the log to stderr on failure.
run_make() {
	if make --no-print-directory BUILD="$B" "$2" DESTDIR="$1" PREFIX=/usr/local \
		SYSCONFDIR=/etc >"$dest.log" 2>&1; then
		return 0
	fi
	cat "$dest.log" >&2
	return 1
}

# The files left in DEST (not the folders: bin/, share/man/... stay), and
# any folder of ours.
leftovers() {
	(cd "$1" && find . ! -type d -print && find . -type d -name '*yorisoi*' -print) | sort
}

if run_make "$dest" install; then
	pass=1
else
	pass=0
fi
u=$dest/usr/local
bin=$u/bin
missing=""
for f in "$bin/yorisoi" "$bin/yorisoi-cardsim" "$u/share/man/man1/yorisoi.1" \
	"$u/share/man/man1/yorisoi-cardsim.1" "$u/share/man/man5/yorisoi.conf.5" \
	"$u/share/locale/ja/LC_MESSAGES/yorisoi.mo" "$u/share/yorisoi/forms/form.rng" \
	"$u/share/yorisoi/forms/juminhyo.xml" "$u/share/yorisoi/postal.db" \
	"$u/share/yorisoi/forms/paper/paper.rng" "$u/share/yorisoi/forms/paper/tennyu.xml" \
	"$u/share/yorisoi/forms/lists/countries.xml" "$u/share/yorisoi/forms/lists/picks.rng" \
	"$u/share/yorisoi/forms/archive/tennyu-1.xml" "$u/share/yorisoi/forms/archive/paper/tennyu.xml" \
	"$u/share/yorisoi/forms/archive/paper/paper.rng" \
	"$u/share/yorisoi/LINGUAS" "$u/share/doc/yorisoi/examples/yorisoi.conf" \
	"$dest/etc/yorisoi/yorisoi.conf"; do
	[ -f "$f" ] || missing="$missing ${f#"$dest"}"
done
if [ $pass = 1 ] && [ -z "$missing" ] && [ -x "$bin/yorisoi" ] && [ -x "$bin/yorisoi-cardsim" ]; then
	echo "PASS: install/files"
else
	echo "FAIL: install/files (missing:$missing)"
fi
if "$bin/yorisoi" forms check >/dev/null 2>&1 && "$bin/yorisoi" forms list | grep -q juminhyo; then
	echo "PASS: install/finds-its-forms"
else
	echo "FAIL: install/finds-its-forms"
fi

# Man pages render without a warning, as man-db and lintian render them
# (UTF-8 input through preconv: the pages quote Japanese terms).
for page in "$u"/share/man/man*/*; do
	[ -f "$page" ] || continue
	name=${page##*/}
	msgs=$( (LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" >/dev/null) 2>&1
		LC_ALL=C.UTF-8 groff -man -ww -z -K utf8 -T utf8 "$page" 2>&1)
	if [ -z "$msgs" ]; then
		echo "PASS: install/man-renders[$name]"
	else
		echo "FAIL: install/man-renders[$name]"
		printf '%s: %s\n' "$name" "$msgs" >&2
	fi
done

if run_make "$dest" uninstall && [ -z "$(leftovers "$dest")" ]; then
	echo "PASS: install/uninstall-leaves-nothing"
else
	echo "FAIL: install/uninstall-leaves-nothing"
	leftovers "$dest" >&2
fi

# An admin's changed configuration survives install and uninstall.
mkdir -p "$admin/etc/yorisoi"
printf '# changed by the admin\n' >"$admin/etc/yorisoi/yorisoi.conf"
cp "$admin/etc/yorisoi/yorisoi.conf" "$admin.conf"
if run_make "$admin" install && cmp -s "$admin.conf" "$admin/etc/yorisoi/yorisoi.conf"; then
	echo "PASS: install/keeps-changed-config"
else
	echo "FAIL: install/keeps-changed-config"
fi
if run_make "$admin" uninstall && cmp -s "$admin.conf" "$admin/etc/yorisoi/yorisoi.conf" &&
	[ "$(leftovers "$admin")" = "$(printf './etc/yorisoi\n./etc/yorisoi/yorisoi.conf')" ]; then
	echo "PASS: install/uninstall-keeps-changed-config"
else
	echo "FAIL: install/uninstall-keeps-changed-config"
	leftovers "$admin" >&2
fi
