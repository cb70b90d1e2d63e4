/* Clocks and sleeping (nanosleep is poll_oneoff with a clock subscription). Times differ on every
 * run, so the program checks their properties and prints only the verdicts. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

int main(void) {
    struct timespec a, b, res, real;
    clock_gettime(CLOCK_MONOTONIC, &a);
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("monotonic does not go back: %s\n", ns(b) >= ns(a) ? "yes" : "NO");
    clock_getres(CLOCK_MONOTONIC, &res);
    printf("monotonic resolution positive and at most 1 ms: %s\n", ns(res) > 0 && ns(res) <= 1000000 ? "yes" : "NO");
    clock_gettime(CLOCK_REALTIME, &real);
    printf("realtime after 2023: %s\n", real.tv_sec > 1672531200 ? "yes" : "NO");
    printf("time() agrees: %s\n", time(NULL) - real.tv_sec <= 2 ? "yes" : "NO");

    struct timespec nap = {0, 50000000}; /* 50 ms */
    clock_gettime(CLOCK_MONOTONIC, &a);
    int r = nanosleep(&nap, NULL);
    clock_gettime(CLOCK_MONOTONIC, &b);
    long long slept = ns(b) - ns(a);
    printf("nanosleep returned %d, slept at least 50 ms: %s, less than 5 s: %s\n", r, slept >= 50000000 ? "yes" : "NO",
           slept < 5000000000LL ? "yes" : "NO");

    clock_gettime(CLOCK_MONOTONIC, &a);
    usleep(20000);
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("usleep(20 ms) slept at least 20 ms: %s\n", ns(b) - ns(a) >= 20000000 ? "yes" : "NO");

    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
    volatile unsigned x = 0;
    for (unsigned i = 0; i < 3000000; i++) x += i;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
    printf("process CPU clock does not go back: %s\n", ns(b) >= ns(a) ? "yes" : "NO");
    return 0;
}
