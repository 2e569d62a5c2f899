# Helpers of the `yorisoi doctor` suites (doctor.sh, card_doctor.sh), sourced
# after they set tmp (a private folder), Y (the binary) and DOCTOR_SUITE
# (the prefix of their PASS/FAIL lines). Gives doctor a data, settings and
# system-settings folder of its own inside tmp.

export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
export YORISOI_SYSTEM_CONFIG="$tmp/system.conf"
# LeakSanitizer: fontconfig and Pango keep their caches until exit (as in
# handoff_slip.sh)
printf 'leak:libfontconfig.so\nleak:libpango\n' >"$tmp/lsan.supp"
export LSAN_OPTIONS="suppressions=$tmp/lsan.supp:print_suppressions=0"

# doctor ARGS...: runs yorisoi with ARGS; output in $tmp/out, status in $rc.
doctor() {
	"$Y" "$@" >"$tmp/out" 2>&1
	rc=$?
}

# expect CASE LEVEL TEXT: PASS when a line "[LEVEL] ...TEXT..." was printed.
expect() {
	if grep -F -- "[$2]" "$tmp/out" | grep -qF -- "$3"; then
		echo "PASS: $DOCTOR_SUITE/$1"
	else
		echo "FAIL: $DOCTOR_SUITE/$1 (no \"[$2] ...$3\")"
		sed 's/^/    /' "$tmp/out" >&2
	fi
}
