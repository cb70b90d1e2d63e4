/* Benchmark guest for SIMD, built with -msimd128 -O3 (bench/CMakeLists.txt): image- and
 * signal-style kernels, some left to the autovectoriser, some written with wasm_simd128.h, over
 * integer and float lanes. run() returns a checksum of everything computed, the same on every
 * correct runtime (no NaNs are produced, so no result depends on a NaN's bits). No imports. */
#include <wasm_simd128.h>

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;

#define N 4096
#define ROUNDS 1000

static float xs[N], ys[N];
static u8 pix[N], pix2[N];
static short s16a[N], s16b[N];
static int i32a[N], i32b[N];

static u32 seed = 12345;
static u32 next(void) { return seed = seed * 1103515245u + 12345u; }

static u64 mix(u64 h, u64 v) { return (h ^ v) * 1099511628211ull; }

static void init(void) {
    for (u32 i = 0; i < N; i++) {
        xs[i] = (float)(next() >> 8) / 16777216.0f - 0.5f;
        ys[i] = (float)(next() >> 8) / 16777216.0f;
        pix[i] = (u8)(next() >> 24);
        pix2[i] = (u8)(next() >> 24);
        s16a[i] = (short)(next() >> 16);
        s16b[i] = (short)(next() >> 16);
        i32a[i] = (int)next();
        i32b[i] = (int)next();
    }
}

/* Autovectorised: f32x4 mul/add, then a clamp with f32x4 min/max. */
static void saxpy(float a) {
    for (u32 i = 0; i < N; i++) {
        float v = a * xs[i] + ys[i];
        ys[i] = v < -4.0f ? -4.0f : v > 4.0f ? 4.0f : v;
    }
}

/* Explicit: four partial sums of products, then sqrt of the lanes. */
static u64 dot(u64 h) {
    v128_t acc = wasm_f32x4_splat(0.0f);
    for (u32 i = 0; i < N; i += 4)
        acc = wasm_f32x4_add(acc, wasm_f32x4_mul(wasm_v128_load(&xs[i]), wasm_v128_load(&ys[i])));
    v128_t r = wasm_f32x4_sqrt(wasm_f32x4_abs(acc));
    v128_t q = wasm_i32x4_trunc_sat_f32x4(wasm_f32x4_mul(r, wasm_f32x4_splat(1e6f)));
    for (int k = 0; k < 4; k++) h = mix(h, (u32)wasm_i32x4_extract_lane(q, 0)), q = wasm_i32x4_shuffle(q, q, 1, 2, 3, 0);
    return h;
}

/* Autovectorised: saturating u8 blend and an average, as image code does. */
static void blend(void) {
    for (u32 i = 0; i < N; i++) {
        u32 s = pix[i] + pix2[i];
        pix2[i] = (u8)((pix[i] + pix2[i] + 1) >> 1);
        pix[i] = (u8)(s > 255 ? 255 : s);
    }
}

/* Explicit: bytes reversed by shuffle, a swizzled lookup, popcount, bitmask and the boolean tests. */
static u64 bytes(u64 h) {
    const v128_t table = wasm_i8x16_const(3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3);
    for (u32 i = 0; i < N; i += 16) {
        v128_t v = wasm_v128_load(&pix[i]);
        v128_t rev = wasm_i8x16_shuffle(v, v, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
        v128_t look = wasm_i8x16_swizzle(table, wasm_v128_and(v, wasm_i8x16_splat(15)));
        v128_t pc = wasm_i8x16_popcnt(wasm_v128_xor(rev, look));
        u32 mask = wasm_i8x16_bitmask(wasm_i8x16_gt(v, wasm_i8x16_splat(0)));
        h = mix(h, mask + wasm_v128_any_true(pc) + 2 * wasm_i8x16_all_true(pc));
        v128_t sums = wasm_u16x8_extadd_pairwise_u8x16(pc);
        h = mix(h, (u64)wasm_i64x2_extract_lane(sums, 0) ^ (u64)wasm_i64x2_extract_lane(sums, 1));
        wasm_v128_store(&pix2[i], wasm_u8x16_sub_sat(wasm_v128_load(&pix2[i]), rev));
    }
    return h;
}

/* Explicit: i16 dot products, extending multiplies, narrowing back with saturation, Q15 mul. */
static u64 fixed_point(u64 h) {
    v128_t acc = wasm_i32x4_splat(0);
    for (u32 i = 0; i < N; i += 8) {
        v128_t a = wasm_v128_load(&s16a[i]), b = wasm_v128_load(&s16b[i]);
        acc = wasm_i32x4_add(acc, wasm_i32x4_dot_i16x8(a, b));
        v128_t lo = wasm_i32x4_extmul_low_i16x8(a, b), hi = wasm_i32x4_extmul_high_i16x8(a, b);
        v128_t narrowed = wasm_i16x8_narrow_i32x4(wasm_i32x4_shr(lo, 12), wasm_i32x4_shr(hi, 12));
        v128_t q = wasm_i16x8_q15mulr_sat(narrowed, b);
        wasm_v128_store(&s16a[i], wasm_i16x8_add_sat(q, wasm_i16x8_shr(a, 1)));
    }
    h = mix(h, (u64)wasm_i64x2_extract_lane(acc, 0));
    return mix(h, (u64)wasm_i64x2_extract_lane(acc, 1));
}

/* Autovectorised: i32 min/max/abs, i64 sums of products, and conversions to and from f64. */
static u64 ints(u64 h) {
    long long sum = 0;
    for (u32 i = 0; i < N; i++) {
        int lo = i32a[i] < i32b[i] ? i32a[i] : i32b[i];
        int hi = i32a[i] < i32b[i] ? i32b[i] : i32a[i];
        i32a[i] = (lo >> 3) + (hi >> 5);
        sum += (long long)i32a[i] * (i32b[i] & 0xffff);
    }
    v128_t d = wasm_f64x2_splat(0.0);
    for (u32 i = 0; i < N; i += 4)
        d = wasm_f64x2_add(d, wasm_f64x2_convert_low_i32x4(wasm_v128_load(&i32a[i])));
    v128_t back = wasm_i32x4_trunc_sat_f64x2_zero(wasm_f64x2_div(d, wasm_f64x2_splat(4096.0)));
    h = mix(h, (u64)sum);
    return mix(h, (u64)wasm_i64x2_extract_lane(back, 0));
}

__attribute__((export_name("run"))) u64 run(void) {
    init();
    u64 h = 1469598103934665603ull;
    for (u32 r = 0; r < ROUNDS; r++) {
        saxpy(0.75f + 0.001f * (float)(r & 7));
        h = dot(h);
        blend();
        h = bytes(h);
        h = fixed_point(h);
        h = ints(h);
    }
    return h;
}
