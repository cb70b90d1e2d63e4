/* Linked into every wasm32-wasi executable we build (see CMakeLists.txt).
 * WASI has no working directory: wasi-libc starts each program in "/" and, given preopens "/" and ".",
 * resolves *every* path, relative or absolute, against whichever was preopened last, so one of the two
 * kinds always goes to the wrong place. tools/chiwawa-node.mjs therefore preopens the host's "/" last
 * and passes PWD; adopting it here turns relative paths (including "..") into the host's absolute
 * ones. Under hosts that preopen only "." (wasmtime --dir=.) PWD is unset or not reachable, chdir
 * fails harmlessly, and relative paths keep resolving against ".". */
#include <stdlib.h>
#include <unistd.h>

__attribute__((constructor)) static void adopt_host_pwd(void) {
    const char *pwd = getenv("PWD");
    if (pwd && pwd[0] == '/')
        (void)chdir(pwd);
}
