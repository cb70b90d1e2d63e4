#!/usr/bin/env bash
# Migration matrix for a WASI job (tests/migrate/job.c: recursion, function pointers, growing memory,
# a log file, stdout): checkpoint under each host, restore under each host; the concatenated stdout,
# the log file and the exit code must equal the uninterrupted run's. Then one run checkpointed three
# times in a row on different hosts. Hosts: native chiwawa, chiwawa.wasm under Node.js, and
# chiwawa.wasm inside native chiwawa. The trigger exists from the start and --cr-interval fixes the
# safe point, so every run stops at the same place.
#   tests/migrate.sh [NATIVE_BUILD_DIR]
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${1:-$root/build/native}" && pwd) || exit 2
native=$build/chiwawa
wasm=${CHIWAWA_WASM:-$root/build/wasm/chiwawa.wasm}
job=$build/tests/migrate/job.wasm
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2
. "$root/tests/hosts.sh"
iterations=60000 interval=1500000
"$native" "$job" --app-args "$iterations" >full.out
check "uninterrupted exit status" 3 "$?"
mv job.log full.log

hosts=(native node nested)
for from in "${hosts[@]}"; do
    for to in "${hosts[@]}"; do
        rm -f job.log checkpoint.bin
        touch checkpoint.trigger
        host "$from" "$job" --app-args "$iterations" --cr --cr-interval "$interval" >a.out 2>a.err
        check "$from: stops after the checkpoint" 75 "$?"
        host "$to" "$job" --restore checkpoint.bin >b.out 2>b.err
        check "$from -> $to: exit status" 3 "$?"
        check "$from -> $to: stdout" same "$(cat a.out b.out | cmp -s - full.out && echo same)"
        check "$from -> $to: log file" same "$(cmp -s job.log full.log && echo same)"
    done
done

# Three checkpoints in a row, each on another host, then the end of the run on a fourth.
rm -f job.log checkpoint.bin
touch checkpoint.trigger
host native "$job" --app-args "$iterations" --cr --cr-interval 1000000 >1.out 2>/dev/null
for h in node nested; do
    touch checkpoint.trigger
    host "$h" "$job" --restore checkpoint.bin --cr --cr-interval 1000000 >>1.out 2>/dev/null
    check "checkpoint again on $h" 75 "$?"
done
host native "$job" --restore checkpoint.bin >>1.out 2>/dev/null
check "three checkpoints: exit status" 3 "$?"
check "three checkpoints: stdout" same "$(cmp -s 1.out full.out && echo same)"
check "three checkpoints: log file" same "$(cmp -s job.log full.log && echo same)"

# A WASI checkpoint restored with a preopen the guest did not have is refused with one line.
host native "$job" --restore checkpoint.bin --dir /tmp::/data >/dev/null 2>err
check "mismatched preopens refused" "2 1" "$? $(wc -l <err)"
echo "migrate: $pass passed, $fail failed"
((fail == 0))
