/* A plain libmodbus client issuing the same read requests as one Pyrolink poll cycle, as fast as the server
 * answers: the reference the polling engine is measured against, side by side in one run.
 * Usage: libmodbus_client PORT SECONDS BLOCK...   with BLOCK = input:START:COUNT or holding:START:COUNT
 * Prints "libmodbus.cycles_per_s N" and "libmodbus.requests_per_cycle N". */
#include <errno.h>
#include <modbus.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct block {
    int holding;
    int start;
    int count;
};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: %s PORT SECONDS BLOCK...\n", argv[0]);
        return 2;
    }
    const int port = atoi(argv[1]);
    const double seconds = atof(argv[2]);
    const int n = argc - 3;
    struct block *blocks = calloc((size_t)n, sizeof *blocks);
    for (int i = 0; i < n; ++i) {
        char table[16];
        if (sscanf(argv[3 + i], "%15[a-z]:%d:%d", table, &blocks[i].start, &blocks[i].count) != 3) {
            fprintf(stderr, "bad block %s\n", argv[3 + i]);
            return 2;
        }
        blocks[i].holding = strcmp(table, "holding") == 0;
    }
    modbus_t *ctx = modbus_new_tcp("127.0.0.1", port);
    if (!ctx || modbus_connect(ctx) < 0) {
        fprintf(stderr, "cannot connect to port %d: %s\n", port, modbus_strerror(errno));
        return 1;
    }
    uint16_t regs[125];
    long cycles = 0;
    const double t0 = now();
    double t = t0;
    while (t - t0 < seconds) {
        for (int i = 0; i < n; ++i) {
            const int rc = blocks[i].holding ? modbus_read_registers(ctx, blocks[i].start, blocks[i].count, regs)
                                             : modbus_read_input_registers(ctx, blocks[i].start, blocks[i].count, regs);
            if (rc != blocks[i].count) {
                fprintf(stderr, "read failed: %s\n", modbus_strerror(errno));
                return 1;
            }
        }
        ++cycles;
        t = now();
    }
    printf("libmodbus.cycles_per_s %.1f\nlibmodbus.requests_per_cycle %d\n", (double)cycles / (t - t0), n);
    modbus_close(ctx);
    modbus_free(ctx);
    free(blocks);
    return 0;
}
