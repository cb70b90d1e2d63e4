/* Sieve of Eratosthenes: byte loads and stores in tight loops. */
#define N (8000000 / SCALE)
static unsigned char composite[N];

__attribute__((export_name("run"))) unsigned long long run(void) {
    unsigned long long total = 0;
    for (int round = 0; round < 4; round++) {
        for (int i = 0; i < N; i++) composite[i] = 0;
        unsigned count = 0;
        for (unsigned i = 2; i < N; i++) {
            if (composite[i]) continue;
            count++;
            for (unsigned long long j = (unsigned long long)i * i; j < N; j += i) composite[j] = 1;
        }
        total += count;
    }
    return total;
}
