#!/usr/bin/env bash
# Runs every program in tests/pyrun/programs twice under python3 (CPython 3.11 required),
# with PYTHONHASHSEED=0 and PYTHONHASHSEED=123, and fails if stdout, stderr or the exit
# status differ between the runs, or if a program imports anything but gc, sys, weakref.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/programs" || exit 2
py="${PYTHON:-python3}"
ver="$("$py" -c 'import sys, platform; print(platform.python_implementation(), "%d.%d" % sys.version_info[:2])')"
if [ "$ver" != "CPython 3.11" ]; then
    echo "check_programs: need CPython 3.11, found: $ver" >&2
    exit 2
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failed=0
count=0
for prog in [0-9][0-9]_*.py; do
    count=$((count + 1))
    bad_imports="$(grep -nE '^\s*(import|from)\s' "$prog" | grep -vE '^[0-9]+:\s*import (gc|sys|weakref)(\s*,\s*(gc|sys|weakref))*\s*$')"
    if [ -n "$bad_imports" ]; then
        echo "FAIL $prog: imports outside gc, sys, weakref:"
        echo "$bad_imports"
        failed=$((failed + 1))
        continue
    fi
    for seed in 0 123; do
        PYTHONHASHSEED=$seed "$py" "$prog" >"$tmp/out.$seed" 2>"$tmp/err.$seed"
        echo "exit status $?" >>"$tmp/err.$seed"
    done
    if ! cmp -s "$tmp/out.0" "$tmp/out.123" || ! cmp -s "$tmp/err.0" "$tmp/err.123"; then
        echo "FAIL $prog: output differs between PYTHONHASHSEED=0 and 123"
        diff "$tmp/out.0" "$tmp/out.123" | head -10
        diff "$tmp/err.0" "$tmp/err.123" | head -10
        failed=$((failed + 1))
    elif grep -qE '0x[0-9a-fA-F]{6,}' "$tmp/out.0" "$tmp/err.0"; then
        echo "FAIL $prog: output contains an address"
        failed=$((failed + 1))
    fi
done
if [ "$count" -lt 45 ]; then
    echo "FAIL: only $count programs (want at least 45)"
    failed=$((failed + 1))
fi
echo "$count programs, $failed failed"
[ "$failed" -eq 0 ]
