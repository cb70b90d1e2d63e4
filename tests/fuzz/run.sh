#!/usr/bin/env bash
# Fuzzes chiwawa: builds build/fuzz (clang-16, -DCW_FUZZ=ON: ASan, UBSan and libFuzzer), then runs each
# harness for SECONDS (default 60), CW_FUZZ_JOBS (default 2) at a time, and fails if any of them finds
# a crash, a leak, a sanitizer report, a timeout or an out-of-memory.
#   tests/fuzz/run.sh [SECONDS] [HARNESS...]     harnesses: module run params checkpoint (default all)
# Corpora grow in build/fuzz/corpus/HARNESS from run to run. Seeds: the spec suite's modules
# (build/spec/*/*.wasm, made by spec-tests/run), the test guests, checkpoints written here by chiwawa,
# and tests/fuzz/regressions/HARNESS. A failing input is saved in build/fuzz/artifacts/HARNESS/: once
# fixed, copy it into tests/fuzz/regressions/HARNESS/, where ctest replays it in every build.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
seconds=${1:-60}
shift $(($# ? 1 : 0))
harnesses=("$@")
((${#harnesses[@]})) || harnesses=(module run params checkpoint)
[[ $seconds =~ ^[0-9]+$ ]] || { echo "usage: tests/fuzz/run.sh [SECONDS] [HARNESS...]" >&2; exit 2; }
build=$root/build/fuzz
jobs=${CW_FUZZ_JOBS:-2}

mkdir -p "$build"
"$root/tools/build" fuzz >"$build/build.log" 2>&1 || { tail -20 "$build/build.log"; exit 2; }

# Seeds, made afresh each time (the corpora keep what the fuzzers found).
seeds=$build/seeds
rm -rf "$seeds"
mkdir -p "$seeds/module" "$seeds/params" "$seeds/checkpoint" "$build/logs"
find "$root/build/spec" "$build/tests/guests" "$build/tests/wasi" -name '*.wasm' -size -64k 2>/dev/null |
    while read -r f; do cp "$f" "$seeds/module/$(basename "$(dirname "$f")")-$(basename "$f")"; done
i=0
for v in "I32(1), I64(-2)" "F32(1.5), F64(0x1.8p+3), F64(-inf)" "F32(nan:0x200000), F64(-nan:0x8000000000000)" \
    "V128(i32x4 1 2 3 4)" "V128(f32x4 1.5 -0 inf nan)" "V128(0x00000004000000030000000200000001)" \
    "FuncRef(null), ExternRef(null)" "I64(0xffffffffffffffff), F64(5e-324)" " I32( -2147483648 ) "; do
    printf '%s' "$v" >"$seeds/params/$((i++))"
done
# Checkpoints of the checkpoint harness's guest, stopped at various safe points.
(
    cd "$seeds/checkpoint" || exit 2
    for n in 1 2 3 17 100 1000 5000; do
        touch checkpoint.trigger
        "$build/chiwawa" "$build/tests/fuzz/checkpoint_guest.wasm" --cr --cr-interval $n --cr-out "at-$n.bin" >/dev/null 2>&1
    done
    rm -f checkpoint.trigger data.txt
)

# fuzz HARNESS: runs it for $seconds; its log is build/fuzz/logs/HARNESS.log.
fuzz() {
    local h=$1 corpus=$build/corpus/$1 seed=$seeds/$1
    [[ $h == run ]] && seed=$seeds/module
    mkdir -p "$corpus" "$build/artifacts/$h"
    "$build/tests/fuzz/fuzz-$h" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$build/artifacts/$h/" "$corpus" "$seed" "$root/tests/fuzz/regressions/$h" \
        >"$build/logs/$h.log" 2>&1
}

declare -A pid
for h in "${harnesses[@]}"; do
    while (($(jobs -rp | wc -l) >= jobs)); do wait -n; done
    fuzz "$h" &
    pid[$h]=$!
done
failed=0
for h in "${harnesses[@]}"; do
    wait "${pid[$h]}"
    status=$?
    log=$build/logs/$h.log
    runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$')
    printf 'fuzz %-10s %s executions, corpus %s inputs' "$h" "${runs:-?}" "$(find "$build/corpus/$h" -type f | wc -l)"
    if ((status)); then
        failed=1
        printf ': FAILED (status %s), see %s\n' "$status" "$log"
        grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|artifact_prefix|Test unit written)' "$log" | head -8
    else
        echo
    fi
done
exit $failed
