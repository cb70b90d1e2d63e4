#!/usr/bin/env bash
# v128 at the edges of the runtime: --params and results in V128 syntax, and checkpoints that carry
# v128 globals, locals, call arguments and operands between hosts (tests/guests/simd_state.wat).
#   tests/simd.sh [NATIVE_BUILD_DIR]
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${1:-$root/build/native}" && pwd) || exit 2
native=$build/chiwawa
wasm=${CHIWAWA_WASM:-$root/build/wasm/chiwawa.wasm}
guest=$build/tests/guests/simd_state.wasm
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2
pass=0 fail=0
check() { # NAME EXPECTED ACTUAL
    if [[ $2 == "$3" ]]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL $1: expected [$2], got [$3]"; fi
}
host() { # HOST ARGS...
    local h=$1; shift
    case $h in
    native) "$native" "$@" ;;
    node) CHIWAWA_WASM=$wasm "$root/tools/chiwawa" "$@" ;;
    esac
}
hosts=(native node)

for h in "${hosts[@]}"; do
    check "$h swap" "V128(0x80000000000000003ff8000000000000)
V128(0x00000004000000030000000200000001)" \
        "$(host "$h" "$guest" --invoke swap --params 'V128(i32x4 1 2 3 4), V128(f64x2 1.5 -0)')"
    check "$h lanes" "I32(-65)
I64(-4647714814368415744)
F32(1.5)
F64(2.000000474974513)" "$(host "$h" "$guest" --invoke lanes --params 'V128(f32x4 1.5 2 3 -1)')"
    check "$h lane count" 2 "$(host "$h" "$guest" --invoke lanes --params 'V128(f32x4 1.5 2 3)' 2>/dev/null; echo $?)"
done

args=(--invoke run --params "I32(20000)")
expected=$("$native" "$guest" "${args[@]}")
check "node run" "$expected" "$(host node "$guest" "${args[@]}")"
# Two stops: at the loop header (a v128 operand on the stack) and at the callee's entry (a frame below).
for interval in 5000 5001; do
    for from in "${hosts[@]}"; do
        for to in "${hosts[@]}"; do
            rm -f checkpoint.bin
            touch checkpoint.trigger
            host "$from" "$guest" "${args[@]}" --cr --cr-interval $interval 2>/dev/null
            check "$from checkpoint ($interval)" 75 "$?"
            check "$from -> $to restore ($interval)" "$expected" "$(host "$to" "$guest" --restore checkpoint.bin 2>/dev/null)"
        done
    done
done
echo "simd: $pass passed, $fail failed"
((fail == 0))
