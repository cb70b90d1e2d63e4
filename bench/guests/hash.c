/* FNV-1a and a rolling mix over a buffer: byte loads, multiplies, byte stores. */
#define N (1 << 20)
static unsigned char buf[N];

__attribute__((export_name("run"))) unsigned long long run(void) {
    unsigned x = 12345;
    for (int i = 0; i < N; i++) {
        x = x * 1103515245u + 12345u;
        buf[i] = (unsigned char)(x >> 16);
    }
    unsigned long long h = 1469598103934665603ull;
    for (int r = 0; r < 160 / SCALE; r++) {
        for (int i = 0; i < N; i++) h = (h ^ buf[i]) * 1099511628211ull;
        buf[r] ^= (unsigned char)h;
    }
    return h;
}
