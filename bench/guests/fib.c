/* Recursive calls: the cost of a Wasm call and return. */
static unsigned long long fib(unsigned n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

__attribute__((export_name("run"))) unsigned long long run(void) { return fib(SCALE > 1 ? 31 : 37); }
