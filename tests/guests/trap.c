/* Guests that trap: boom() executes `unreachable`, divide(x, 0) divides by zero. */
__attribute__((export_name("boom"))) void boom(void) {
    __builtin_trap();
}

__attribute__((export_name("divide"))) int divide(int a, int b) {
    return a / b;
}
