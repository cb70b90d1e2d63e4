/* Dense f64 matrix multiply: float arithmetic and strided loads. */
#define N 240
static double a[N][N], b[N][N], c[N][N];

__attribute__((export_name("run"))) unsigned long long run(void) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            a[i][j] = (double)(i * N + j) / (N * N);
            b[i][j] = (double)(j * N + i) / (N * N) - 0.5;
        }
    double sum = 0;
    for (int r = 0; r < 12 / SCALE + 1; r++) {
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) {
                double s = 0;
                for (int k = 0; k < N; k++) s += a[i][k] * b[k][j];
                c[i][j] = s;
            }
        for (int i = 0; i < N; i++) sum += c[i][(i * 7) % N];
        a[r][r] += sum;
    }
    return (unsigned long long)(sum * 1e6);
}
