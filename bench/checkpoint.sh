#!/usr/bin/env bash
# Checkpoint benchmark: for guests touching 1, 64 and 512 MiB, on each host, side by side:
#   - guest time with --cr (trigger never appears) vs without, medians of alternating runs;
#   - time from creating the trigger to the process having written the checkpoint and exited;
#   - checkpoint size vs touched memory; time to restore (as reported by chiwawa).
#   bench/checkpoint.sh [--quick] [--runs N] [NATIVE_BUILD_DIR]
# --quick: 1 MiB only, one run each, for CI (checks the results, no timing claims).
# --runs N: runs of each kind per size and host (default 7); cr/plain is the median of the ratios of
# back-to-back pairs, so slow drifts of the machine cancel out.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
quick=0 runs=7
while (($#)); do
    case $1 in
    --quick) quick=1; shift ;;
    --runs) runs=$2; shift 2 ;;
    *) break ;;
    esac
done
build=$(cd "${1:-$root/build/native}" && pwd)
guest=$build/bench/guests/memtouch.wasm
wasm=$root/build/wasm/chiwawa.wasm
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

host() { # HOST ARGS...
    local h=$1; shift
    case $h in
    native) "$build/chiwawa" "$@" ;;
    node) node "$root/tools/chiwawa-node.mjs" "$wasm" "$@" ;;
    esac
}
now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ms() { awk -v ns="$1" 'BEGIN {printf "%.0f", ns / 1e6}'; }

sizes=(1 64 512) rounds=(2000 10 1)
((quick)) && sizes=(1) rounds=(20) runs=1
printf '%-7s %6s %10s %10s %8s %12s %14s %12s %11s\n' host MiB plain_ms cr_ms cr/plain* trigger_ms checkpoint_MB touched_MB restore_ms
ratios=()
for h in native node; do
    for i in "${!sizes[@]}"; do
        mib=${sizes[$i]} args=(--invoke run --params "I32(${sizes[$i]}), I32(${rounds[$i]})")
        expected=$(host "$h" "$guest" "${args[@]}")
        plain=() cr=() pair=()
        for ((r = 0; r < runs; r++)); do # alternating which goes first
            for kind in $( ((r % 2)) && echo "cr plain" || echo "plain cr"); do
                t=$(now)
                if [[ $kind == plain ]]; then
                    host "$h" "$guest" "${args[@]}" >/dev/null; plain+=($(($(now) - t)))
                else
                    out=$(host "$h" "$guest" "${args[@]}" --cr); cr+=($(($(now) - t)))
                    [[ $out == "$expected" ]] || { echo "wrong result with --cr: $out vs $expected" >&2; exit 1; }
                fi
            done
            pair+=("$(awk -v c="${cr[r]}" -v p="${plain[r]}" 'BEGIN {print c / p}')")
        done
        p=$(printf '%s\n' "${plain[@]}" | median) c=$(printf '%s\n' "${cr[@]}" | median)
        ratio=$(printf '%s\n' "${pair[@]}" | median)
        ratios+=("$ratio")
        # Trigger half-way through the run; the process exits (status 75) once the file is written.
        # (--quick runs are too short to aim at: the trigger is there from the start.)
        rm -f checkpoint.bin
        ((quick)) && touch checkpoint.trigger
        host "$h" "$guest" "${args[@]}" --cr $( ((quick)) && echo --cr-interval 1000) >/dev/null 2>&1 &
        pid=$!
        ((quick)) || sleep "$(awk -v p="$p" 'BEGIN {print p / 2e9}')"
        t=$(now); touch checkpoint.trigger
        wait $pid && status=0 || status=$?
        trig=$(($(now) - t))
        [[ $status == 75 ]] || { echo "$h: expected exit 75 after the trigger, got $status" >&2; exit 1; }
        size=$(stat -c %s checkpoint.bin)
        restored=$(host "$h" "$guest" --restore checkpoint.bin 2>restore.err)
        [[ $restored == "$expected" ]] || { echo "$h: restored run gave $restored, expected $expected" >&2; exit 1; }
        rms=$(sed -n 's/.*restored .* bytes, \([0-9.]*\) ms).*/\1/p' restore.err)
        printf '%-7s %6s %10s %10s %8.3f %12s %14.1f %12s %11s\n' "$h" "$mib" "$(ms "$p")" "$(ms "$c")" \
            "$ratio" "$(ms "$trig")" \
            "$(awk -v s="$size" 'BEGIN {print s / 1048576}')" "$mib" "$rms"
    done
done
echo "(*: median over $runs back-to-back pairs of the ratio --cr / plain)"
printf '%s\n' "${ratios[@]}" | awk '{s += log($1); n++} END {printf "--cr / plain, geometric mean over %d guests: %.3f\n", n, exp(s / n)}'
