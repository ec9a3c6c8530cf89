/* A Modbus TCP server on libmodbus that answers whole register ranges: the independent peer the polling
 * benchmark runs against. Usage: libmodbus_server PORT [CLIENTS]
 * Serves input registers 1000..1199 and holding registers 10000..10199 (values = address & 0xFFFF), coils and
 * discrete inputs 0..1999; answers exception 2 elsewhere. One client at a time, CLIENTS clients in turn
 * (default: forever). Prints "READY PORT" once listening. */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <modbus.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s PORT [CLIENTS]\n", argv[0]);
        return 2;
    }
    const int port = atoi(argv[1]);
    int clients = argc > 2 ? atoi(argv[2]) : -1;
    modbus_t *ctx = modbus_new_tcp("127.0.0.1", port);
    modbus_mapping_t *map = modbus_mapping_new_start_address(0, 2000, 0, 2000, 10000, 200, 1000, 200);
    if (!ctx || !map) {
        fprintf(stderr, "libmodbus: %s\n", modbus_strerror(errno));
        return 1;
    }
    for (int i = 0; i < 200; ++i) {
        map->tab_registers[i] = (uint16_t)(10000 + i);
        map->tab_input_registers[i] = (uint16_t)(1000 + i);
    }
    int listener = modbus_tcp_listen(ctx, 1);
    if (listener < 0) {
        fprintf(stderr, "cannot listen on port %d: %s\n", port, modbus_strerror(errno));
        return 1;
    }
    printf("READY %d\n", port);
    fflush(stdout);
    uint8_t query[MODBUS_TCP_MAX_ADU_LENGTH];
    while (clients != 0) {
        if (modbus_tcp_accept(ctx, &listener) < 0)
            break;
        /* Answers go out at once even when the client pipelines requests (no Nagle delay). */
        const int one = 1;
        setsockopt(modbus_get_socket(ctx), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        for (;;) {
            const int rc = modbus_receive(ctx, query);
            if (rc > 0)
                modbus_reply(ctx, query, rc, map);
            else if (rc == -1)
                break; /* the client closed the connection */
        }
        modbus_close(ctx);
        if (clients > 0)
            --clients;
    }
    close(listener);
    modbus_mapping_free(map);
    modbus_free(ctx);
    return 0;
}
