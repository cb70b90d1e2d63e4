/* Exit code 1 through exit(). wasi-test: exit: 1 */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    puts("exit 1");
    fputs("failing on purpose\n", stderr);
    exit(EXIT_FAILURE);
}
