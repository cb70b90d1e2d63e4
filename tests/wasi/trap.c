/* A program that traps: the exit code is abort()'s (134), as under wasmtime or Node.js; the message
 * differs between hosts, so only its gist is checked.
 * wasi-test: exit: 134
 * wasi-test: stderr~: trap.*unreachable */
#include <stdio.h>

int main(void) {
    printf("before the trap\n");
    fflush(stdout);
    __builtin_trap();
}
