/* Benchmark guest for checkpoints: grows memory to `mib` MiB, fills it, then makes `rounds` passes
 * of a hash over it. No imports, so every runtime can call run(). */
typedef unsigned int u32;
typedef unsigned long long u64;

__attribute__((export_name("run"))) u64 run(u32 mib, u32 rounds) {
    u32 have = __builtin_wasm_memory_size(0);
    u32 need = have + mib * 16; /* 16 pages per MiB */
    if (__builtin_wasm_memory_grow(0, need - have) == (unsigned long)-1) return 0;
    u64 *p = (u64 *)(unsigned long)(have * 65536u);
    u32 n = mib * (1u << 20) / 8;
    for (u32 i = 0; i < n; i++) p[i] = i * 0x9e3779b97f4a7c15ull;
    u64 h = 1469598103934665603ull;
    for (u32 r = 0; r < rounds; r++)
        for (u32 i = 0; i < n; i += 7) {
            h = (h ^ p[i]) * 1099511628211ull;
            p[i] = h;
        }
    return h;
}
