/* Exit code 42 from a function deep in the program. wasi-test: exit: 42 */
#include <stdio.h>
#include <stdlib.h>

static void leave(int depth) {
    if (depth == 0) {
        printf("leaving with 42\n");
        exit(42);
    }
    leave(depth - 1);
}

int main(void) {
    leave(100);
    return 0;
}
