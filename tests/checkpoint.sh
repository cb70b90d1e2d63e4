#!/usr/bin/env bash
# Checkpoint/restore end to end: a run checkpointed at a fixed safe point (the trigger exists from
# the start, so the stop is deterministic) and restored on each host gives the uninterrupted result;
# damaged or mismatched checkpoints are refused with status 2.
#   tests/checkpoint.sh [NATIVE_BUILD_DIR]
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${1:-$root/build/native}" && pwd) || exit 2
native=$build/chiwawa
wasm=${CHIWAWA_WASM:-$root/build/wasm/chiwawa.wasm}
guest=$build/tests/guests/recursion_loop.wasm
other=$build/tests/guests/fib.wasm
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2
. "$root/tests/hosts.sh"
hosts=(native node nested)
args=(--invoke run --params "I32(20000)")
expected=$("$native" "$guest" "${args[@]}")
for from in "${hosts[@]}"; do
    for to in "${hosts[@]}"; do
        rm -f checkpoint.bin
        touch checkpoint.trigger
        host "$from" "$guest" "${args[@]}" --cr --cr-interval 5000 2>/dev/null
        check "$from checkpoint exit status" 75 "$?"
        check "$from removes the trigger" absent "$([[ -e checkpoint.trigger ]] && echo present || echo absent)"
        check "$from -> $to restore" "$expected" "$(host "$to" "$guest" --restore checkpoint.bin)"
    done
done

# Three checkpoints in a row, alternating hosts.
touch checkpoint.trigger
host native "$guest" "${args[@]}" --cr --cr-interval 3000 2>/dev/null
for h in node native; do
    touch checkpoint.trigger
    host "$h" "$guest" --restore checkpoint.bin --cr --cr-interval 3000 2>/dev/null
    check "re-checkpoint on $h" 75 "$?"
done
check "three checkpoints then restore" "$expected" "$(host node "$guest" --restore checkpoint.bin)"

# Refused checkpoints: one line on stderr, status 2, for every host.
cp checkpoint.bin good.bin
head -c 100 good.bin > truncated.bin
cp good.bin corrupt.bin
printf '\xff' | dd of=corrupt.bin bs=1 seek=60 conv=notrunc 2>/dev/null
for h in "${hosts[@]}"; do
    for bad in truncated.bin corrupt.bin missing.bin; do
        err=$(host "$h" "$guest" --restore "$bad" 2>&1 >/dev/null)
        check "$h refuses $bad" "2 1" "$? $(printf '%s\n' "$err" | wc -l)"
    done
    host "$h" "$other" --restore good.bin >/dev/null 2>&1
    check "$h refuses another module's checkpoint" 2 "$?"
done
echo "checkpoint: $pass passed, $fail failed"
((fail == 0))
