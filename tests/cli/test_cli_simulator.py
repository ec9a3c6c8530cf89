#!/usr/bin/python3
"""pyrolink-cli against its own built-in simulator: every command, every exit code, every model.

Run: test_cli_simulator.py --cli build/bin/pyrolink-cli --profiles resources/profiles
"""
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


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def closed_port():
    """A loopback port with nothing listening."""
    return free_port()


def run(*args, timeout=30):
    p = subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


class Simulator:
    """`pyrolink-cli simulate` in the background, waiting until it really listens."""

    def __init__(self, *args):
        self.port = free_port()
        self.proc = subprocess.Popen([CLI, "simulate", "--port", str(self.port), *map(str, args)],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.banner = self.proc.stdout.readline()
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("simulator did not listen: " + self.proc.stderr.read())

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                return self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                return None
        return self.proc.returncode


def load_profile(pid):
    with open(os.path.join(PROFILES, pid + ".json"), encoding="utf-8") as f:
        return json.load(f)


def readable_ids(profile, model):
    out = []
    for r in profile["registers"]:
        if "models" in r and model not in r["models"]:
            continue
        table = r["table"]
        access = r.get("access", "r" if table in ("input", "discrete_input") else "rw")
        poll = r.get("poll")
        if access == "w" or "action" in r or poll == "never":
            continue
        out.append(r["id"])
    return out


class CliBasics(unittest.TestCase):
    def test_version_and_help(self):
        code, out, _ = run("--version")
        self.assertEqual(code, 0)
        self.assertRegex(out, r"^pyrolink-cli \d+\.\d+\.\d+")
        for cmd in ("profiles", "read", "write", "monitor", "simulate"):
            code, out, err = run(cmd, "--help")
            self.assertEqual(code, 0, cmd + err)
            self.assertIn("pyrolink-cli " + cmd, out)
        code, out, _ = run("--help")
        self.assertEqual(code, 0)
        self.assertIn("simulate", out)

    def test_usage_errors_exit_2_with_one_sentence(self):
        cases = [
            ("frobnicate",),
            ("read",),                                        # no device
            ("read", "--host", "127.0.0.1", "--serial", "/dev/null"),
            ("read", "--host", "127.0.0.1", "--port", "70000"),
            ("read", "--host", "127.0.0.1", "--profile", "nonexistent"),
            ("read", "--host", "127.0.0.1", "--model", "ct9x"),
            ("read", "--host", "127.0.0.1", "no_such_register"),
            ("read", "--host", "127.0.0.1", "--register", "attic:5"),
            ("read", "--host", "127.0.0.1", "--register", "input:1020:f64"),
            ("read", "--host", "127.0.0.1", "--bogus-option"),
            ("write", "--host", "127.0.0.1"),
        ]
        for args in cases:
            code, out, err = run(*args)
            self.assertEqual(code, 2, f"{args}: {err}")
            self.assertTrue(err.strip(), args)
            self.assertEqual(out, "", args)

    def test_refused_writes_never_reach_the_wire(self):
        # Nothing listens on this port: a write that got as far as connecting would exit 1, not 2.
        port = closed_port()
        for assignment, fragment in (("emissivity=1.5", "emissivity"), ("emissivity=0.8505", "resolution"),
                                     ("temp_process=20", "read-only"), ("modbus_baudrate=3", "accepts"),
                                     ("modbus_id=0", "Modbus"), ("emissivity=abc", "not a number"),
                                     ("nope=1", "no register")):
            code, _, err = run("write", "--host", "127.0.0.1", "--port", port, assignment)
            self.assertEqual(code, 2, assignment + ": " + err)
            self.assertIn(fragment.lower(), err.lower(), assignment)
            self.assertIn("Nothing was written", err)

    def test_closed_port_is_a_device_error(self):
        code, out, err = run("read", "--host", "127.0.0.1", "--port", closed_port(), "temp_process")
        self.assertEqual(code, 1)
        self.assertEqual(len(err.strip().splitlines()), 1, err)

    def test_profiles(self):
        code, out, _ = run("profiles", "--json")
        self.assertEqual(code, 0)
        ids = {p["id"] for p in json.loads(out)["profiles"]}
        self.assertTrue({"optris-ct", "cn9600", "data-recorder", "apar-ar653", "contactor-module"} <= ids)
        code, out, _ = run("profiles", "show", "optris-ct", "--model", "ctratio", "--json")
        self.assertEqual(code, 0)
        shown = {r["id"] for r in json.loads(out)["registers"]}
        expected = {r["id"] for r in load_profile("optris-ct")["registers"]
                    if "models" not in r or "ctratio" in r["models"]}
        self.assertEqual(shown, expected)
        code, out, _ = run("profiles", "show", "optris-ct")
        self.assertEqual(code, 0)
        self.assertIn("emissivity", out)

    def test_profiles_check_names_file_line_and_field(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "broken.json")
            with open(path, "w") as f:
                f.write('{\n  "format": 1,\n  "id": "broken",\n  "name": "Broken",\n  "registers": [\n'
                        '    { "id": "a", "name": "A", "table": "holding", "address": 1,\n'
                        '      "scale": { "divisor": 0 } }\n  ]\n}\n')
            code, out, err = run("profiles", "check", path)
            self.assertEqual(code, 2)
            self.assertEqual(err.strip(), "broken.json:7: registers[0].scale.divisor: must not be 0.")
            # A broken user profile does not stop the others from loading.
            code, out, err = run("profiles", "--profile-dir", d)
            self.assertEqual(code, 0)
            self.assertIn("optris-ct", out)
            self.assertIn("broken.json:7", err)


class AgainstSimulator(unittest.TestCase):
    def test_every_model_reads_completely(self):
        profile = load_profile("optris-ct")
        for model in [m["id"] for m in profile["models"]]:
            with self.subTest(model=model):
                sim = Simulator("--model", model)
                try:
                    code, out, err = run("read", "--host", "127.0.0.1", "--port", sim.port, "--model", model, "--json")
                    self.assertEqual(code, 0, err)
                    doc = json.loads(out)
                    self.assertEqual(doc["errors"], [])
                    self.assertEqual([v["id"] for v in doc["values"]], readable_ids(profile, model))
                    values = {v["id"]: v for v in doc["values"]}
                    self.assertTrue(0 < values["temp_process"]["value"] < 1500)
                    self.assertEqual(values["temp_process"]["unit"], "°C")
                    self.assertEqual(values["emissivity"]["raw"], [950])
                    self.assertAlmostEqual(values["emissivity"]["value"], 0.95)
                    self.assertEqual(doc["device"]["model"], model)
                    self.assertIn(str(values["serial_number"]["value"]).split(".")[0], sim.banner)
                finally:
                    self.assertEqual(sim.stop(), 0)

    def test_reading_a_register_of_another_model_names_the_exception(self):
        sim = Simulator("--model", "ctlt")
        try:
            code, out, err = run("read", "--host", "127.0.0.1", "--port", sim.port, "--json",
                                 "--register", "input:1024:u16")
            self.assertEqual(code, 1)
            doc = json.loads(out)
            self.assertEqual(doc["errors"][0]["exception"], "Illegal data address")
            self.assertEqual(doc["errors"][0]["exception_code"], 2)
            self.assertIn("Illegal data address", err)
        finally:
            sim.stop()

    def test_write_verify_and_unit_switch(self):
        sim = Simulator("--model", "ct4m")
        try:
            base = ("--host", "127.0.0.1", "--port", sim.port, "--model", "ct4m")
            code, out, err = run("write", *base, "--json", "emissivity=0.85", "10011=0.9")
            self.assertEqual(code, 0, err)
            written = json.loads(out)["written"]
            self.assertEqual([(w["id"], w["raw"], w["verified"]) for w in written],
                             [("emissivity", [850], True), ("transmission", [900], True)])
            code, out, _ = run("read", *base, "--json", "emissivity", "transmission", "temp_process")
            vals = {v["id"]: v for v in json.loads(out)["values"]}
            self.assertEqual(vals["emissivity"]["raw"], [850])
            self.assertEqual(vals["transmission"]["raw"], [900])
            celsius = vals["temp_process"]["value"]
            # Switch the device to °F by label; temperatures follow, and say so.
            code, out, err = run("write", *base, "temp_unit=°F")
            self.assertEqual(code, 0, err)
            code, out, _ = run("read", *base, "--json", "temp_process", "temp_unit")
            vals = {v["id"]: v for v in json.loads(out)["values"]}
            self.assertEqual(vals["temp_unit"]["label"], "°F")
            self.assertEqual(vals["temp_process"]["unit"], "°F")
            self.assertAlmostEqual(vals["temp_process"]["value"], celsius * 9 / 5 + 32, delta=15)
            # Validation against the whole batch: one bad assignment, nothing written.
            code, _, err = run("write", *base, "emissivity=0.5", "modbus_id=300")
            self.assertEqual(code, 2)
            code, out, _ = run("read", *base, "--json", "emissivity")
            self.assertEqual(json.loads(out)["values"][0]["raw"], [850])
        finally:
            sim.stop()

    def test_several_devices_on_consecutive_ports(self):
        sim = Simulator("--count", 3, "--model", "ctxm")
        try:
            serials = set()
            for i in range(3):
                code, out, err = run("read", "--host", "127.0.0.1", "--port", sim.port + i, "--model", "ctxm",
                                     "--json", "serial_number")
                self.assertEqual(code, 0, err)
                serials.add(json.loads(out)["values"][0]["value"])
            self.assertEqual(len(serials), 3)
        finally:
            sim.stop()

    def test_monitor_prints_live_values(self):
        code, out, err = run("monitor", "--simulate", "--interval", 100, "--samples", 3, "temp_process", timeout=30)
        self.assertEqual(code, 0, err)
        rows = [l for l in out.splitlines() if l[:2].isdigit()]
        self.assertEqual(len(rows), 3, out)
        for row in rows:
            self.assertIn("°C", row)

    def test_other_profiles_simulate_and_read(self):
        for pid in ("cn9600", "data-recorder", "apar-ar653", "contactor-module"):
            with self.subTest(profile=pid):
                sim = Simulator("--profile", pid)
                try:
                    code, out, err = run("read", "--host", "127.0.0.1", "--port", sim.port, "--profile", pid, "--json")
                    self.assertEqual(code, 0, err)
                    doc = json.loads(out)
                    self.assertEqual(doc["errors"], [])
                    profile = load_profile(pid)
                    model = profile["models"][0]["id"] if profile.get("models") else ""
                    self.assertEqual([v["id"] for v in doc["values"]], readable_ids(profile, model))
                finally:
                    sim.stop()


if __name__ == "__main__":
    argv = sys.argv[:]
    for opt in ("--cli", "--profiles"):
        if opt in argv:
            i = argv.index(opt)
            globals()[opt[2:].upper()] = os.path.abspath(argv[i + 1])
            del argv[i:i + 2]
    if not CLI or not PROFILES:
        sys.exit("usage: test_cli_simulator.py --cli PATH --profiles DIR [unittest args]")
    unittest.main(argv=argv, verbosity=2)
