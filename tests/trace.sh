#!/usr/bin/env bash
# Traces are host-neutral: the same guest traced natively, as chiwawa.wasm under Node.js and as
# chiwawa.wasm inside native chiwawa gives byte-identical traces; a checkpointed and restored run's
# two halves concatenate to the uninterrupted trace; Chrome output is valid trace-event JSON.
#   tests/trace.sh [NATIVE_BUILD_DIR]
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${1:-$root/build/native}" && pwd) || exit 2
native=$build/chiwawa
wasm=${CHIWAWA_WASM:-$root/build/wasm/chiwawa.wasm}
guests=$build/tests/guests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2
. "$root/tests/hosts.sh"
cp "$guests"/*.wasm .

cases=(
    "fib.wasm --invoke fib --params I64(12) --trace --trace-events all --trace-resource pc,stack,locals"
    "recursion_loop.wasm --invoke run --params I32(40) --trace --trace-events call,branch,load,store --trace-resource pc,memory,globals"
    "values.wasm --invoke swap --params I64(-5),F64(nan:0x4) --trace --trace-resource pc,stack"
)
for i in "${!cases[@]}"; do
    read -ra args <<<"${cases[$i]}"
    host native "${args[@]}" --trace-out native.$i.jsonl >/dev/null 2>&1
    check "case $i traced natively" yes "$([[ -s native.$i.jsonl ]] && echo yes)"
    for h in node nested; do
        host "$h" "${args[@]}" --trace-out "$h.$i.jsonl" >/dev/null 2>&1
        check "case $i: $h trace equals native" same "$(cmp -s native.$i.jsonl "$h.$i.jsonl" && echo same)"
    done
done

# Checkpoint in the middle (deterministic: the trigger exists from the start) and restore elsewhere.
run=(recursion_loop.wasm --invoke run --params "I32(300)" --trace --trace-events all --trace-resource pc,stack)
host native "${run[@]}" --trace-out whole.jsonl >/dev/null 2>&1
for pair in "native node" "node native"; do
    read -r from to <<<"$pair"
    touch checkpoint.trigger
    host "$from" "${run[@]}" --trace-out first.jsonl --cr --cr-interval 500 >/dev/null 2>&1
    host "$to" recursion_loop.wasm --restore checkpoint.bin --trace --trace-events all --trace-resource pc,stack \
        --trace-out second.jsonl >/dev/null 2>&1
    check "$from -> $to: halves concatenate to the whole trace" same \
        "$(cat first.jsonl second.jsonl | cmp -s - whole.jsonl && echo same)"
    check "$from -> $to: the first half is a proper part" yes "$([[ -s first.jsonl && -s second.jsonl ]] && echo yes)"
done

# Chrome trace events: valid JSON, B/E balanced, timestamps non-decreasing.
host node fib.wasm --invoke fib --params "I64(10)" --trace --trace-events call --trace-format chrome \
    --trace-out fib.trace.json >/dev/null 2>&1
check "chrome trace is valid trace-event JSON" ok "$(node -e '
const t = JSON.parse(require("fs").readFileSync("fib.trace.json", "utf8"));
let depth = 0, last = 0, ok = Array.isArray(t.traceEvents) && t.traceEvents.length > 0;
for (const e of t.traceEvents) {
  ok = ok && typeof e.name === "string" && (e.ph === "B" || e.ph === "E") && Number.isInteger(e.ts) && e.ts >= last
     && e.pid === 1 && e.tid === 1;
  last = e.ts; depth += e.ph === "B" ? 1 : -1; ok = ok && depth >= 0;
}
console.log(ok && depth === 0 ? "ok" : "bad");')"

# Narrowing and bad options.
host native fib.wasm --invoke fib --params "I64(8)" --trace --trace-limit 5 --trace-out limited.jsonl >/dev/null 2>&1
check "--trace-limit" 5 "$(wc -l <limited.jsonl)"
host native recursion_loop.wasm --invoke run --params "I32(3)" --trace --trace-func 1 --trace-resource pc \
    --trace-out func.jsonl >/dev/null 2>&1
check "--trace-func keeps one function" '"func":1' "$(grep -o '"func":[0-9]*' func.jsonl | sort -u)"
for bad in "--trace-events calls" "--trace-resource pcs" "--trace-format xml" "--trace-func nosuch"; do
    read -ra b <<<"$bad"
    host native fib.wasm --invoke fib --params "I64(3)" --trace "${b[@]}" >/dev/null 2>err
    check "rejects $bad" "2 1" "$? $(wc -l <err)"
done
echo "trace: $pass passed, $fail failed"
((fail == 0))
