#!/usr/bin/python3
"""pyrolink-cli backup, diff and restore against its own simulator: files, exit codes, --json.

Run: test_cli_backup.py --cli build/bin/pyrolink-cli --profiles resources/profiles
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_cli_simulator as base  # noqa: E402  (its Simulator and run helpers)

from test_cli_simulator import Simulator, closed_port, load_profile, run  # noqa: E402

DATA_HOME = None  # XDG_DATA_HOME of every run: the automatic backups land there, not in the user's folder


def setUpModule():
    global DATA_HOME
    DATA_HOME = tempfile.TemporaryDirectory()
    os.environ["XDG_DATA_HOME"] = DATA_HOME.name


def tearDownModule():
    DATA_HOME.cleanup()


def backup_ids(model):
    """What a backup of the model must hold: every read-write holding register that is not an action."""
    out = []
    for r in load_profile("optris-ct")["registers"]:
        if "models" in r and model not in r["models"]:
            continue
        if r["table"] == "holding" and r.get("access", "rw") == "rw" and "action" not in r:
            out.append(r["id"])
    return out


def one_sentence(text):
    text = text.strip()
    return text.endswith(".") and "\n" not in text


class BackupDiffRestore(unittest.TestCase):
    def setUp(self):
        self.sim = Simulator("--model", "ctlt")
        self.dev = ("--host", "127.0.0.1", "--port", self.sim.port)
        self.dir = tempfile.TemporaryDirectory()
        self.file = os.path.join(self.dir.name, "ct.json")

    def tearDown(self):
        self.assertEqual(self.sim.stop(), 0)
        self.sim.proc.stdout.close()
        self.sim.proc.stderr.close()
        self.dir.cleanup()

    def diff(self, *extra):
        code, out, err = run("diff", *self.dev, self.file, "--json", *extra)
        return code, (json.loads(out) if out else None), err

    def test_backup_diff_restore_round_trip(self):
        code, out, err = run("backup", *self.dev, "-o", self.file, "--json")
        self.assertEqual(code, 0, err)
        doc = json.loads(out)
        self.assertEqual(doc["registers"], len(backup_ids("ctlt")))
        self.assertEqual(doc["skipped"], [])
        with open(self.file, encoding="utf-8") as f:
            saved = json.load(f)
        self.assertEqual(saved["kind"], "pyrolink-backup")
        self.assertEqual((saved["profile"], saved["model"]), ("optris-ct", "ctlt"))
        self.assertEqual(saved["device"]["serial"], doc["serial"])
        self.assertEqual([r["id"] for r in saved["registers"]], backup_ids("ctlt"))
        emissivity = next(r for r in saved["registers"] if r["id"] == "emissivity")
        self.assertEqual((emissivity["raw"], emissivity["value"]), ([950], 0.95))

        # Nothing changed: no differences, --exit-code 0.
        code, doc, err = self.diff("--exit-code")
        self.assertEqual(code, 0, err)
        self.assertEqual(doc["summary"]["different"], 0)

        code, _, err = run("write", *self.dev, "emissivity=0.8", "modbus_id=9", "temp_unit=°F")
        self.assertEqual(code, 0, err)
        code, doc, err = self.diff()
        self.assertEqual(code, 0, err)  # the diff was made
        states = {r["id"]: r["state"] for r in doc["registers"]}
        self.assertEqual(states["emissivity"], "different")
        self.assertEqual(states["temp_unit"], "different")
        self.assertEqual(states["modbus_id"], "different")
        self.assertEqual(states["laser"], "same")
        eps = next(r for r in doc["registers"] if r["id"] == "emissivity")
        self.assertEqual((eps["device"]["raw"], eps["file"]["raw"]), ([800], [950]))
        unit = next(r for r in doc["registers"] if r["id"] == "temp_unit")
        self.assertEqual((unit["device"]["label"], unit["file"]["label"]), ("°F", "°C"))
        code, _, _ = self.diff("--exit-code")
        self.assertEqual(code, 3)
        code, out, _ = run("diff", *self.dev, self.file)
        self.assertEqual(code, 0)
        self.assertRegex(out, r"emissivity\s+different\s+0\.800\s+0\.950")

        # stdin is not a terminal and there is no --yes: the diff is shown, nothing is written.
        p = subprocess.run([base.CLI, "restore", *map(str, self.dev), self.file], capture_output=True, text=True,
                           stdin=subprocess.DEVNULL, timeout=60)
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn("--yes", p.stderr)
        self.assertTrue(one_sentence(p.stderr), p.stderr)
        self.assertIn("emissivity", p.stdout)
        self.assertEqual(self.diff()[1]["summary"]["different"], 14)  # still all there

        code, out, err = run("restore", *self.dev, self.file, "--yes", "--json")
        self.assertEqual(code, 0, err)
        doc = json.loads(out)
        results = {r["id"]: r for r in doc["results"]}
        for rid in ("emissivity", "temp_unit", "modbus_id"):
            self.assertEqual(results[rid]["status"], "verified", rid)
        self.assertEqual(results["laser"]["status"], "same")
        # The unit switch in step 1, the Modbus id in step 3.
        self.assertEqual(results["temp_unit"]["step"], 1)
        self.assertEqual(results["emissivity"]["step"], 2)
        self.assertEqual(results["modbus_id"]["step"], 3)
        self.assertEqual(doc["restored"].get("verified"), 3)
        # The device's settings before the restore were saved first.
        auto = doc["auto_backup"]
        self.assertTrue(auto.startswith(os.path.join(DATA_HOME.name, "Pyrolink", "backups")), auto)
        with open(auto, encoding="utf-8") as f:
            before = json.load(f)
        self.assertEqual(next(r for r in before["registers"] if r["id"] == "emissivity")["raw"], [800])

        code, doc, err = self.diff("--exit-code")
        self.assertEqual(code, 0, err)
        self.assertEqual(doc["summary"], {"same": len(backup_ids("ctlt")), "different": 0, "missing": 0})

        # Restoring again: nothing to write, exit 0.
        code, out, err = run("restore", *self.dev, self.file, "--yes")
        self.assertEqual(code, 0, err)
        self.assertIn("Nothing to write", out)

    def test_restore_text_report(self):
        self.assertEqual(run("backup", *self.dev, "-o", self.file)[0], 0)
        run("write", *self.dev, "avg_time=250", "temp_unit=°F")
        code, out, err = run("restore", *self.dev, self.file, "--yes", "--no-backup")
        self.assertEqual(code, 0, err)
        lines = out.splitlines()
        written = [l.split()[0] for l in lines if " verified " in l]
        self.assertEqual(written, ["temp_unit", "avg_time"])  # in the order written
        self.assertIn("note: Temp. unit is written first", out)
        self.assertIn("2 verified", lines[-1])
        self.assertNotIn("Saved the device's present settings", out)

    def test_failed_register_exits_1(self):
        self.assertEqual(run("backup", *self.dev, "-o", self.file)[0], 0)
        with open(self.file, encoding="utf-8") as f:
            doc = json.load(f)
        for r in doc["registers"]:
            if r["id"] == "emissivity":
                r["raw"] = [5000]  # 5.000: out of the register's range
        with open(self.file, "w", encoding="utf-8") as f:
            json.dump(doc, f)
        run("write", *self.dev, "modbus_id=4")
        code, out, err = run("restore", *self.dev, self.file, "--yes", "--json")
        self.assertEqual(code, 1, err)
        results = {r["id"]: r for r in json.loads(out)["results"]}
        self.assertEqual(results["emissivity"]["status"], "error")
        self.assertEqual(results["modbus_id"]["status"], "not_written")  # held back after a failure
        self.assertIn("emissivity:", err)

    def test_other_model_needs_force(self):
        self.assertEqual(run("backup", *self.dev, "-o", self.file)[0], 0)
        code, out, err = run("diff", *self.dev, "--model", "ctxm", self.file)
        self.assertEqual(code, 2)
        self.assertEqual(out, "")
        self.assertIn("--force", err)
        self.assertTrue(one_sentence(err), err)
        code, out, err = run("diff", *self.dev, "--model", "ctxm", "--force", self.file, "--json")
        self.assertEqual(code, 0, err)
        states = {r["id"]: r["state"] for r in json.loads(out)["registers"]}
        self.assertEqual(states["emissivity"], "same")
        self.assertEqual(states["peak_hold_time"], "missing")  # a CT LT register, not on the xM


class Refusals(unittest.TestCase):
    """Refused before anything goes on the wire: nothing listens on the port, so a connection would exit 1."""

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.port = closed_port()
        self.dev = ("--host", "127.0.0.1", "--port", self.port)

    def tearDown(self):
        self.dir.cleanup()

    def write_file(self, name, text):
        path = os.path.join(self.dir.name, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def valid(self, **changes):
        doc = {"kind": "pyrolink-backup", "format": 1, "created": "2024-05-01T12:00:00Z", "pyrolink": "0.1.0",
               "profile": "optris-ct", "model": "ctlt", "device": {"serial": "23120001"},
               "registers": [{"id": "emissivity", "name": "Epsilon", "table": "holding", "address": 10010,
                              "raw": [900], "value": 0.9, "unit": ""}]}
        doc.update(changes)
        return doc

    def test_usage_errors_exit_2(self):
        good = self.write_file("good.json", json.dumps(self.valid(), indent=2))
        cases = [
            ("backup", *self.dev),                       # no -o
            ("diff", *self.dev),                         # no file
            ("diff", *self.dev, good, good),             # two files
            ("restore", *self.dev),
            ("diff", good),                              # no device
            ("diff", *self.dev, os.path.join(self.dir.name, "missing.json")),
        ]
        for args in cases:
            code, out, err = run(*args)
            self.assertEqual(code, 2, f"{args}: {err}")
            self.assertTrue(one_sentence(err), f"{args}: {err}")
            self.assertEqual(out, "", args)

    def test_corrupted_file_names_file_line_and_field(self):
        doc = self.valid()
        doc["registers"][0]["raw"] = ["nine hundred"]
        path = self.write_file("broken.json", json.dumps(doc, indent=2))
        code, out, err = run("restore", *self.dev, path, "--yes")
        self.assertEqual(code, 2)
        with open(path, encoding="utf-8") as f:
            line = next(i + 1 for i, l in enumerate(f) if '"raw"' in l)
        self.assertEqual(err.strip(),
                         f"broken.json:{line}: registers[0].raw: must be a list of whole numbers from 0 to 65535.")
        path = self.write_file("cut.json", json.dumps(self.valid(), indent=2)[:-20])
        code, _, err = run("diff", *self.dev, path)
        self.assertEqual(code, 2)
        self.assertRegex(err.strip(), r"^cut\.json:\d+: the file is not valid JSON")

    def test_other_profile_is_refused_even_with_force(self):
        path = self.write_file("cn.json", json.dumps(self.valid(profile="cn9600", model="cn9600"), indent=2))
        for extra in ((), ("--force",)):
            code, out, err = run("restore", *self.dev, path, "--yes", *extra)
            self.assertEqual(code, 2, err)
            self.assertIn('"cn9600"', err)
            self.assertIn('"optris-ct"', err)
            self.assertTrue(one_sentence(err), err)

    def test_unreachable_device_exits_1(self):
        good = self.write_file("good.json", json.dumps(self.valid(), indent=2))
        for args in (("backup", *self.dev, "-o", os.path.join(self.dir.name, "x.json")),
                     ("diff", *self.dev, good), ("restore", *self.dev, good, "--yes")):
            code, out, err = run(*args)
            self.assertEqual(code, 1, f"{args}: {err}")
            self.assertEqual(len(err.strip().splitlines()), 1, err)
        self.assertFalse(os.path.exists(os.path.join(self.dir.name, "x.json")))

    def test_help(self):
        for cmd in ("backup", "diff", "restore"):
            code, out, err = run(cmd, "--help")
            self.assertEqual(code, 0, err)
            self.assertIn("pyrolink-cli " + cmd, out)
        self.assertIn("--exit-code", run("diff", "--help")[1])
        self.assertIn("--yes", run("restore", "--help")[1])
        code, out, _ = run("--help")
        for cmd in ("backup", "diff", "restore"):
            self.assertIn(cmd, out)


if __name__ == "__main__":
    argv = sys.argv[:]
    for opt in ("--cli", "--profiles"):
        if opt in argv:
            i = argv.index(opt)
            setattr(base, opt[2:].upper(), os.path.abspath(argv[i + 1]))
            del argv[i:i + 2]
    if not base.CLI or not base.PROFILES:
        sys.exit("usage: test_cli_backup.py --cli PATH --profiles DIR [unittest args]")
    unittest.main(argv=argv, verbosity=2)
