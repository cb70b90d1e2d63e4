/* poll(): descriptor readiness and timeouts, through poll_oneoff's fd_read/fd_write subscriptions.
 * Node.js's uvwasi cannot poll regular files (EPERM), which stdin and stdout are here, so it is left out.
 * wasi-test: stdin: poll.c
 * wasi-test: modes: bcd */
#include <poll.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

int main(void) {
    struct pollfd fds[2] = {{.fd = 0, .events = POLLIN}, {.fd = 1, .events = POLLOUT}};
    int n = poll(fds, 2, 1000);
    printf("ready: %d, stdin readable: %s, stdout writable: %s\n", n, fds[0].revents & POLLIN ? "yes" : "no",
           fds[1].revents & POLLOUT ? "yes" : "no");
    fflush(stdout);

    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    n = poll(NULL, 0, 30); /* a pure timeout */
    clock_gettime(CLOCK_MONOTONIC, &b);
    long long ms = (b.tv_sec - a.tv_sec) * 1000LL + (b.tv_nsec - a.tv_nsec) / 1000000;
    printf("poll timeout: %d, waited at least 29 ms: %s\n", n, ms >= 29 ? "yes" : "NO");
    return 0;
}
