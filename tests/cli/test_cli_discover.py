#!/usr/bin/python3
"""`pyrolink-cli discover`: exactly the devices that answer Modbus are found, with what they say about themselves.

- Loopback: simulators of every Optris CT model on some ports of 127.0.0.1, a listener that accepts and never
  answers, and closed ports in between; a pymodbus server (a peer we did not write) that answers Read Device
  Identification (43/14).
- A real subnet: two network namespaces joined by a veth pair, created here (root only; skipped otherwise, and
  the output says so), simulators at some addresses of a random 10.200.X.0/24 and nothing at the others. The
  /24 is scanned from the other namespace, once by range (timed: at most 3 s) and once with no range (the
  local-subnet mode, which may only ever run inside a namespace of our own).
- RTU: pymodbus' RTU server with several unit ids behind a socat pty pair.

Traffic goes only to 127.0.0.0/8 and to the namespaces this test creates.

Run: test_cli_discover.py --cli build/bin/pyrolink-cli --profiles resources/profiles
"""
import csv
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest

CLI = None
PROFILES = None
HERE = os.path.dirname(os.path.abspath(__file__))
RTU_SERVER = os.path.join(HERE, "..", "core", "poll", "rtu_multi_unit_server.py")
PYTHON = "/usr/bin/python3"  # Debian's, which sees Debian's pymodbus

BANNER = re.compile(r"^Simulating (\S+) \((\S+)\) serial (\d+) on ([\d.]+):(\d+) unit (\d+)")

# A Modbus TCP server with identification objects and a few registers only (not the Optris ones).
PEER_43_14 = r"""
import asyncio, logging, sys
from pymodbus.datastore import ModbusSequentialDataBlock as Block, ModbusServerContext, ModbusSlaveContext
from pymodbus.device import ModbusDeviceIdentification
from pymodbus.server import StartAsyncTcpServer
logging.getLogger("pymodbus").setLevel(logging.CRITICAL)
async def main():
    # Every table given explicitly: pymodbus fills a missing one with all 65536 addresses.
    slave = ModbusSlaveContext(di=Block(0, [0] * 8), co=Block(0, [0] * 8), ir=Block(0, [0] * 8),
                               hr=Block(0, [7] * 8), zero_mode=True)
    ident = ModbusDeviceIdentification(
        info_name={"VendorName": "ACME", "ProductCode": "TH10", "MajorMinorRevision": "1.2"})
    server = StartAsyncTcpServer(context=ModbusServerContext(slaves=slave, single=True), identity=ident,
                                 address=("127.0.0.1", int(sys.argv[1])))
    task = asyncio.ensure_future(server)
    await asyncio.sleep(0.3)
    print("READY", flush=True)
    await task
asyncio.run(main())
"""

# Accepts TCP connections on ADDRESS PORT and never answers; prints READY, then the number of connections
# accepted so far whenever it reads a line on stdin.
SILENT_LISTENER = r"""
import socket, sys, threading
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((sys.argv[1], int(sys.argv[2])))
s.listen(64)
held = []
def serve():
    while True:
        c, _ = s.accept()
        held.append(c)
threading.Thread(target=serve, daemon=True).start()
print("READY", flush=True)
for _ in sys.stdin:
    print(len(held), flush=True)
"""


def run(*args, prefix=(), timeout=60):
    p = subprocess.run([*prefix, CLI, *map(str, args)], capture_output=True, text=True, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def timed(*args, prefix=(), timeout=60):
    start = time.monotonic()
    result = run(*args, prefix=prefix, timeout=timeout)
    return (*result, time.monotonic() - start)


def free_block(n):
    """The first of n consecutive loopback ports that are all free right now."""
    for _ in range(200):
        base = random.randint(20000, 60000 - n)
        socks = []
        try:
            for p in range(base, base + n):
                s = socket.socket()
                socks.append(s)
                s.bind(("127.0.0.1", p))
            return base
        except OSError:
            continue
        finally:
            for s in socks:
                s.close()
    raise RuntimeError("no block of free ports")


def read_line(proc, timeout=10):
    """The next line of proc's stdout; "" if none comes within the timeout (proc is killed then). Not select():
    a line may already sit in the pipe object's buffer, where select() cannot see it."""
    watchdog = threading.Timer(timeout, proc.kill)
    watchdog.start()
    try:
        return proc.stdout.readline()
    finally:
        watchdog.cancel()


def stop(proc):
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    for pipe in (proc.stdin, proc.stdout, proc.stderr):
        if pipe:
            pipe.close()


class Simulators:
    """`pyrolink-cli simulate --count N` in the background; devices = [(address, port, serial, model)]."""

    def __init__(self, port, model, count=1, bind="127.0.0.1", prefix=()):
        self.proc = subprocess.Popen([*prefix, CLI, "simulate", "--port", str(port), "--count", str(count),
                                      "--model", model, "--bind", bind],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.devices = []
        for _ in range(count):  # a banner is printed once its device listens
            line = read_line(self.proc)
            m = BANNER.match(line)
            if not m:
                self.proc.kill()
                err = self.proc.stderr.read()
                stop(self.proc)
                raise RuntimeError(f"simulator on {bind}:{port} did not start: {line!r} {err!r}")
            self.devices.append((m.group(4), int(m.group(5)), m.group(3), m.group(2)))

    def stop(self):
        stop(self.proc)


class SilentListener:
    """Accepts connections and never says a word (in a namespace when prefix is `ip netns exec NS`)."""

    def __init__(self, address, port, prefix=()):
        self.proc = subprocess.Popen([*prefix, PYTHON, "-c", SILENT_LISTENER, address, str(port)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True)
        line = read_line(self.proc)
        if line.strip() != "READY":
            self.proc.kill()
            err = self.proc.stderr.read()
            stop(self.proc)
            raise RuntimeError(f"silent listener did not start: {line!r} {err!r}")

    def accepted(self):
        self.proc.stdin.write("?\n")
        self.proc.stdin.flush()
        return int(read_line(self.proc).strip())

    def stop(self):
        stop(self.proc)


def pymodbus_available():
    return subprocess.run([PYTHON, "-c", "import pymodbus"], capture_output=True).returncode == 0


class Loopback(unittest.TestCase):
    def test_finds_exactly_the_simulators(self):
        base = free_block(10)
        # base..+2 three CTratio, +3 CTlaser LT, +4 closed, +5 CT 4M, +6 silent listener, +7 closed,
        # +8 CT xM, +9 closed.
        started = []
        try:
            started.append(Simulators(base, "ctratio", count=3))
            started.append(Simulators(base + 3, "ctlt"))
            started.append(Simulators(base + 5, "ct4m"))
            started.append(Simulators(base + 8, "ctxm"))
            silent = SilentListener("127.0.0.1", base + 6)
            started.append(silent)
            expected = {port: (serial, model) for s in started[:-1] for _, port, serial, model in s.devices}
            self.assertEqual(len({expected[p][0] for p in range(base, base + 3)}), 3, "three CTratio differ")

            with tempfile.TemporaryDirectory() as d:
                code, out, err, wall = timed("discover", "127.0.0.1", "--port", f"{base}-{base + 9}",
                                             "--timeout", "300ms", "--json")
                self.assertEqual(code, 0, err)
                doc = json.loads(out)
                self.assertEqual(doc["method"], "modbus-tcp")
                self.assertEqual(doc["scanned"], 10)
                self.assertTrue(doc["complete"])
                self.assertLess(doc["seconds"], 3)
                found = {dev["port"]: dev for dev in doc["devices"]}
                self.assertEqual(sorted(found), sorted(expected), "exactly the simulators")
                for port, (serial, model) in expected.items():
                    dev = found[port]
                    self.assertEqual(dev["host"], "127.0.0.1")
                    self.assertEqual(dev["transport"], "tcp")
                    self.assertEqual(dev["serial_number"], serial)
                    self.assertEqual(dev["profile"], "optris-ct")
                    self.assertEqual(dev["model"], model, port)
                    self.assertEqual(dev["unit"], 1)
                    self.assertEqual(dev["mac"], "")  # loopback has no neighbour entry
                    self.assertTrue(dev["firmware"])
                    self.assertGreater(dev["response_ms"], 0)
                    self.assertLess(dev["response_ms"], 300)
                    self.assertEqual(dev["note"], "")
                self.assertGreaterEqual(silent.accepted(), 1, "the silent port was tried, and not reported")
                print(f"\nloopback: 10 ports in {doc['seconds']:.3f} s (wall {wall:.3f} s)", file=sys.stderr)

                # The table and its CSV export show the same devices.
                path = os.path.join(d, "found.csv")
                code, out, err = run("discover", "127.0.0.1", "--port", f"{base}-{base + 9}", "--csv", path)
                self.assertEqual(code, 0, err)
                lines = out.splitlines()
                self.assertEqual(lines[0].split()[:3], ["IP", "MAC", "Serial"])
                self.assertEqual(len(lines), 1 + len(expected) + 1, out)
                self.assertRegex(lines[-1], r"^6 devices found in [\d.]+ s; 10 of 10 targets scanned")
                with open(path, encoding="utf-8-sig", newline="") as f:
                    rows = list(csv.DictReader(f))
                self.assertEqual(list(rows[0].keys()), ["IP", "MAC", "Serial number", "Firmware", "Model", "Port",
                                                        "Unit", "Response ms", "Profile"])
                self.assertEqual({int(r["Port"]): (r["Serial number"], r["Model"]) for r in rows}, expected)
                self.assertTrue(all(r["Profile"] == "optris-ct" and r["IP"] == "127.0.0.1" for r in rows))
        finally:
            for s in started:
                s.stop()

    def test_nothing_there_is_not_an_error(self):
        base = free_block(3)
        code, out, err = run("discover", "127.0.0.1", "--port", f"{base}-{base + 2}", "--json")
        self.assertEqual(code, 0, err)
        doc = json.loads(out)
        self.assertEqual(doc["devices"], [])
        self.assertEqual(doc["scanned"], 3)
        code, out, err = run("discover", "127.0.0.1-127.0.0.3", "--port", base)
        self.assertEqual(code, 0, err)
        self.assertRegex(out, r"^0 devices found in [\d.]+ s; 3 of 3 targets scanned")

    def test_read_device_identification_from_pymodbus(self):
        if not pymodbus_available():
            self.skipTest("pymodbus is not installed for " + PYTHON)
        port = free_block(1)
        peer = subprocess.Popen([PYTHON, "-c", PEER_43_14, str(port)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        try:
            self.assertEqual(read_line(peer).strip(), "READY", peer.stderr)
            code, out, err = run("discover", "127.0.0.1", "--port", port, "--json")
            self.assertEqual(code, 0, err)
            devices = json.loads(out)["devices"]
            self.assertEqual(len(devices), 1, out)
            dev = devices[0]
            self.assertEqual((dev["vendor"], dev["product"], dev["revision"]), ("ACME", "TH10", "1.2"))
            self.assertEqual(dev["profile"], "")  # the Optris identity registers are not there
            self.assertEqual(dev["serial_number"], "")
            code, out, err = run("discover", "127.0.0.1", "--port", port)
            self.assertEqual(code, 0, err)
            row = out.splitlines()[1].split()
            self.assertEqual(row[:6], ["127.0.0.1", "-", "-", "1.2", "TH10", str(port)])  # 43/14 fills in
        finally:
            stop(peer)

    def test_usage_errors_exit_2_with_one_sentence(self):
        # Every case names a loopback range or a serial port: even a bug could not scan a real network.
        cases = [
            ("127.0.0.0/21",),                       # 2046 addresses: beyond the /22 cap without --wide
            ("127.0.0.0/8", "--wide"),               # beyond even --wide
            ("127.0.0.1", "--port", "0"),
            ("127.0.0.1", "--port", "70000"),
            ("127.0.0.1", "--port", "abc"),
            ("127.0.0.1", "--port", "1510-1502"),
            ("127.0.0.1", "--concurrency", "0"),
            ("127.0.0.1", "--timeout", "fast"),
            ("127.0.0.1", "--timeout", "5ms"),
            ("127.0.0.300",),
            ("127.0.0.9-127.0.0.1",),
            ("127.0.0.1", "--units", "1-5"),
            ("127.0.0.1", "--profile", "nonexistent"),
            ("127.0.0.1", "--bogus-option"),
            ("--serial", "/dev/null", "127.0.0.1"),
            ("--serial", "/dev/null", "--units", "0-5"),
            ("--serial", "/dev/null", "--port", "502"),
        ]
        for args in cases:
            code, out, err = run("discover", *args)
            self.assertEqual(code, 2, f"{args}: {err}")
            self.assertEqual(len(err.strip().splitlines()), 1, f"{args}: {err}")
            self.assertTrue(err.strip().endswith("."), f"{args}: {err}")
            self.assertEqual(out, "", args)
        code, _, err = run("discover", "127.0.0.0/21")
        self.assertIn("--wide", err)

    def test_serial_port_that_does_not_open_is_a_device_error(self):
        code, out, err = run("discover", "--serial", "/nonexistent/ttyX", "--units", "1-3", "--json")
        self.assertEqual(code, 1)
        self.assertEqual(out, "")
        self.assertEqual(len(err.strip().splitlines()), 1, err)

    def test_help(self):
        code, out, _ = run("discover", "--help")
        self.assertEqual(code, 0)
        self.assertIn("pyrolink-cli discover", out)
        for option in ("--port", "--timeout", "--concurrency", "--wide", "--json", "--csv", "--serial", "--units"):
            self.assertIn(option, out)
        code, out, _ = run("--help")
        self.assertIn("discover", out)


def can_make_namespaces():
    if os.geteuid() != 0:
        return "not root: network namespaces cannot be created"
    if not shutil.which("ip"):
        return "the ip tool (iproute2) is missing"
    name = f"plprobe{os.getpid()}"
    p = subprocess.run(["ip", "netns", "add", name], capture_output=True, text=True)
    if p.returncode != 0:
        return "ip netns add failed: " + p.stderr.strip()
    subprocess.run(["ip", "netns", "del", name], capture_output=True)
    return None


class Subnet(unittest.TestCase):
    """Two namespaces joined by a veth pair: simulators in A, the scan in B."""

    def setUp(self):
        why = can_make_namespaces()
        if why:
            print(f"\nSKIPPED the subnet test: {why}.", file=sys.stderr)
            self.skipTest(why)

    def test_a_real_subnet(self):
        pid = os.getpid()
        ns_a, ns_b = f"pldisc{pid}a", f"pldisc{pid}b"
        veth_a, veth_b = f"pld{pid}a"[:15], f"pld{pid}b"[:15]
        x = random.randint(1, 254)
        net = f"10.200.{x}"
        in_a, in_b = ("ip", "netns", "exec", ns_a), ("ip", "netns", "exec", ns_b)
        hosts = random.sample(range(3, 255), 5)  # .1 is A's own (nothing listens), .2 is B
        models = ["ctratio", "ctlt", "ct4m", "ctxm"]
        started = []

        def ip(*args):
            subprocess.run(["ip", *args], check=True, capture_output=True, text=True)

        try:
            ip("netns", "add", ns_a)
            ip("netns", "add", ns_b)
            ip("link", "add", veth_a, "type", "veth", "peer", "name", veth_b)
            ip("link", "set", veth_a, "netns", ns_a)
            ip("link", "set", veth_b, "netns", ns_b)
            ip("-n", ns_a, "addr", "add", f"{net}.1/24", "dev", veth_a)
            for h in hosts:
                ip("-n", ns_a, "addr", "add", f"{net}.{h}/24", "dev", veth_a)
            ip("-n", ns_b, "addr", "add", f"{net}.2/24", "dev", veth_b)
            for ns, dev in ((ns_a, veth_a), (ns_b, veth_b)):
                ip("-n", ns, "link", "set", dev, "up")
                ip("-n", ns, "link", "set", "lo", "up")
            mac_a = json.loads(subprocess.run(["ip", "-n", ns_a, "-j", "link", "show", veth_a], check=True,
                                              capture_output=True, text=True).stdout)[0]["address"]

            # Simulator j is the last of j+1 devices on ports 502-j .. 502, so that each one at port 502 has a
            # serial number of its own (instance j); the others, below port 502, are not scanned.
            expected = {}
            for j, model in enumerate(models):
                sim = Simulators(502 - j, model, count=j + 1, bind=f"{net}.{hosts[j]}", prefix=in_a)
                started.append(sim)
                address, port, serial, m = sim.devices[-1]
                self.assertEqual(port, 502)
                expected[address] = (serial, m)
            self.assertEqual(len({s for s, _ in expected.values()}), len(models))
            started.append(SilentListener(f"{net}.{hosts[4]}", 502, prefix=in_a))

            code, out, err, wall = timed("discover", f"{net}.0/24", "--timeout", "300ms", "--json", prefix=in_b)
            self.assertEqual(code, 0, err)
            doc = json.loads(out)
            print(f"\nsubnet {net}.0/24: {doc['scanned']} addresses in {doc['seconds']:.3f} s "
                  f"(wall {wall:.3f} s, including process start), {len(doc['devices'])} found", file=sys.stderr)
            self.assertEqual(doc["scanned"], 254)
            found = {dev["host"]: dev for dev in doc["devices"]}
            self.assertEqual(sorted(found), sorted(expected), "exactly the simulators, nothing else")
            for address, (serial, model) in expected.items():
                dev = found[address]
                self.assertEqual(dev["port"], 502)
                self.assertEqual(dev["serial_number"], serial)
                self.assertEqual(dev["model"], model)
                self.assertEqual(dev["profile"], "optris-ct")
                self.assertEqual(dev["mac"], mac_a, "from B's neighbour table")
            self.assertLessEqual(doc["seconds"], 3.0)
            self.assertLessEqual(wall, 3.0)

            # No range: the subnet of B's interface, found by itself. Only ever inside our own namespace.
            code, out, err = run("discover", "--json", prefix=in_b)
            self.assertEqual(code, 0, err)
            doc = json.loads(out)
            self.assertEqual(doc["subnets"], [{"interface": veth_b, "subnet": f"{net}.0/24", "addresses": 254}])
            self.assertEqual(sorted(dev["host"] for dev in doc["devices"]), sorted(expected))
            self.assertEqual({dev["host"]: dev["serial_number"] for dev in doc["devices"]},
                             {a: s for a, (s, _) in expected.items()})
        finally:
            for s in started:
                s.stop()
            for ns in (ns_a, ns_b):  # the veth pair goes with them
                subprocess.run(["ip", "netns", "del", ns], capture_output=True)
            left = subprocess.run(["ip", "netns", "list"], capture_output=True, text=True).stdout
            self.assertNotIn(ns_a, left)
            self.assertNotIn(ns_b, left)


class Rtu(unittest.TestCase):
    def test_finds_the_unit_ids_that_answer(self):
        if not shutil.which("socat"):
            self.skipTest("socat is missing")
        if not pymodbus_available():
            self.skipTest("pymodbus is not installed for " + PYTHON)
        with tempfile.TemporaryDirectory() as d:
            tty_a, tty_b = os.path.join(d, "ttyA"), os.path.join(d, "ttyB")
            socat = subprocess.Popen(["socat", f"pty,raw,echo=0,link={tty_a}", f"pty,raw,echo=0,link={tty_b}"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            server = None
            try:
                deadline = time.time() + 10
                while not (os.path.exists(tty_a) and os.path.exists(tty_b)) and time.time() < deadline:
                    time.sleep(0.05)
                units = sorted(random.sample(range(1, 11), 3))
                server = subprocess.Popen([PYTHON, RTU_SERVER, "--serial", tty_a,
                                           "--units", ",".join(map(str, units))],
                                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                self.assertTrue(read_line(server).startswith("READY"), server.stderr)
                code, out, err, wall = timed("discover", "--serial", tty_b, "--units", "1-10", "--timeout",
                                             "100ms", "--json")
                self.assertEqual(code, 0, err)
                doc = json.loads(out)
                print(f"\nRTU: units 1-10 in {doc['seconds']:.3f} s, answering {units}", file=sys.stderr)
                self.assertEqual(doc["method"], "modbus-rtu")
                self.assertEqual(doc["scanned"], 10)
                self.assertEqual([dev["unit"] for dev in doc["devices"]], units)
                for dev in doc["devices"]:
                    self.assertEqual(dev["transport"], "rtu")
                    self.assertEqual(dev["serial_port"], tty_b)
                    self.assertNotIn("host", dev)
                    # The server holds the unit id at input register 1011, the low word of the Optris serial.
                    self.assertEqual(dev["profile"], "optris-ct")
                    self.assertEqual(dev["serial_number"], str(dev["unit"]))
                    # It answers every Optris address, so no model can be told, and the note says why.
                    self.assertEqual(dev["model"], "")
                    self.assertIn("several models", dev["note"])
            finally:
                if server:
                    stop(server)
                stop(socat)


if __name__ == "__main__":
    argv = sys.argv[:]
    for opt in ("--cli", "--profiles"):
        if opt in argv:
            i = argv.index(opt)
            globals()[opt[2:].upper()] = os.path.abspath(argv[i + 1])
            del argv[i:i + 2]
    if not CLI or not PROFILES:
        sys.exit("usage: test_cli_discover.py --cli PATH --profiles DIR [unittest args]")
    unittest.main(argv=argv, verbosity=2)
