#!/usr/bin/env bash
# Resource limits end to end, natively and as chiwawa.wasm under Node.js: --max-memory, --max-stack and
# --fuel each give their error; a 1,000,000-deep recursion ends in "call stack exhausted", not a crash;
# a guest holding all the memory it may can still be checkpointed and restored; and modules built to
# make the decoder allocate gigabytes or work for hours are refused at once.
#   tests/limits.sh [NATIVE_BUILD_DIR]
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${1:-$root/build/native}" && pwd) || exit 2
native=$build/chiwawa
wasm=${CHIWAWA_WASM:-$root/build/wasm/chiwawa.wasm}
guest=$build/tests/guests/limits.wasm
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2
. "$root/tests/hosts.sh"
hosts=(native)
if [[ -f $wasm ]]; then hosts+=(node); else echo "limits.sh: $wasm not built: native only" >&2; fi

# outcome HOST ARGS...: "STATUS|STDOUT|STDERR" of chiwawa ARGS on HOST.
outcome() {
    local out err status
    out=$(host "$@" 2>"$work/stderr")
    status=$?
    err=$(<"$work/stderr")
    echo "$status|$out|$err"
}

# leb N: N as unsigned LEB128 bytes.
leb() {
    local n=$1
    while ((n >= 128)); do printf "\\x$(printf %02x $((n & 127 | 128)))"; n=$((n >> 7)); done
    printf "\\x$(printf %02x "$n")"
}
# section ID FILE: a section with FILE's bytes as its contents.
section() { printf "\\x$(printf %02x "$1")"; leb "$(stat -c %s "$2")"; cat "$2"; }

# 5000 functions of 50000 locals each in 36 KB: 250M locals, gigabytes had each been allocated.
n=5000
{ leb $n; for ((i = 0; i < n; i++)); do printf '\0'; done; } >funcs
{ leb $n; for ((i = 0; i < n; i++)); do printf '\6\1\xd0\x86\3\x7f\v'; done; } >code
{ printf '\1\x60\0\0' >types; printf '\0asm\1\0\0\0'; section 1 types; section 3 funcs; section 10 code; } >locals.wasm
# 100000 exports whose last repeats the first: once a quadratic check, many seconds.
n=100000
{
    leb $n
    for ((i = 0; i < n - 1; i++)); do printf '\5%05d\0\0' $i; done
    printf '\00500000\0\0'
} >exports
{ printf '\1\x60\0\0' >types; printf '\1\0' >funcs1; printf '\1\2\0\v' >code1
  printf '\0asm\1\0\0\0'; section 1 types; section 3 funcs1; section 7 exports; section 10 code1; } >exports.wasm

for h in "${hosts[@]}"; do
    # --max-memory: memory.grow returns -1 at the limit; a module needing more is refused.
    check "$h grow to 1M" "0|I32(16)|" "$(outcome "$h" "$guest" --invoke grow --max-memory 1M)"
    check "$h grow to 100000 bytes" "0|I32(1)|" "$(outcome "$h" "$guest" --invoke grow --max-memory 100000)"
    check "$h memory over the limit" \
        "2||chiwawa: $guest: memory limit exceeded: 1 pages (64 KiB) needed, 32 KiB allowed" \
        "$(outcome "$h" "$guest" --invoke grow --max-memory 32K)"
    check "$h bad --max-memory" "2||chiwawa: --max-memory: '1T' is not a size (bytes, or a number with K, M or G)" \
        "$(outcome "$h" "$guest" --invoke grow --max-memory 1T)"

    # --max-stack, and the default against a 1,000,000-deep recursion.
    check "$h depth 1000 in 1000 frames" "1||trap: call stack exhausted" \
        "$(outcome "$h" "$guest" --invoke recurse --params "I32(1000)" --max-stack 1000)"
    check "$h depth 1000 in 1001 frames" "0|I32(1000)|" \
        "$(outcome "$h" "$guest" --invoke recurse --params "I32(1000)" --max-stack 1001)"
    check "$h 1,000,000-deep recursion" "1||trap: call stack exhausted" \
        "$(outcome "$h" "$guest" --invoke recurse --params "I32(1000000)")"
    check "$h 1,000,000-deep recursion, allowed" "0|I32(1000000)|" \
        "$(outcome "$h" "$guest" --invoke recurse --params "I32(1000000)" --max-stack 1000001)"
    check "$h bad --max-stack" "2||chiwawa: --max-stack: '0' is not a count from 1 to 4294967295" \
        "$(outcome "$h" "$guest" --invoke recurse --params "I32(1)" --max-stack 0)"

    # --fuel: count(n) needs n + 1 units, exactly; a start function and a WASI program spend it too.
    check "$h fuel enough" "0|I32(1000)|" "$(outcome "$h" "$guest" --invoke count --params "I32(1000)" --fuel 1001)"
    check "$h fuel one short" "1||trap: fuel exhausted" \
        "$(outcome "$h" "$guest" --invoke count --params "I32(1000)" --fuel 1000)"
    check "$h fuel beyond 2^32" "0|I32(10)|" \
        "$(outcome "$h" "$guest" --invoke count --params "I32(10)" --fuel 18446744073709551614)"
    check "$h fuel in a start function" "1||trap: fuel exhausted" \
        "$(outcome "$h" "$build/tests/guests/spin_start.wasm" --invoke f --fuel 100000)"
    check "$h fuel in a WASI program" "134||trap: fuel exhausted" \
        "$(outcome "$h" "$build/tests/wasi/exit0.wasm" --fuel 10)"
    check "$h bad --fuel" "2||chiwawa: --fuel: '-1' is not a count from 0 to 18446744073709551614" \
        "$(outcome "$h" "$guest" --invoke count --params "I32(1)" --fuel -1)"
    # Fuel is counted exactly across a checkpoint: stopped after 30000 units, the rest needs 70001.
    touch checkpoint.trigger
    check "$h fuel and checkpoint" 75 "$(host "$h" "$guest" --invoke count --params "I32(100000)" --fuel 100001 \
        --cr --cr-interval 30000 2>/dev/null; echo $?)"
    check "$h fuel after restore" "0|I32(100000)|" "$(outcome "$h" "$guest" --restore checkpoint.bin --fuel 70001 2>&1 |
        sed 's/|chiwawa: restored.*/|/')"
    check "$h fuel after restore, one short" "1|" "$(host "$h" "$guest" --restore checkpoint.bin --fuel 70000 \
        >/dev/null 2>&1; echo "$?|")"

    # All the memory it may (64 MiB), then a checkpoint in the middle of using it, then a restore.
    args=(--invoke hog --params "I32(2000)" --max-memory 64M)
    touch checkpoint.trigger
    check "$h checkpoint at the memory limit" 75 "$(host "$h" "$guest" "${args[@]}" --cr --cr-interval 500000 \
        2>/dev/null; echo $?)"
    check "$h restore at the memory limit" "I64(1047552000)" "$(host "$h" "$guest" --restore checkpoint.bin \
        --max-memory 64M 2>/dev/null)"
    check "$h restore needs its memory" 2 "$(host "$h" "$guest" --restore checkpoint.bin --max-memory 32M \
        >/dev/null 2>&1; echo $?)"

    # Decoding stays small and quick.
    check "$h too many locals" "2||chiwawa: locals.wasm: malformed module: too many locals" \
        "$(outcome "$h" locals.wasm)"
    check "$h 100000 exports, one repeated" "2||chiwawa: exports.wasm: invalid module: duplicate export name" \
        "$(outcome "$h" exports.wasm)"
done
# The footprint of the locals bomb (at most 16M locals at 5 bytes are decoded; before the cap, 1.25 GB).
rss=$(command time -f %M "$native" locals.wasm 2>&1 >/dev/null | tail -1)
check "too many locals: under 250 MB" yes "$( ((rss < 250000)) && echo yes || echo "no ($rss KB)")"
echo "limits: $pass passed, $fail failed"
((fail == 0))
