#!/usr/bin/env bash
# Runs every WASI program of the corpus (tests/wasi/*.c, *.wat, built into BUILD/tests/wasi) in four ways:
#   a  directly under Node.js:         node tools/chiwawa-node.mjs PROG ARGS...
#   b  chiwawa.wasm under Node.js:     tools/chiwawa --env N=V --app-args "ARGS" PROG
#   c  native chiwawa:                 BUILD/chiwawa --env N=V --app-args "ARGS" PROG
#   d  chiwawa.wasm in native chiwawa: BUILD/chiwawa --dir . --dir /::/ --env PWD=$PWD chiwawa.wasm --app-args "..."
#      (chiwawa.wasm gets the host's "/" as Node.js gives it, so it finds PROG by its absolute path)
# each in a fresh, empty directory (always the same path), and checks that stdout, stderr, the exit
# code and the files left behind are the same in every mode.
#   tests/wasi/run.sh [BUILD_DIR [PROGRAM...]]    BUILD_DIR defaults to build/native; WASI_MODES=abcd
# A program's source can say, in lines "wasi-test: KEY: VALUE":
#   args: ARGS   (shell syntax)   env: NAME=VALUE (repeatable)   stdin: FILE (in tests/wasi)
#   exit: CODE (default 0)   stderr~: REGEX (compare stderr by this pattern, not bytes)   modes: LETTERS
#   setup: SHELL COMMANDS (run in the directory first)   options: chiwawa's own, e.g. --dir (modes b, c, d)
#   pipe: yes (stdout goes to a pipe read only after a second, in modes b, c, d; Node.js's launcher
#   would lose what does not fit the pipe)
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
src=$root/tests/wasi
build=$(cd "${1:-$root/build/native}" && pwd) || exit 2
shift $(($# ? 1 : 0))
programs=$build/tests/wasi
native=$build/chiwawa
wasm=${CHIWAWA_WASM:-$root/build/wasm/chiwawa.wasm}
node=$(command -v node) || { echo "run.sh: node not found" >&2; exit 2; }
[[ -x $native && -d $programs ]] || { echo "run.sh: build first (tools/build)" >&2; exit 2; }
only=${WASI_MODES:-abcd}
if [[ ! -f $wasm ]]; then
    echo "run.sh: $wasm not built: modes b and d skipped" >&2
    only=${only//[bd]/}
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run=$work/run

# directive FILE KEY: the values of "wasi-test: KEY: VALUE" lines, one per line.
directive() {
    grep -o "wasi-test: $2: .*" "$1" | sed -e "s/^wasi-test: $2: //" -e 's/ *\*\/ *$//'
}

# quote WORD...: the words in single quotes, as --app-args splits them back.
quote() {
    local w out=()
    for w; do out+=("'${w//\'/\'\\\'\'}'"); done
    printf '%s' "${out[*]}"
}

# snapshot: the files in $run, with their sizes and contents' hashes (links: their targets).
snapshot() {
    (cd "$run" && find . -mindepth 1 | LC_ALL=C sort | while read -r f; do
        if [[ -L $f ]]; then echo "$f -> $(readlink "$f")"
        elif [[ -d $f ]]; then echo "$f/"
        else echo "$f $(stat -c %s "$f") $(md5sum <"$f" | cut -c1-32)"; fi
    done)
}

# run_mode MODE PROG: runs PROG as MODE says, into $work/MODE.{out,err,code,files}.
run_mode() {
    local mode=$1 prog=$2 out=$work/$1 opts=() e
    eval "opts=($options)"
    for e in "${envs[@]}"; do opts+=(--env "$e"); done
    rm -rf "$run" && mkdir "$run" && (cd "$run" && eval "$setup") || exit 2
    launch() {
        cd "$run" || exit 2
        case $mode in
        a) eval "argv=($args)"; env -i "${envs[@]}" "$node" "$root/tools/chiwawa-node.mjs" "$prog" "${argv[@]}" ;;
        b) CHIWAWA_WASM=$wasm "$root/tools/chiwawa" "${opts[@]}" --app-args "$args" "$prog" ;;
        c) "$native" "${opts[@]}" --app-args "$args" "$prog" ;;
        d) "$native" --dir . --dir /::/ --env "PWD=$run" "$wasm" --app-args "$(quote "${opts[@]}" --app-args "$args" "$prog")" ;;
        esac
    }
    if [[ -n $pipe && $mode != a ]]; then
        (launch) <"$stdin" 2>"$out.err" | { sleep 1; cat >"$out.out"; }
        echo "${PIPESTATUS[0]}" >"$out.code"
    else
        (launch) <"$stdin" >"$out.out" 2>"$out.err"
        echo $? >"$out.code"
    fi
    snapshot >"$out.files"
}

declare -A passed
failed=0 total=0
for m in a b c d; do passed[$m]=0; done
names=("$@")
((${#names[@]})) || names=($(cd "$programs" && ls *.wasm | sed 's/\.wasm$//'))
for name in "${names[@]}"; do
    source_file=$(ls "$src/$name".c "$src/$name".wat 2>/dev/null | head -1)
    [[ -n $source_file ]] || { echo "run.sh: no source for $name" >&2; exit 2; }
    args=$(directive "$source_file" args)
    mapfile -t envs < <(directive "$source_file" env)
    stdin=$(directive "$source_file" stdin)
    stdin=${stdin:+$src/$stdin}
    stdin=${stdin:-/dev/null}
    expect=$(directive "$source_file" exit)
    expect=${expect:-0}
    pattern=$(directive "$source_file" 'stderr~')
    setup=$(directive "$source_file" setup)
    options=$(directive "$source_file" options)
    pipe=$(directive "$source_file" pipe)
    modes=$(directive "$source_file" modes)
    modes=${modes:-abcd}
    ref= problems=()
    for ((i = 0; i < ${#modes}; i++)); do
        m=${modes:i:1}
        [[ $only == *$m* ]] || continue
        # Node.js itself now and then crashes (SIGSEGV) once a program's memory has grown
        # (nodejs/node#51303): mode a gets three tries.
        for try in 1 2 3; do
            run_mode "$m" "$programs/$name.wasm"
            [[ $m == a && $(<"$work/a.code") == 139 ]] || break
        done
        why=()
        [[ $(<"$work/$m.code") == "$expect" ]] || why+=("exit $(<"$work/$m.code"), expected $expect")
        if [[ -n $pattern ]]; then
            grep -Eq "$pattern" "$work/$m.err" || why+=("stderr does not match /$pattern/")
        fi
        if [[ -n $ref ]]; then
            cmp -s "$work/$ref.out" "$work/$m.out" || why+=("stdout differs from $ref's")
            cmp -s "$work/$ref.files" "$work/$m.files" || why+=("files differ from $ref's")
            [[ -n $pattern ]] || cmp -s "$work/$ref.err" "$work/$m.err" || why+=("stderr differs from $ref's")
        fi
        if ((${#why[@]})); then
            problems+=("  $m: $(IFS=';'; echo "${why[*]}")")
            for f in out err files; do
                [[ -n $ref ]] && ! cmp -s "$work/$ref.$f" "$work/$m.$f" &&
                    diff "$work/$ref.$f" "$work/$m.$f" | head -8 | sed "s/^/    $f: /"
            done >"$work/why"
            [[ -z $ref ]] && head -c 600 "$work/$m.err" | sed 's/^/    stderr: /' >"$work/why"
            problems+=("$(<"$work/why")")
        else
            passed[$m]=$((passed[$m] + 1))
        fi
        ref=${ref:-$m}
    done
    total=$((total + 1))
    if ((${#problems[@]})); then
        failed=$((failed + 1))
        echo "FAIL $name"
        printf '%s\n' "${problems[@]}" | sed '/^$/d'
    else
        echo "ok   $name ($(tr -cd "$only" <<<"$modes"))"
    fi
done
echo "wasi: $total programs, $failed failed; passed per mode: a ${passed[a]}, b ${passed[b]}, c ${passed[c]}, d ${passed[d]}"
((failed == 0))
