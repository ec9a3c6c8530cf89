#!/usr/bin/python3
"""pyrolink-cli over Modbus RTU: a socat pty pair, pymodbus' RTU server on one end.

    /usr/bin/python3 tests/peers/test_rtu_socat.py --cli build/bin/pyrolink-cli \
        --profiles resources/profiles [-v]
"""

import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import peerlib  # noqa: E402
from peerlib import PeerTestCase, compare_read  # noqa: E402

# None: every model of the profile; peer-codec (tests/peers/profiles) adds coils, discrete inputs,
# 32-bit types and both word orders over RTU
CASES = [("optris-ct", "ctxm"), ("apar-ar653", None), ("peer-codec", "m2")]


class RtuOverSocat(PeerTestCase):
    def setUp(self):
        super().setUp()
        if shutil.which("socat") is None:
            self.skipTest("socat is not installed (apt-get install socat); test skipped")
        peerlib.require_cli(self)

    def pty_pair(self, tag):
        a, b = os.path.join(self.tmp, f"{tag}ttyA"), os.path.join(self.tmp, f"{tag}ttyB")
        pr = self.start(["socat", "-d", "-d", f"pty,raw,echo=0,link={a}", f"pty,raw,echo=0,link={b}"],
                        f"socat{tag}")
        pr.wait_for(lambda: os.path.exists(a) and os.path.exists(b), 10, "socat's two pty links")
        return pr, a, b

    def test_rtu_reads(self):
        n = 0
        for pid, only_model in CASES:
            prof = peerlib.profile_by_id(self, pid)
            for model in ([only_model] if only_model else prof.model_ids()):
                n += 1
                with self.subTest(profile=pid, model=model):
                    self.check(prof, model, 500 + n, f"p{n}")

    def check(self, prof, model, seed, tag):
        socat, a, b = self.pty_pair(tag)
        srv, _, expect, _ = self.start_server(prof, model, serial=a, seed=seed, name=f"rtu{tag}")
        try:
            args = ["read", "--serial", b, "--baud", "115200", "--json", "--profile", prof.id,
                    "--profile-dir", os.path.dirname(prof.path), "--timeout", 3000]
            if model is not None:
                args += ["--model", model]
            r = self.cli(*args)
            self.assertEqual(r.returncode, 0, self.show(r))
            doc = self.json_of(r)
            problems = compare_read(doc, expect, prof.readable_registers(model))
            dev = doc.get("device") or {}
            if dev.get("profile") != prof.id:
                problems.append(f"device.profile = {dev.get('profile')!r}, expected {prof.id!r}")
            if model is not None and dev.get("model") != model:
                problems.append(f"device.model = {dev.get('model')!r}, expected {model!r}")
            self.assertFalse(problems, "\n  " + "\n  ".join(problems) + self.show(r))
        finally:
            srv.kill()
            socat.kill()


if __name__ == "__main__":
    peerlib.main()
