#!/usr/bin/python3
"""`pyrolink-cli report` against its own simulator: the PDF it writes, read back with pdftotext, and its exit codes.

Run: test_cli_report.py --cli build/bin/pyrolink-cli --profiles resources/profiles
"""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_cli_simulator as base  # noqa: E402  (Simulator, run, closed_port)

BANNER = re.compile(r"serial (\d+)")


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True).stdout


def stop(sim):
    """Stops a simulator and closes its pipes; its exit status."""
    code = sim.stop()
    sim.proc.stdout.close()
    sim.proc.stderr.close()
    return code


def headless_env():
    """No display, and a desktop platform asked for: the report must still run (it forces offscreen)."""
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env["QT_QPA_PLATFORM"] = "xcb"
    return env


class Report(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not shutil.which("pdftotext"):
            raise unittest.SkipTest("pdftotext is missing: apt-get install poppler-utils")

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)

    def test_report_of_a_simulated_device(self):
        sim = base.Simulator("--model", "ctratio")
        try:
            serial = BANNER.search(sim.banner).group(1)
            path = os.path.join(self.dir.name, "x.pdf")
            before = time.strftime("%Y-%m-%d")
            p = subprocess.run([base.CLI, "report", "--host", "127.0.0.1", "--port", str(sim.port), "--model", "ctratio",
                                "--duration", "2s", "-o", path, "--technician", "A. Tester",
                                "--notes", r"Mounted above kiln 3.\nSight glass cleaned."],
                               capture_output=True, text=True, timeout=60, env=headless_env())
            after = time.strftime("%Y-%m-%d")
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn(path, p.stdout)
            with open(path, "rb") as f:
                self.assertEqual(f.read(5), b"%PDF-")
            text = pdf_text(path)
            self.assertIn(serial, text)
            self.assertIn("A. Tester", text)
            self.assertTrue(before in text or after in text, text[:1500])
            self.assertRegex(text, r"Epsilon\s+0\.950")
            self.assertRegex(text, r"Temp process\s+\d+\.\d\s+°C\s+Good")
            self.assertIn("Mounted above kiln 3.\n", text)
            self.assertIn("Sight glass cleaned.", text)
            pages = [pg for pg in text.split("\f") if pg.strip()]
            self.assertGreaterEqual(len(pages), 2)
            for i, page in enumerate(pages, 1):
                self.assertIn(f"Page {i} of {len(pages)}", page)
                self.assertIn(f"Serial number {serial}", page)
        finally:
            self.assertEqual(stop(sim), 0)

    def test_json_summary(self):
        sim = base.Simulator("--model", "ct4m")
        try:
            path = os.path.join(self.dir.name, "y.pdf")
            code, out, err = base.run("report", "--host", "127.0.0.1", "--port", sim.port, "--model", "ct4m",
                                      "--duration", "1s", "-o", path, "--json")
            self.assertEqual(code, 0, err)
            doc = json.loads(out)
            self.assertEqual(doc["file"], os.path.abspath(path))
            self.assertEqual(doc["serial"], BANNER.search(sim.banner).group(1))
            self.assertEqual(doc["device"]["model"], "ct4m")
            self.assertEqual(doc["errors"], [])
            self.assertGreater(doc["cycles"], 3)
            self.assertGreaterEqual(doc["pages"], 2)
            self.assertIn(f"Page {doc['pages']} of {doc['pages']}", pdf_text(path))
        finally:
            stop(sim)

    def test_interrupt_ends_the_polling_and_still_writes(self):
        sim = base.Simulator()
        try:
            path = os.path.join(self.dir.name, "z.pdf")
            proc = subprocess.Popen([base.CLI, "report", "--host", "127.0.0.1", "--port", str(sim.port),
                                     "--duration", "60s", "-o", path], stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True, env=headless_env())
            time.sleep(2.5)
            start = time.time()
            proc.send_signal(signal.SIGINT)
            out, err = proc.communicate(timeout=20)
            self.assertEqual(proc.returncode, 0, err)
            self.assertLess(time.time() - start, 10)
            self.assertIn("Page 1 of", pdf_text(path))
        finally:
            stop(sim)

    def test_closed_port_is_a_device_error_and_writes_nothing(self):
        path = os.path.join(self.dir.name, "none.pdf")
        code, out, err = base.run("report", "--host", "127.0.0.1", "--port", base.closed_port(), "--duration", "1s",
                                  "-o", path)
        self.assertEqual(code, 1, err)
        self.assertEqual(out, "")
        self.assertEqual(len(err.strip().splitlines()), 1, err)
        self.assertFalse(os.path.exists(path))

    def test_usage_errors_exit_2(self):
        port = base.closed_port()
        ok = os.path.join(self.dir.name, "u.pdf")
        cases = [
            ("report", "--host", "127.0.0.1", "--port", port),                                   # no -o
            ("report", "--port", port, "-o", ok),                                                  # no device
            ("report", "--host", "127.0.0.1", "--port", port, "-o", ok, "--duration", "soon"),
            ("report", "--host", "127.0.0.1", "--port", port, "-o", ok, "--duration", "0s"),
            ("report", "--host", "127.0.0.1", "--port", port, "-o", os.path.join(self.dir.name, "no", "u.pdf")),
            ("report", "--host", "127.0.0.1", "--port", port, "-o", ok, "--model", "ct9x"),
        ]
        for args in cases:
            code, out, err = base.run(*args)
            self.assertEqual(code, 2, f"{args}: {err}")
            self.assertTrue(err.strip(), args)
            self.assertEqual(out, "", args)
        code, out, _ = base.run("report", "--help")
        self.assertEqual(code, 0)
        self.assertIn("pyrolink-cli report", out)
        self.assertIn("--technician", out)


if __name__ == "__main__":
    argv = sys.argv[:]
    for opt in ("--cli", "--profiles"):
        if opt in argv:
            i = argv.index(opt)
            setattr(base, opt[2:].upper(), os.path.abspath(argv[i + 1]))
            del argv[i:i + 2]
    if not base.CLI or not base.PROFILES:
        sys.exit("usage: test_cli_report.py --cli PATH --profiles DIR [unittest args]")
    unittest.main(argv=argv, verbosity=2)
