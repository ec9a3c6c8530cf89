#!/usr/bin/python3
"""A Modbus device made from a Pyrolink profile, served by pymodbus (a peer we did not write).

    /usr/bin/python3 modbus_server.py --profile FILE [--model M] --port P [--seed N]
                                      [--expect FILE] [--state FILE] [--readonly-ids a,b]
                                      [--extra TABLE:ADDR=W1,W2,...]...
    /usr/bin/python3 modbus_server.py --profile FILE --serial /path/ttyA [--baud 115200]
                                      [--parity N|E|O] [--stop-bits 1|2] ...

Every register of the model gets a deterministic pseudo-random raw value that is valid for it
(inside min/max, one of the enum keys, 0/1 for bool, any words for "words", finite floats for
f32).  Exactly the addresses covered by registers of that model (plus --extra ones) answer;
every other address gets Modbus exception 2 (Illegal data address).

--expect FILE   the decoded values a correct reader must report (computed with profile_model.py):
                {id: {"raw": [...], "value": ..., "unit": ..., "label"?: ..., "bits"?: [...],
                      "table": ..., "address": ..., "type": ...}} for every readable register.
--state FILE    every table's content, {"holding": {"10010": 850, ...}, ...}; written at start and
                after every write a client makes.
--readonly-ids  writes to the addresses of those registers are ignored silently (the device
                answers as if it wrote), so a read-back after a write shows a mismatch.
--port 0        lets the OS pick; the port is printed on the READY line either way.

Prints "READY <port>" (TCP, after checking that its own socket is bound and listening) or
"READY <path>" (RTU, after the serial port is open) on stdout, then serves until SIGTERM/SIGINT,
on which it exits 0.  If it cannot bind or open the port it prints an error on stderr and exits 1
(pymodbus alone would keep running silently).
"""

import argparse
import asyncio
import json
import logging
import math
import os
import random
import signal
import socket
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import profile_model as pm  # noqa: E402

from pymodbus.datastore import (  # noqa: E402
    ModbusServerContext,
    ModbusSlaveContext,
    ModbusSparseDataBlock,
)

TABLE_KEY = {"coil": "co", "discrete_input": "di", "input": "ir", "holding": "hr"}


# ------------------------------------------------------------------------------ value generation
def _f32(x):
    return struct.unpack(">f", struct.pack(">f", x))[0]


def gen_words(reg, rng, selector_units=None):
    """Valid pseudo-random raw words for one register."""
    t = reg.type
    if t == "words":
        return [rng.randrange(0x10000) for _ in range(reg.size)]
    if reg.table in pm.BIT_TABLES or t == "bool":
        return [rng.randint(0, 1)]
    if t == "f32":
        lo, hi = reg.raw_range()  # engineering range for f32
        for _ in range(1000):
            if math.isinf(lo) and math.isinf(hi):
                eng = rng.choice((-1, 1)) * rng.uniform(1, 10) * 10.0 ** rng.randint(-6, 6)
            else:
                a = max(lo, -1e6) if not math.isinf(lo) else min(hi, 1e6) - 1e6
                b = min(hi, 1e6) if not math.isinf(hi) else max(lo, -1e6) + 1e6
                eng = rng.uniform(a, b)
            raw = _f32(eng * reg.divisor + reg.offset)
            words = reg.words_of_f32(raw)
            v = reg.decode(words)["value"]
            if math.isfinite(v) and lo <= v <= hi:
                return words
        raise SystemExit(f"cannot generate a valid f32 for {reg.id}")
    lo, hi = reg.raw_range()
    choices = None
    if reg.enum_int is not None:
        choices = sorted(k for k in reg.enum_int if lo <= k <= hi)
    if selector_units is not None:
        keys = {int(k) for k in selector_units}
        choices = sorted(k for k in (choices if choices is not None else keys) if k in keys and lo <= k <= hi)
    if choices is not None:
        if not choices:
            raise SystemExit(f"{reg.id}: no enum/selector value lies inside min..max")
        return reg.int_to_words(rng.choice(choices))
    if lo > hi:
        raise SystemExit(f"{reg.id}: min..max holds no raw value of type {t}")
    return reg.int_to_words(rng.randint(lo, hi))


def build_memory(profile, model, seed, log):
    """{(table, address): word} for every address covered by registers of the model."""
    rng = random.Random(f"{seed}:{profile.id}:{model}")
    sel_units = {s["register"]: s["units"] for s in profile.unit_selectors}
    memory = {}
    for reg in profile.registers_for(model):
        words = gen_words(reg, rng, sel_units.get(reg.id))
        for a, w in zip(reg.addresses, words):
            k = (reg.table, a)
            if k in memory:
                log(f"note: {reg.id} overlaps another register at {reg.table}:{a}; keeping the first value")
                continue
            memory[k] = w
    return memory


def parse_extra(spec):
    """TABLE:ADDR=W1,W2,... → list of ((table, address), word)."""
    try:
        left, right = spec.split("=", 1)
        table, addr = left.split(":", 1)
        if table not in pm.TABLES:
            raise ValueError(f"unknown table {table}")
        a = pm.parse_address(int(addr, 0))
        words = [int(x, 0) for x in right.split(",") if x.strip()]
    except Exception as e:  # noqa: BLE001
        raise SystemExit(f"--extra {spec!r}: {e} (want TABLE:ADDR=W1,W2,...)")
    out = []
    for i, w in enumerate(words):
        if not 0 <= w <= 0xFFFF:
            raise SystemExit(f"--extra {spec!r}: word {w} outside 0..65535")
        out.append(((table, a + i), w))
    return out


# ------------------------------------------------------------------------------ datastore
class Block(ModbusSparseDataBlock):
    """Answers exactly its addresses; ignores writes to frozen ones; reports every write."""

    def __init__(self, values, table, frozen, on_write):
        super().__init__(values, mutable=False)
        self.table = table
        self.frozen = frozen
        self.on_write = on_write

    def setValues(self, address, values, use_as_default=False):  # noqa: N802 (pymodbus API)
        if isinstance(values, dict):
            return super().setValues(address, values, use_as_default)
        if not isinstance(values, list):
            values = [values]
        for i, v in enumerate(values):
            a = address + i
            if a in self.frozen:
                self.on_write(self.table, a, v, ignored=True)
                continue
            super().setValues(a, [int(v)])
            self.on_write(self.table, a, int(v), ignored=False)
        return None


class Device:
    def __init__(self, memory, frozen, state_path, log):
        self.state_path = state_path
        self.log = log
        self.blocks = {}
        for t in pm.TABLES:
            vals = {a: w for (tt, a), w in memory.items() if tt == t}
            self.blocks[t] = Block(vals, t, frozen.get(t, set()), self.on_write)
        slave = ModbusSlaveContext(zero_mode=True, **{TABLE_KEY[t]: b for t, b in self.blocks.items()})
        self.context = ModbusServerContext(slaves=slave, single=True)
        self.dump()

    def on_write(self, table, address, value, ignored):
        self.log(f"write {table}:{address} = {value}" + (" (ignored: read-only)" if ignored else ""))
        self.dump()

    def dump(self):
        if not self.state_path:
            return
        state = {t: {str(a): int(v) for a, v in sorted(b.values.items())} for t, b in self.blocks.items()}
        tmp = self.state_path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(state, f, indent=1, sort_keys=True)
        os.replace(tmp, self.state_path)


# ------------------------------------------------------------------------------ serving
async def serve_tcp(device, port, stop):
    from pymodbus.server.async_io import ModbusTcpServer
    from pymodbus.transaction import ModbusSocketFramer

    server = ModbusTcpServer(device.context, ModbusSocketFramer, None, ("127.0.0.1", port))
    task = asyncio.create_task(server.serve_forever())
    done, _ = await asyncio.wait({task, server.serving}, return_when=asyncio.FIRST_COMPLETED, timeout=10)
    if task in done or not server.serving.done():
        exc = task.exception() if task.done() else "timed out"
        print(f"error: cannot listen on 127.0.0.1:{port}: {exc}", file=sys.stderr, flush=True)
        return 1
    socks = server.server.sockets if server.server else []
    bound = [s.getsockname() for s in socks if s.family == socket.AF_INET]
    if not bound or (port and bound[0][1] != port):
        print(f"error: not listening on 127.0.0.1:{port} (sockets: {bound})", file=sys.stderr, flush=True)
        return 1
    print(f"READY {bound[0][1]}", flush=True)
    await stop.wait()
    await server.server_close()
    task.cancel()
    return 0


async def serve_rtu(device, args, stop):
    from pymodbus.server import StartAsyncSerialServer
    from pymodbus.transaction import ModbusRtuFramer

    server = await StartAsyncSerialServer(
        context=device.context,
        framer=ModbusRtuFramer,
        port=args.serial,
        baudrate=args.baud,
        parity=args.parity,
        stopbits=args.stop_bits,
        bytesize=8,
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
    await stop.wait()
    await server.shutdown()
    return 0


async def amain(args, device):
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    if args.serial:
        return await serve_rtu(device, args, stop)
    return await serve_tcp(device, args.port, stop)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--profile", help="profile JSON file")
    ap.add_argument("--model", help="model id (default: the profile's first model)")
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--port", type=int, help="TCP port on 127.0.0.1 (0: any free one)")
    g.add_argument("--serial", help="serial port for Modbus RTU")
    ap.add_argument("--baud", type=int, default=115200)
    ap.add_argument("--parity", default="N", choices=["N", "E", "O"])
    ap.add_argument("--stop-bits", type=int, default=1, choices=[1, 2])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--expect", help="write the expected decoded values here")
    ap.add_argument("--state", help="write every table's content here, after every write")
    ap.add_argument("--readonly-ids", default="", help="comma-separated register ids whose writes are ignored")
    ap.add_argument("--extra", action="append", default=[], help="TABLE:ADDR=W1,W2,... more words to serve")
    ap.add_argument("--quiet", action="store_true", help="do not log writes on stderr")
    ap.add_argument("--verbose", action="store_true", help="let pymodbus log (it logs every exception reply as ERROR)")
    args = ap.parse_args(argv)
    if not args.verbose:
        logging.getLogger("pymodbus").setLevel(logging.CRITICAL)

    def log(msg):
        if not args.quiet:
            print(msg, file=sys.stderr, flush=True)

    memory, frozen, expect = {}, {}, {}
    if args.profile:
        profile = pm.Profile.load(args.profile)
        model = args.model if args.model is not None else profile.default_model
        if model not in profile.model_ids():
            raise SystemExit(f"profile {profile.id} has no model {model!r}; models: {profile.model_ids()}")
        memory = build_memory(profile, model, args.seed, log)
        expect = profile.decode_all(model, memory)
        for rid in [x for x in args.readonly_ids.split(",") if x]:
            try:
                reg = profile.register(rid, model)
            except KeyError:
                raise SystemExit(f"--readonly-ids: no register {rid!r} in model {model}")
            frozen.setdefault(reg.table, set()).update(reg.addresses)
    elif args.readonly_ids:
        raise SystemExit("--readonly-ids needs --profile")
    for spec in args.extra:
        for k, w in parse_extra(spec):
            memory[k] = w
    if not memory:
        raise SystemExit("nothing to serve: give --profile and/or --extra")
    if args.expect:
        with open(args.expect, "w", encoding="utf-8") as f:
            json.dump(expect, f, indent=1, ensure_ascii=False)
    device = Device(memory, frozen, args.state, log)
    return asyncio.run(amain(args, device))


if __name__ == "__main__":
    sys.exit(main())
