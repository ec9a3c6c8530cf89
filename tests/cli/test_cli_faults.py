#!/usr/bin/python3
"""pyrolink-cli log against `pyrolink-cli simulate --fault`: for every fault kind the engine says what happened
in one sentence, keeps recording (empty fields while values are stale), and recovers by itself when the fault
ends.

Run: test_cli_faults.py --cli build/bin/pyrolink-cli --profiles resources/profiles
"""
import csv
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest

CLI = None
PROFILES = None

# kind, spec (fault active for the first 1.5 s of the simulator's life, unless it is an outage window),
# words that the engine's stderr must contain while it lasts.
FAULTS = [
    ("delay", "delay:600@1500", ["stopped answering"]),
    ("exception", "exception:6@1500", ["Server device busy", "exception 6"]),
    ("drop", "drop:5@1500", ["closed the connection"]),
    ("refuse", "refuse:1200", ["refused"]),
    ("garbage", "garbage@1500", ["stopped answering"]),
    ("truncate", "truncate@1500", ["stopped answering", "did not finish its answer"]),
    ("wrong-tid", "wrong-tid@1500", ["stopped answering"]),
    ("outage", "outage:300:1200", ["stopped answering"]),
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Faults(unittest.TestCase):
    def run_fault(self, spec):
        port = free_port()
        sim = subprocess.Popen([CLI, "simulate", "--port", str(port), "--fault", spec],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            banner = sim.stdout.readline()
            self.assertIn(spec.split("@")[0].split(":")[0], banner)
            with tempfile.TemporaryDirectory() as d:
                out = os.path.join(d, "log.csv")
                p = subprocess.run([CLI, "log", "--host", "127.0.0.1", "--port", str(port), "--timeout", "200",
                                    "--retries", "0", "--interval", "100ms", "--duration", "4s", "--json",
                                    "-o", out, "temp_process", "temp_head"],
                                   capture_output=True, text=True, timeout=30)
                with open(out, encoding="utf-8-sig") as f:
                    rows = list(csv.reader(f))
            return p, rows
        finally:
            sim.send_signal(signal.SIGTERM)
            try:
                sim.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                sim.kill()
                sim.communicate()

    def test_every_fault_is_survived_and_explained(self):
        for kind, spec, words in FAULTS:
            with self.subTest(fault=kind):
                p, rows = self.run_fault(spec)
                self.assertEqual(p.returncode, 0, p.stderr)
                summary = json.loads(p.stdout)
                self.assertEqual(rows[0], ["timestamp", "Temp process [°C]", "Temp head [°C]"])
                data = rows[1:]
                self.assertGreater(len(data), 10, p.stderr)
                # Recovered by itself: the last second of rows holds real values again.
                for row in data[-5:]:
                    self.assertTrue(row[1] and row[2], f"{kind}: stale at the end: {row}\n{p.stderr}")
                    self.assertTrue(0 < float(row[1]) < 1500)
                # Said what happened, in whole sentences, and that it is over.
                self.assertTrue(any(w in p.stderr for w in words), f"{kind}: {p.stderr}")
                for line in p.stderr.strip().splitlines():
                    self.assertRegex(line, r"[.)]$", f"{kind}: not a sentence: {line!r}")
                if kind == "exception":
                    self.assertGreater(summary["exceptions"], 0)
                    self.assertIn("answers normally again", p.stderr)
                else:
                    self.assertGreaterEqual(summary["reconnects"] + summary["timeouts"], 1, p.stderr)


if __name__ == "__main__":
    argv = sys.argv[:]
    for opt in ("--cli", "--profiles"):
        if opt in argv:
            i = argv.index(opt)
            globals()[opt[2:].upper()] = os.path.abspath(argv[i + 1])
            del argv[i:i + 2]
    if not CLI:
        sys.exit("usage: test_cli_faults.py --cli PATH [--profiles DIR]")
    unittest.main(argv=argv, verbosity=2)
