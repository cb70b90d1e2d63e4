#!/usr/bin/env bash
# Trace benchmark, side by side in one run on the bench guests (native chiwawa):
#   - guest time of the normal build without --trace vs a build with no trace code at all
#     (-DCW_NO_TRACE, built here into build/notrace): the untraced loop must pay nothing;
#   - the cost of one traced event (--trace, every instruction, pc, to /dev/null).
#   bench/trace.sh [--runs N]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=5
[[ ${1:-} == --runs ]] && runs=$2
cmake -S "$root" -B "$root/build/notrace" -DCW_NO_TRACE=ON >/dev/null
cmake --build "$root/build/notrace" -j2 --target chiwawa >/dev/null
with=$root/build/native/chiwawa without=$root/build/notrace/chiwawa
guests=$root/build/native/bench/guests quick=$root/build/native/bench/guests-quick
now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf '%-11s %14s %16s %8s %14s %12s %10s\n' guest with_trace_ms no_trace_code_ms ratio traced_events traced_ms ns/event
ratios=()
for g in fib sieve matmul hash quicksort nbody mandelbrot jsonish; do
    a=() b=()
    for ((r = 0; r < runs; r++)); do # alternate the two builds
        t=$(now); "$with" "$guests/$g.wasm" --invoke run >/dev/null; a+=($(($(now) - t)))
        t=$(now); "$without" "$guests/$g.wasm" --invoke run >/dev/null; b+=($(($(now) - t)))
    done
    ma=$(printf '%s\n' "${a[@]}" | median) mb=$(printf '%s\n' "${b[@]}" | median)
    ratios+=("$(awk -v a="$ma" -v b="$mb" 'BEGIN {print a / b}')")
    # Per-event cost on the quick guest (1/20 of the work): traced minus untraced time, per event.
    t=$(now); "$with" "$quick/$g.wasm" --invoke run >/dev/null; plain=$(($(now) - t))
    t=$(now); events=$("$with" "$quick/$g.wasm" --invoke run --trace --trace-out /dev/stdout | wc -l); traced=$(($(now) - t))
    printf '%-11s %14.0f %16.0f %8.3f %14s %12.0f %10.1f\n' "$g" "$(awk -v x="$ma" 'BEGIN {print x / 1e6}')" \
        "$(awk -v x="$mb" 'BEGIN {print x / 1e6}')" "${ratios[-1]}" "$events" \
        "$(awk -v x="$traced" 'BEGIN {print x / 1e6}')" "$(awk -v t="$traced" -v p="$plain" -v e="$events" 'BEGIN {print (t - p) / e}')"
done
printf '%s\n' "${ratios[@]}" | awk '{s += log($1); n++} END {printf "with trace code (not tracing) / without trace code, geometric mean: %.3f\n", exp(s / n)}'
