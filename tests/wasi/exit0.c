/* Exit code 0 from main, with buffered output still to flush. */
#include <stdio.h>

int main(void) {
    printf("exit 0, no newline at the end");
    return 0;
}
