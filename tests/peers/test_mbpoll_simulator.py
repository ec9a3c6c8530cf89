#!/usr/bin/python3
"""`pyrolink-cli simulate` judged by mbpoll (libmodbus), a client we did not write.

    /usr/bin/python3 tests/peers/test_mbpoll_simulator.py --cli build/bin/pyrolink-cli \
        --profiles resources/profiles [-v]

--profiles is used for what the test expects (addresses, scale, default); the simulator itself
runs on its built-in profiles, as a user would run it.
"""

import os
import random
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import peerlib  # noqa: E402
from peerlib import PeerTestCase  # noqa: E402

HOST = "127.0.0.1"
VALUE_LINE = re.compile(r"^\[(\d+)\]:\s+(0x[0-9A-Fa-f]+|-?\d+)\s*$", re.M)


class SimulatorWithMbpoll(PeerTestCase):
    def setUp(self):
        super().setUp()
        if shutil.which("mbpoll") is None:
            self.skipTest("mbpoll is not installed (apt-get install mbpoll); test skipped")
        peerlib.require_cli(self)
        self.prof = peerlib.profile_by_id(self, "optris-ct")

    # -------------------------------------------------------------- helpers
    def simulate(self, port, model=None, count=None):
        args = [peerlib.CLI, "simulate", "--port", str(port)]
        if model:
            args += ["--model", model]
        if count:
            args += ["--count", str(count)]
        sim = self.start(args, f"sim{port}")
        n = count or 1
        for k in range(n):
            sim.wait_for(lambda k=k: peerlib.listening(port + k, sim.pid), 20,
                         f"the simulator to listen on {port + k}")
        sim.wait_for(lambda: len([ln for ln in sim.stdout().splitlines() if ln.strip()]) >= n, 5,
                     f"{n} line(s) on stdout, one per device")
        return sim

    def mbpoll(self, port, table, address, count=1, write=None):
        """table 3 input, 4 holding. Returns (CompletedProcess, {address: word})."""
        t = f"{table}:hex" if write is None else str(table)
        cmd = ["mbpoll", "-m", "tcp", "-p", str(port), "-0", "-t", t, "-r", str(address),
               "-1", "-o", "2", HOST]
        if write is None:
            cmd[-4:-4] = ["-c", str(count)]  # mbpoll refuses -c when writing
        else:
            cmd += [str(w) for w in write]
        r = self.run_cmd(cmd, timeout=15)
        vals = {int(a): int(v, 0) for a, v in VALUE_LINE.findall(r.stdout)}
        return r, vals

    def read_words(self, port, table, address, count=1):
        r, vals = self.mbpoll(port, table, address, count)
        self.assertEqual(r.returncode, 0, self.show(r))
        words = [vals.get(address + i) for i in range(count)]
        self.assertNotIn(None, words, f"mbpoll printed no value for every register{self.show(r)}")
        return words

    def check_device(self, port, model, sim_lines=None):
        prof = self.prof
        models = [model] if model else prof.model_ids()
        # process temperature: input 1020 = °C*10 + 1000, 0..1500 °C
        (raw,) = self.read_words(port, 3, 1020)
        celsius = (raw - 1000) / 10
        self.assertTrue(0 <= celsius <= 1500, f"input 1020 = {raw} → {celsius} °C, not in 0..1500")
        for m in models:
            tp = prof.register("temp_process", m)
            self.assertEqual((tp.table, tp.address), ("input", 1020))
            self.assertAlmostEqual(tp.decode([raw])["value"], celsius, places=9,
                                   msg="profile's temp_process scale disagrees with (raw-1000)/10")
        # serial number, input 1010-1011 (u32 high word first); when the simulator's line for this
        # port names a serial number, it must be the one the registers hold
        hi, lo = self.read_words(port, 3, 1010, 2)
        for line in (sim_lines or []):
            m = re.search(r"serial\D{0,8}(\d+)", line, re.I)
            if m and re.search(rf":{port}\b", line):
                self.assertEqual(int(m.group(1)), (hi << 16) | lo,
                                 f"input 1010-1011 = {[hi, lo]} (high word first), simulator says: {line!r}")
        # emissivity: the profile default
        emis = prof.register("emissivity", models[0])
        self.assertEqual((emis.table, emis.address), ("holding", 10010))
        self.assertIsNotNone(emis.default, "profile: emissivity has no default")
        want = emis.encode(emis.default)
        self.assertEqual(want, [950], "profile default of emissivity is not 0.95 (raw 950)")
        self.assertEqual(self.read_words(port, 4, 10010), want)
        return emis

    # -------------------------------------------------------------- tests
    def test_default_model(self):
        self.run_scenario(None)

    def test_model_ctratio(self):
        self.run_scenario("ctratio")

    def run_scenario(self, model):
        port = peerlib.free_port()
        sim = self.simulate(port, model)
        emis = self.check_device(port, model, sim.stdout().splitlines())

        # an address no register of any model covers: exception 2
        for m in self.prof.model_ids():
            self.assertNotIn(2000, self.prof.covered(m)["input"])
        r, vals = self.mbpoll(port, 3, 2000)
        self.assertNotEqual(r.returncode, 0, f"input 2000 should fail{self.show(r)}")
        self.assertIn("Illegal data address", r.stdout + r.stderr, self.show(r))
        self.assertFalse(vals)

        # write with mbpoll, read back with pyrolink-cli
        lo, hi = emis.raw_range()
        rng = random.Random()
        new = rng.choice([x for x in range(lo, hi + 1) if x != 950])
        r, _ = self.mbpoll(port, 4, 10010, write=[new])
        self.assertEqual(r.returncode, 0, self.show(r))
        self.assertEqual(self.read_words(port, 4, 10010), [new])
        args = ["read", "--json", "--host", HOST, "--port", port, "--timeout", 3000]
        if model:
            args += ["--model", model]
        r = self.cli(*args, "emissivity")
        self.assertEqual(r.returncode, 0, self.show(r))
        doc = self.json_of(r)
        self.assertFalse(doc.get("errors"), self.show(r))
        vals = doc.get("values") or []
        self.assertEqual([v.get("id") for v in vals], ["emissivity"], self.show(r))
        self.assertEqual(vals[0].get("raw"), [new], self.show(r))
        problems = peerlib.compare_value("emissivity", vals[0], emis.decode([new]))
        self.assertFalse(problems, f"{problems}{self.show(r)}")

        rc = sim.terminate(10)
        self.assertEqual(rc, 0, f"simulator exit code after SIGTERM (None: had to be killed)\n{sim.describe()}")

    def test_count_3(self):
        port = peerlib.free_port(3)
        sim = self.simulate(port, None, 3)
        for k in range(3):
            with self.subTest(device=k, port=port + k):
                self.check_device(port + k, None, sim.stdout().splitlines())
        rc = sim.terminate(10)
        self.assertEqual(rc, 0, f"simulator exit code after SIGTERM (None: had to be killed)\n{sim.describe()}")


if __name__ == "__main__":
    peerlib.main()
