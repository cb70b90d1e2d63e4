/* Mandelbrot set: f64 arithmetic in a branchy inner loop. */
__attribute__((export_name("run"))) unsigned long long run(void) {
    unsigned long long inside = 0;
    const int w = 1000 / SCALE, h = 600, iters = 500;
    for (int py = 0; py < h; py++)
        for (int px = 0; px < w; px++) {
            double cr = -2.0 + 3.0 * px / w, ci = -1.0 + 2.0 * py / h, zr = 0, zi = 0;
            int i = 0;
            while (i < iters && zr * zr + zi * zi <= 4.0) {
                double t = zr * zr - zi * zi + cr;
                zi = 2 * zr * zi + ci;
                zr = t;
                i++;
            }
            inside += (unsigned long long)i;
        }
    return inside;
}
