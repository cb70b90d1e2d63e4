/* Start-up baseline: each runtime's cost to load, instantiate and call a function that does nothing. */
__attribute__((export_name("run"))) unsigned long long run(void) { return 0; }
