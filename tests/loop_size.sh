#!/usr/bin/env bash
# The interpreter loop of chiwawa.wasm (run_plain) must stay small enough for V8 to optimise it with its
# full register allocator: past a size limit (between 41.7 and 42.9 KB of wasm for this loop, Node.js 20)
# TurboFan falls back to its mid-tier allocator and every guest runs ~40% slower. The test optimises
# the loop twice, as V8 chooses and with the fallback disabled, and fails if the machine code differs.
#   tests/loop_size.sh [NATIVE_BUILD_DIR]
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${1:-$root/build/native}" && pwd) || exit 2
wasm=${CHIWAWA_WASM:-$root/build/wasm/chiwawa.wasm}
guest=$build/bench/guests-quick/fib.wasm
[[ -f $wasm && -f $guest ]] || { echo "loop_size: needs $wasm and $guest"; exit 1; }
index=$(wasm-objdump -x "$wasm" | sed -n 's/^ - func\[\([0-9]*\)\] size=[0-9]* <run_plain>$/\1/p')
size=$(wasm-objdump -x "$wasm" | sed -n 's/^ - func\[[0-9]*\] size=\([0-9]*\) <run_plain>$/\1/p')
[[ $index ]] || { echo "loop_size: no run_plain in $wasm"; exit 1; }

# optimised [NODE_FLAGS...]: "codesize N" of run_plain's TurboFan compile while running the guest.
optimised() {
    node --no-warnings --trace-wasm-compilation-times "$@" "$root/tools/chiwawa-node.mjs" "$wasm" "$guest" \
        --invoke run 2>&1 | grep -o "#$index using TurboFan.*codesize [0-9]*" | grep -o 'codesize [0-9]*'
}
chosen=$(optimised)
full=$(optimised --no-turbo-use-mid-tier-regalloc-for-huge-functions)
echo "run_plain: $size bytes of wasm; optimised as V8 chooses: ${chosen:-none}; with the full allocator: ${full:-none}"
if [[ -n $chosen && $chosen == "$full" ]]; then
    echo "loop_size: passed"
else
    echo "loop_size: FAILED: V8 did not use its full register allocator for run_plain (too big?)"
    exit 1
fi
