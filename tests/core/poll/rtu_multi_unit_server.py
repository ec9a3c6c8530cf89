#!/usr/bin/python3
"""Several Modbus RTU devices on one serial line, served by pymodbus 3.0 (a peer we did not write).

    /usr/bin/python3 rtu_multi_unit_server.py --serial /path/ttyA [--units 1,2,3] [--baud 115200]

Each unit id holds input registers 1000..1100 and holding registers 10000..10200 (the Optris CT ranges), all
0 but input register 1020, which holds 1000 + 10 * unit (temp_process = unit °C), and input registers
1010/1011 (serial number, high word first), which hold 0 and the unit id. Prints "READY <path>" once the port
is open, then serves until SIGTERM/SIGINT and exits 0. Exits 1 with a message on stderr if it cannot open it.
"""

import argparse
import asyncio
import logging
import signal
import sys

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.server import StartAsyncSerialServer
from pymodbus.transaction import ModbusRtuFramer

INPUT_START, INPUT_COUNT = 1000, 101
HOLDING_START, HOLDING_COUNT = 10000, 201


def unit_context(unit):
    inputs = [0] * INPUT_COUNT
    inputs[1020 - INPUT_START] = 1000 + 10 * unit
    inputs[1011 - INPUT_START] = unit
    return ModbusSlaveContext(
        ir=ModbusSequentialDataBlock(INPUT_START, inputs),
        hr=ModbusSequentialDataBlock(HOLDING_START, [0] * HOLDING_COUNT),
        zero_mode=True,  # otherwise pymodbus shifts every address by one
    )


async def serve(args):
    units = [int(u) for u in args.units.split(",") if u]
    context = ModbusServerContext(slaves={u: unit_context(u) for u in units}, single=False)
    server = await StartAsyncSerialServer(
        context=context,
        framer=ModbusRtuFramer,
        port=args.serial,
        baudrate=args.baud,
        bytesize=8,
        parity="N",
        stopbits=1,
        defer_start=True,
    )
    try:
        await server.start()
    except Exception as e:  # noqa: BLE001
        print(f"error: cannot open {args.serial}: {e}", file=sys.stderr, flush=True)
        return 1
    if server.transport is None:
        print(f"error: cannot open {args.serial}", file=sys.stderr, flush=True)
        return 1
    print(f"READY {args.serial}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await server.shutdown()
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--serial", required=True, help="serial port to serve RTU on")
    ap.add_argument("--units", default="1,2,3", help="comma-separated unit ids")
    ap.add_argument("--baud", type=int, default=115200)
    args = ap.parse_args()
    logging.getLogger("pymodbus").setLevel(logging.CRITICAL)
    return asyncio.run(serve(args))


if __name__ == "__main__":
    sys.exit(main())
