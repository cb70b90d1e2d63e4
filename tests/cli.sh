#!/usr/bin/env bash
# End-to-end tests of the command line: stdout, stderr and exit code of every case, once with the native
# chiwawa and once with chiwawa.wasm under Node.js (tools/chiwawa).
#   tests/cli.sh [NATIVE_BUILD_DIR]   (default build/native; ctest passes its own)
# The guests come from NATIVE_BUILD_DIR/tests/guests; chiwawa.wasm from build/wasm or $CHIWAWA_WASM.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${1:-$root/build/native}" && pwd) || exit 2
guests=$build/tests/guests
wasm=${CHIWAWA_WASM:-$root/build/wasm/chiwawa.wasm}
[[ -f $guests/fib.wasm ]] || { echo "cli.sh: no guests in $guests: build first (tools/build)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Modules the build cannot make: not wasm at all, cut short, and well-formed but ill-typed
# (a function declared to return i32 whose body is empty).
printf 'definitely not wasm' >"$tmp/garbage.wasm"
printf '\0asm\1\0\0\0\1\5\1\x60' >"$tmp/truncated.wasm"
printf '\0asm\1\0\0\0\1\5\1\x60\0\1\x7f\3\2\1\0\n\4\1\2\0\v' >"$tmp/invalid.wasm"

passed=0 failed=0

# matches TEXT EXPECTED: equal, or when EXPECTED ends in '*', starts with the rest of it.
matches() {
    if [[ $2 == *'*' ]]; then [[ $1 == "${2%\*}"* ]]; else [[ $1 == "$2" ]]; fi
}

# check CODE STDOUT STDERR ARGS...: runs $chiwawa ARGS and compares the three with `matches`.
check() {
    local code=$1 out=$2 err=$3 got_out got_err got_code
    shift 3
    got_out=$("${chiwawa[@]}" "$@" 2>"$tmp/stderr")
    got_code=$?
    got_err=$(<"$tmp/stderr")
    if [[ $got_code == "$code" ]] && matches "$got_out" "$out" && matches "$got_err" "$err"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        printf 'FAIL (%s): chiwawa %s\n' "$flavour" "$*"
        printf '  exit   %s, expected %s\n  stdout %q\n  expect %q\n  stderr %q\n  expect %q\n' \
            "$got_code" "$code" "$got_out" "$out" "$got_err" "$err"
    fi
}

cases() {
    cd "$guests" || exit 2
    check 0 "chiwawa 0.1.0" "" --version
    check 0 "usage: chiwawa FILE.wasm*" "" --help
    check 2 "" "usage: chiwawa FILE.wasm*"
    check 2 "" "chiwawa: unknown option '--bogus' (see chiwawa --help)" fib.wasm --bogus
    check 2 "" "chiwawa: --invoke needs a value" fib.wasm --invoke

    # Paths: relative, absolute, through "..".
    check 0 "I64(6765)" "" fib.wasm --invoke fib --params "I64(20)"
    check 0 "I64(55)" "" "$guests/fib.wasm" --invoke fib --params "I64(10)"
    check 0 "I64(1)" "" ../guests/fib.wasm --invoke fib --params " I64( 1 ) "

    # Arguments.
    check 2 "" "chiwawa: fib: expected 1 parameter (I64), got 2" fib.wasm --invoke fib --params "I64(1), I64(2)"
    check 2 "" "chiwawa: fib: expected 1 parameter (I64), got 0" fib.wasm --invoke fib
    check 2 "" "chiwawa: fib: parameter 1 is I32, expected I64" fib.wasm --invoke fib --params "I32(1)"
    check 2 "" "chiwawa: --params: bad value 'I64(abc)': not an integer" fib.wasm --invoke fib --params "I64(abc)"
    check 2 "" "chiwawa: --params: bad value 'X(1)': unknown type*" fib.wasm --invoke fib --params "X(1)"

    # Exports and imports.
    check 2 "" "chiwawa: fib.wasm: unknown export 'nope'" fib.wasm --invoke nope
    check 2 "" "chiwawa: fib.wasm: export 'memory' is a memory, not a function" fib.wasm --invoke memory
    check 2 "" "chiwawa: values.wasm: export 'answer' is a global, not a function" values.wasm --invoke answer
    check 2 "" "chiwawa: fib.wasm: no _start function; choose one with --invoke NAME" fib.wasm
    check 0 "" "" start.wasm
    check 2 "" "chiwawa: imports.wasm: unknown import env.log" imports.wasm --invoke run

    # Files and modules that cannot be loaded.
    check 2 "" "chiwawa: missing.wasm: No such file or directory" missing.wasm
    check 2 "" "chiwawa: $tmp/garbage.wasm: malformed module: *" "$tmp/garbage.wasm"
    check 2 "" "chiwawa: $tmp/truncated.wasm: malformed module: *" "$tmp/truncated.wasm"
    check 2 "" "chiwawa: $tmp/invalid.wasm: invalid module: *" "$tmp/invalid.wasm"

    # Traps.
    check 1 "" "trap: unreachable" trap.wasm --invoke boom
    check 1 "" "trap: integer divide by zero" trap.wasm --invoke divide --params "I32(1), I32(0)"
    check 0 "I32(-3)" "" trap.wasm --invoke divide --params "I32(-7), I32(2)"
    check 1 "" "trap: unreachable" start_trap.wasm --invoke f
    check 1 "" "trap: *" start.wasm --invoke recurse

    # Values that only exact printing gets right.
    check 0 "F32(2)" "" values.wasm --invoke add_f32 --params "F32(1.5), F32(0x1p-1)"
    check 0 "F32(nan:0x200000)" "" values.wasm --invoke nan_payload
    check 0 "F64(-nan:0x8000000000000)" "" values.wasm --invoke neg_nan
    check 0 "F64(-0)" "" values.wasm --invoke neg_zero
    check 0 "F64(5e-324)" "" values.wasm --invoke tiny
    check 0 "I32(2141192193)" "" values.wasm --invoke f32_bits --params "F32(nan:0x200001)"
    check 0 $'I32(3)\nI32(2)' "" values.wasm --invoke divmod --params "I32(17), I32(5)"

    # Fused ops keep Wasm's semantics (fused.wat).
    check 0 "I32(42)" "" fused.wasm --invoke load_add --params "I32(-16)"
    check 1 "" "trap: out of bounds memory access" fused.wasm --invoke load_add --params "I32(65520)"
    check 0 "I32(7)" "" fused.wasm --invoke load_sub --params "I32(24)"
    check 1 "" "trap: out of bounds memory access" fused.wasm --invoke load_sub --params "I32(4)"
    check 0 "I32(142)" "" fused.wasm --invoke load_set --params "I32(0)"
    check 0 "I32(5)" "" fused.wasm --invoke branch_set --params "I32(1)"
    check 0 "I32(42)" "" fused.wasm --invoke branch_set --params "I32(0)"
    check 0 $'F64(0.1)\nI64(-1)' "" values.wasm --invoke swap --params "I64(0xffffffffffffffff), F64(0.1)"
    check 0 $'I32(-2147483648)\nI64(-9223372036854775808)' "" values.wasm --invoke min_ints
    check 0 $'FuncRef(null)\nExternRef(null)' "" values.wasm --invoke nulls
}

flavour=native chiwawa=("$build/chiwawa")
cases
if [[ -f $wasm ]]; then
    flavour=wasm chiwawa=(env CHIWAWA_WASM="$wasm" "$root/tools/chiwawa")
    cases
else
    echo "cli.sh: $wasm not built: skipping the wasm flavour" >&2
fi
echo "cli: $passed passed, $failed failed"
[[ $failed == 0 ]]
