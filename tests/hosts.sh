# Shared by the end-to-end test scripts (sourced): the hosts chiwawa runs on, and a result check.
# Needs $native (native chiwawa) and $wasm (chiwawa.wasm) set by the sourcing script.

# host HOST CHIWAWA-ARGS...: runs chiwawa with these arguments on HOST: native, node (chiwawa.wasm
# under Node.js) or nested (chiwawa.wasm inside native chiwawa, which gives it the host's / and this
# directory, as Node.js does).
host() {
    local h=$1; shift
    case $h in
    native) "$native" "$@" ;;
    node) node "$root/tools/chiwawa-node.mjs" "$wasm" "$@" ;;
    nested)
        local q=() a
        for a; do q+=("'${a//\'/\'\\\'\'}'"); done
        "$native" --dir . --dir /::/ --env PWD="$PWD" "$wasm" --app-args "${q[*]}" ;;
    esac
}

pass=0 fail=0
# check NAME EXPECTED ACTUAL
check() {
    if [[ $2 == "$3" ]]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL $1: expected [$2], got [$3]"; fi
}
