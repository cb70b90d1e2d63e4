/* Quicksort of pseudo-random 32-bit keys: compares, swaps, recursion. */
#define N (4000000 / SCALE)
static unsigned v[N];

static void sort(unsigned *a, int lo, int hi) {
    while (lo < hi) {
        unsigned p = a[lo + (hi - lo) / 2];
        int i = lo, j = hi;
        while (i <= j) {
            while (a[i] < p) i++;
            while (a[j] > p) j--;
            if (i <= j) {
                unsigned t = a[i];
                a[i++] = a[j];
                a[j--] = t;
            }
        }
        if (j - lo < hi - i) {
            sort(a, lo, j);
            lo = i;
        } else {
            sort(a, i, hi);
            hi = j;
        }
    }
}

__attribute__((export_name("run"))) unsigned long long run(void) {
    unsigned x = 2463534242u;
    for (int i = 0; i < N; i++) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        v[i] = x;
    }
    sort(v, 0, N - 1);
    unsigned long long h = 0;
    for (int i = 0; i < N; i += 1000) h = h * 31 + v[i];
    return h;
}
