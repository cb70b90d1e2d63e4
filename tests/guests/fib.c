/* Call-heavy guest: fib(20) = 6765, fib(30) = 832040. */
__attribute__((export_name("fib"))) long long fib(long long n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
