#!/usr/bin/python3
"""pyrolink-cli judged against a pymodbus server (modbus_server.py) and profile_model.py.

    /usr/bin/python3 tests/peers/test_cli_pymodbus.py --cli build/bin/pyrolink-cli \
        --profiles resources/profiles [-v] [-k PATTERN]
"""

import os
import random
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import peerlib  # noqa: E402
from peerlib import PeerTestCase, compare_read, compare_value, modbus_read, pm  # noqa: E402
import modbus_server  # noqa: E402

HOST = "127.0.0.1"


def seeds_for(profile, model, base):
    """The base seed, and when the profile has unit selectors, further seeds that give every
    selector value the profile names (so both °C and °F are seen)."""
    seeds = [base]
    if not profile.unit_selectors:
        return seeds
    seen = set()

    def sel_of(seed):
        mem = modbus_server.build_memory(profile, model, seed, lambda m: None)
        return tuple(sorted(profile.selector_raws(model, mem).items()))

    seen.add(sel_of(base))
    wanted = 1
    for s in profile.unit_selectors:
        wanted = max(wanted, len(s["units"]))
    for s in range(base + 1, base + 200):
        if len(seen) >= wanted:
            break
        k = sel_of(s)
        if k not in seen:
            seen.add(k)
            seeds.append(s)
    return seeds


class ReadEveryProfile(PeerTestCase):
    def setUp(self):
        super().setUp()
        peerlib.require_cli(self)

    def test_profiles_exist(self):
        self.assertTrue(peerlib.profile_files(), f"no *.json profile in {peerlib.PROFILES}")

    def test_read_every_profile_every_model(self):
        """Every profile of --profiles DIR and of tests/peers/profiles, every model."""
        self.assertTrue(peerlib.profile_files(), f"no *.json profile in {peerlib.PROFILES}")
        n = 0
        for prof in peerlib.all_profiles():
            for model in prof.model_ids():
                for seed in seeds_for(prof, model, 1000 + n):
                    n += 1
                    with self.subTest(profile=prof.id, model=model, seed=seed):
                        self.check_read(prof, model, seed)

    def check_read(self, prof, model, seed):
        srv, port, expect, _ = self.start_server(prof, model, seed=seed, name=f"s{seed}")
        try:
            args = ["read", "--json", "--host", HOST, "--port", port, "--profile", prof.id,
                    "--profile-dir", os.path.dirname(prof.path), "--timeout", 3000]
            if model is not None:
                args += ["--model", model]
            r = self.cli(*args)
            regs = prof.readable_registers(model)
            self.assertEqual(r.returncode, 0, f"exit code{self.show(r)}")
            doc = self.json_of(r)
            problems = compare_read(doc, expect, regs)
            dev = doc.get("device") or {}
            want_dev = {"host": HOST, "port": port, "unit": 1, "profile": prof.id}
            if model is not None:
                want_dev["model"] = model
            for k, w in want_dev.items():
                if dev.get(k) != w:
                    problems.append(f"device.{k} = {dev.get(k)!r}, expected {w!r}")
            self.assertFalse(problems, "\n  " + "\n  ".join(problems) + self.show(r))
        finally:
            srv.kill()

    def test_read_named_ids(self):
        """Only the named registers are read; unit selectors still apply."""
        prof = peerlib.profile_by_id(self, "optris-ct")
        model = prof.default_model
        srv, port, expect, _ = self.start_server(prof, model, seed=7)
        readable = prof.readable_registers(model)
        rng = random.Random(7)
        names = [r for r in readable if r.unit is not None and any(
            r.unit == s["replaces"] for s in prof.unit_selectors)][:1]
        names += rng.sample([r for r in readable if r not in names], min(3, len(readable) - len(names)))
        r = self.cli("read", "--json", "--host", HOST, "--port", port, "--profile", prof.id,
                     "--model", model, "--profile-dir", peerlib.PROFILES, *[x.id for x in names])
        self.assertEqual(r.returncode, 0, self.show(r))
        problems = compare_read(self.json_of(r), expect, names)
        self.assertFalse(problems, "\n  " + "\n  ".join(problems) + self.show(r))

    def test_read_by_address(self):
        prof = peerlib.profile_by_id(self, "optris-ct")
        model = prof.default_model
        srv, port, expect, _ = self.start_server(prof, model, seed=8)
        reg = prof.register("emissivity", model)
        r = self.cli("read", "--json", "--host", HOST, "--port", port, "--profile", prof.id,
                     "--model", model, "--profile-dir", peerlib.PROFILES, str(reg.address))
        self.assertEqual(r.returncode, 0, self.show(r))
        problems = compare_read(self.json_of(r), expect, [reg])
        self.assertFalse(problems, "\n  " + "\n  ".join(problems) + self.show(r))


class AdHocRegisters(PeerTestCase):
    """--register TABLE:ADDRESS[:TYPE[:ORDER]] with no profile, against words we chose."""

    def setUp(self):
        super().setUp()
        peerlib.require_cli(self)

    def test_adhoc_types(self):
        seed = random.SystemRandom().randrange(1 << 30)
        rng = random.Random(seed)
        u16 = rng.randrange(1, 0x8000)
        s16 = rng.randrange(0x8000, 0x10000)  # negative
        w32 = [rng.randrange(0x8000, 0x10000), rng.randrange(0x8000, 0x10000)]  # s32 negative both ways
        while True:
            x = struct.unpack(">f", struct.pack(">f", rng.uniform(-1e5, 1e5)))[0]
            fw = list(struct.unpack(">HH", struct.pack(">f", x)))
            y = struct.unpack(">f", struct.pack(">HH", fw[1], fw[0]))[0]
            if y == y and abs(y) != float("inf"):
                break
        hb, ib = 30000 + rng.randrange(100), 40000 + rng.randrange(100)
        extra = [f"holding:{hb}={u16},{s16},{w32[0]},{w32[1]}", f"input:{ib}={fw[0]},{fw[1]}"]
        srv, port, _, _ = self.start_server(extra=extra)

        def u32(hi, lo):
            return (hi << 16) | lo

        def s32(hi, lo):
            v = u32(hi, lo)
            return v - (1 << 32) if v & 0x80000000 else v

        cases = [  # spec, raw, value
            (f"holding:{hb}", [u16], u16),
            (f"holding:{hb}:u16", [u16], u16),
            (f"holding:{hb + 1}:s16", [s16], s16 - 0x10000),
            (f"holding:{hb + 1}:u16", [s16], s16),
            (f"holding:{hb + 2}:u32:be", w32, u32(w32[0], w32[1])),
            (f"holding:{hb + 2}:u32:le", w32, u32(w32[1], w32[0])),
            (f"holding:{hb + 2}:s32:be", w32, s32(w32[0], w32[1])),
            (f"holding:{hb + 2}:s32:le", w32, s32(w32[1], w32[0])),
            (f"input:{ib}:f32:be", fw, x),
            (f"input:{ib}:f32:le", fw, y),
        ]
        args = ["read", "--json", "--host", HOST, "--port", port, "--timeout", 3000]
        for spec, _, _ in cases:
            args += ["--register", spec]
        r = self.cli(*args)
        self.assertEqual(r.returncode, 0, f"seed {seed}{self.show(r)}")
        doc = self.json_of(r)
        got = {v.get("id"): v for v in doc.get("values", [])}
        problems = []
        if doc.get("errors"):
            problems.append(f"errors: {doc['errors']}")
        for spec, raw, value in cases:
            if spec not in got:
                problems.append(f"{spec}: no values entry with this id (ids: {sorted(got)})")
                continue
            v = got[spec]
            table, addr = spec.split(":")[:2]
            if v.get("table") != table or v.get("address") != int(addr):
                problems.append(f"{spec}: table/address {v.get('table')!r}/{v.get('address')!r}")
            if v.get("raw") != raw:
                problems.append(f"{spec}: raw {v.get('raw')!r}, expected {raw}")
            problems += compare_value(spec, v, {"value": value})
        self.assertFalse(problems, f"seed {seed}\n  " + "\n  ".join(problems) + self.show(r))

    def test_adhoc_coil(self):
        srv, port, _, _ = self.start_server(extra=["coil:100=1", "discrete_input:200=0"])
        r = self.cli("read", "--json", "--host", HOST, "--port", port,
                     "--register", "coil:100", "--register", "discrete_input:200")
        self.assertEqual(r.returncode, 0, self.show(r))
        got = {v.get("id"): v for v in self.json_of(r).get("values", [])}
        for spec, bit in (("coil:100", 1), ("discrete_input:200", 0)):
            self.assertIn(spec, got, self.show(r))
            self.assertEqual(got[spec].get("raw"), [bit], f"{spec}{self.show(r)}")
            self.assertEqual(got[spec].get("value"), bit, f"{spec}{self.show(r)}")


class Writes(PeerTestCase):
    """write against the pymodbus server; what the server holds is checked with pymodbus' client
    and with the server's own state file (which changes only when a client writes)."""

    def setUp(self):
        super().setUp()
        peerlib.require_cli(self)
        self.prof = peerlib.profile_by_id(self, "optris-ct")

    def base(self, port, model):
        return ["--host", HOST, "--port", port, "--profile", self.prof.id, "--model", model,
                "--profile-dir", peerlib.PROFILES, "--timeout", 3000]

    def pick(self, reg, current_raw, candidates):
        for c in candidates:
            if reg.encode(c) != current_raw:
                return c
        self.fail("no candidate value differs from the current one")

    def test_writes(self):
        for model in ("ctlt", "ct4m"):
            with self.subTest(model=model):
                self.check_writes(model)

    def check_writes(self, model):
        prof = self.prof
        self.assertIn(model, prof.model_ids())
        emis = prof.register("emissivity", model)
        self.assertEqual((emis.table, emis.address), ("holding", 10010), "profile: emissivity is not holding 10010")
        srv, port, expect, state_path = self.start_server(prof, model, seed=11, name=f"w-{model}")
        base = self.base(port, model)

        def held():
            return modbus_read(port, emis.table, emis.address, emis.size)

        # 1. emissivity=0.85
        start = held()
        self.assertEqual(start, expect["emissivity"]["raw"])
        val = self.pick(emis, start, ["0.85", "0.9"])
        r = self.cli("write", *base, f"emissivity={val}")
        self.assertEqual(r.returncode, 0, self.show(r))
        self.assertEqual(held(), emis.encode(val), f"server does not hold emissivity={val}{self.show(r)}")
        self.assertEqual(emis.encode("0.85"), [850])
        self.assertEqual(len([ln for ln in r.stdout.splitlines() if ln.strip()]), 1,
                         f"one line per written register{self.show(r)}")

        # 2. out of range: exit 2, nothing written
        before = self.state(state_path)
        too_big = "1.5"
        self.assertRaises(pm.ValidationError, emis.encode, too_big)
        r = self.cli("write", *base, f"emissivity={too_big}")
        self.assertEqual(r.returncode, 2, self.show(r))
        self.assertEqual(self.state(state_path), before, f"something was written{self.show(r)}")
        self.assertTrue(r.stderr.strip(), f"no message on stderr{self.show(r)}")

        # 3. one valid and one invalid assignment: exit 2, NEITHER written
        mid = prof.register("modbus_id", model)
        self.assertRaises(pm.ValidationError, mid.encode, "300")
        val2 = self.pick(emis, held(), ["0.85", "0.9", "0.95"])
        emis.encode(val2)
        for order in ([f"emissivity={val2}", "modbus_id=300"], ["modbus_id=300", f"emissivity={val2}"]):
            r = self.cli("write", *base, *order)
            self.assertEqual(r.returncode, 2, self.show(r))
            self.assertEqual(self.state(state_path), before, f"something was written{self.show(r)}")

        # 4. read-only register
        tp = prof.register("temp_process", model)
        self.assertFalse(tp.writable)
        r = self.cli("write", *base, "temp_process=20")
        self.assertEqual(r.returncode, 2, self.show(r))
        self.assertEqual(self.state(state_path), before, f"something was written{self.show(r)}")

        # 4b. enum: a value that is not listed is refused, a listed one is written
        enums = [x for x in prof.registers_for(model)
                 if x.enum_int and x.writable and x.type in ("u16", "s16") and x.id not in prof.selector_ids()]
        self.assertTrue(enums, "no writable enum register in this model")
        en = enums[0]
        lo, hi = en.raw_range()
        bad = next(k for k in range(max(lo, 0), hi + 1) if k not in en.enum_int)
        self.assertRaises(pm.ValidationError, en.encode, str(bad))
        r = self.cli("write", *base, f"{en.id}={bad}")
        self.assertEqual(r.returncode, 2, f"{en.id}={bad} is not in its enum{self.show(r)}")
        self.assertEqual(self.state(state_path), before, f"something was written{self.show(r)}")
        cur = modbus_read(port, en.table, en.address)
        good = next(k for k in sorted(en.enum_int) if en.encode(str(k)) != cur)
        r = self.cli("write", *base, f"{en.id}={good}")
        self.assertEqual(r.returncode, 0, self.show(r))
        self.assertEqual(modbus_read(port, en.table, en.address), en.encode(str(good)), self.show(r))
        before = self.state(state_path)

        # 5. by address, with --json
        val3 = self.pick(emis, held(), ["0.9", "0.95", "0.85"])
        r = self.cli("write", "--json", *base, f"{emis.address}={val3}")
        self.assertEqual(r.returncode, 0, self.show(r))
        self.assertEqual(held(), emis.encode(val3), f"server does not hold {val3}{self.show(r)}")
        doc = self.json_of(r)
        w = doc.get("written") or []
        self.assertEqual(len(w), 1, self.show(r))
        self.assertEqual(w[0].get("address"), emis.address, self.show(r))
        self.assertEqual(w[0].get("id"), "emissivity", self.show(r))
        self.assertEqual(w[0].get("raw"), emis.encode(val3), self.show(r))
        self.assertIs(w[0].get("verified"), True, self.show(r))
        self.assertFalse(compare_value("written", w[0], {"value": float(val3)}), self.show(r))
        self.assertFalse(doc.get("errors"), self.show(r))
        srv.kill()

        # 6. the device ignores the write: read-back mismatch → exit 1
        srv, port, expect, state_path = self.start_server(prof, model, seed=12, readonly_ids=["emissivity"],
                                                          name=f"ro-{model}")
        base = self.base(port, model)
        start = modbus_read(port, emis.table, emis.address)
        val = self.pick(emis, start, ["0.85", "0.9"])
        r = self.cli("write", *base, f"emissivity={val}")
        self.assertEqual(r.returncode, 1, f"a read-back mismatch must exit 1{self.show(r)}")
        self.assertEqual(modbus_read(port, emis.table, emis.address), start)
        self.assertTrue(r.stderr.strip(), f"no message on stderr{self.show(r)}")
        r = self.cli("write", "--json", *base, f"emissivity={val}")
        self.assertEqual(r.returncode, 1, self.show(r))
        doc = self.json_of(r)
        w = [x for x in doc.get("written") or [] if x.get("id") == "emissivity"]
        self.assertTrue(w and w[0].get("verified") is False, f"expected verified: false{self.show(r)}")
        srv.kill()


class WritesCodec(PeerTestCase):
    """Every writable register of tests/peers/profiles/peer-codec.json written in ONE command with a
    random valid value; the server must then hold exactly what profile_model.py encodes."""

    def setUp(self):
        super().setUp()
        peerlib.require_cli(self)
        self.prof = pm.Profile.load(os.path.join(peerlib.PEER_PROFILES, "peer-codec.json"))

    def write_group(self, port, base, regs, rng):
        assigns, want = [], {}
        for r in regs:
            cur = modbus_read(port, r.table, r.address, r.size)
            for _ in range(100):
                words = modbus_server.gen_words(r, rng)
                if words != cur:
                    break
            eng = r.decode(words)["value"]
            text = str(int(eng)) if r.type != "f32" and float(eng).is_integer() else repr(eng)
            self.assertEqual(r.encode(text), words, f"profile_model round trip of {r.id}={text}")
            assigns.append(f"{r.id}={text}")
            want[r.id] = (r, words)
        r = self.cli("write", "--json", *base, *assigns)
        problems = []
        if r.returncode != 0:
            problems.append(f"exit code {r.returncode}, expected 0")
        for rid, (reg, words) in want.items():
            held = modbus_read(port, reg.table, reg.address, reg.size)
            if held != words:
                problems.append(f"{rid}: server holds {held}, expected {words}")
        doc = self.json_of(r)
        written = {w.get("id"): w for w in doc.get("written") or []}
        for rid, (reg, words) in want.items():
            w = written.get(rid)
            if w is None:
                problems.append(f"{rid}: not in written")
            elif w.get("raw") != words or w.get("verified") is not True:
                problems.append(f"{rid}: written entry {w}, expected raw {words} verified true")
        if doc.get("errors"):
            problems.append(f"errors: {doc['errors']}")
        self.assertFalse(problems, "\n  " + "\n  ".join(problems) + self.show(r))

    def test_write_every_type(self):
        seed = random.SystemRandom().randrange(1 << 30)
        rng = random.Random(seed)
        prof = self.prof
        for model in prof.model_ids():
            with self.subTest(model=model, seed=seed):
                srv, port, expect, state_path = self.start_server(prof, model, seed=rng.randrange(1 << 20),
                                                                  name=f"wc-{model}")
                base = ["--host", HOST, "--port", port, "--profile", prof.id, "--model", model,
                        "--profile-dir", peerlib.PEER_PROFILES, "--timeout", 3000]
                regs = [r for r in prof.readable_registers(model) if r.writable and r.type != "words"]
                self.assertTrue(regs)
                # registers first (one command), then coils (another), so a failure names its kind
                for table in ("holding", "coil"):
                    group = [r for r in regs if r.table == table]
                    if group:
                        with self.subTest(model=model, seed=seed, table=table):
                            self.write_group(port, base, group, rng)

            with self.subTest(model=model, seed=seed, check="refused values"):
                # out of range / not listed / not 0-1: each refused with exit 2, nothing written
                before = self.state(state_path)
                bad = []
                for reg in regs:
                    if reg.enum_int is not None:
                        bad.append(f"{reg.id}={next(k for k in range(-5, 100) if k not in reg.enum_int)}")
                    elif reg.type == "bool" or reg.table == "coil":
                        bad.append(f"{reg.id}=2")
                    else:
                        if reg.max is not None:
                            bad.append(f"{reg.id}={reg.max + 1 / reg.divisor!r}")
                        if reg.min is not None:
                            bad.append(f"{reg.id}={reg.min - 1 / reg.divisor!r}")
                for b in bad:
                    rid, val = b.split("=")
                    self.assertRaises(pm.ValidationError, prof.register(rid, model).encode, val)
                    r = self.cli("write", *base, b)
                    self.assertEqual(r.returncode, 2, self.show(r))
                    self.assertEqual(self.state(state_path), before, f"something was written{self.show(r)}")
                srv.kill()


class Failures(PeerTestCase):
    def setUp(self):
        super().setUp()
        peerlib.require_cli(self)

    def test_illegal_data_address(self):
        prof = peerlib.profile_by_id(self, "optris-ct")
        model = prof.default_model
        self.assertNotIn(5000, prof.covered(model)["input"])
        srv, port, _, _ = self.start_server(prof, model, seed=3)
        r = self.cli("read", "--host", HOST, "--port", port, "--timeout", 3000,
                     "--register", "input:5000:u16")
        self.assertEqual(r.returncode, 1, self.show(r))
        self.assertIn("Illegal data address", r.stderr, self.show(r))
        self.assert_one_sentence(r)
        r = self.cli("read", "--json", "--host", HOST, "--port", port, "--timeout", 3000,
                     "--register", "input:5000:u16")
        self.assertEqual(r.returncode, 1, self.show(r))
        doc = self.json_of(r)
        errs = doc.get("errors") or []
        self.assertEqual(len(errs), 1, self.show(r))
        e = errs[0]
        self.assertEqual((e.get("id"), e.get("table"), e.get("address")), ("input:5000:u16", "input", 5000),
                         self.show(r))
        self.assertIn(e.get("exception_code", 2), (2,), self.show(r))
        self.assertIn("Illegal data address", f"{e.get('exception', '')} {e.get('error', '')}", self.show(r))
        self.assertFalse(doc.get("values"), self.show(r))

    def test_usage_errors(self):
        """Usage errors exit 2 with one sentence on stderr, before anything goes on the wire
        (the port here is closed: a CLI that tried to connect would answer 1)."""
        port = peerlib.free_port()
        common = ["--host", HOST, "--port", port, "--timeout", 2000]
        cases = [
            ["read", *common, "--profile", "optris-ct", "--profile-dir", peerlib.PROFILES, "no_such_register"],
            ["read", *common, "--profile", "optris-ct", "--profile-dir", peerlib.PROFILES, "--model", "no-such-model"],
            ["read", *common, "--profile", "no-such-profile", "--profile-dir", peerlib.PROFILES],
            ["read", *common, "--register", "nosuchtable:1020:u16"],
            ["read", *common, "--register", "input:1020:x99"],
            ["read", *common, "--register", "input:70000:u16"],
            ["write", *common, "--profile", "optris-ct", "--profile-dir", peerlib.PROFILES, "emissivity=abc"],
            ["write", *common, "--profile", "optris-ct", "--profile-dir", peerlib.PROFILES, "no_such_register=1"],
        ]
        for args in cases:
            with self.subTest(args=" ".join(map(str, args))):
                r = self.cli(*args)
                self.assertEqual(r.returncode, 2, self.show(r))
                if args[0] == "read":
                    self.assert_one_sentence(r)
                else:  # write validation may name every refused assignment, plus "Nothing was written."
                    self.assertTrue(r.stderr.strip(), self.show(r))

    def test_closed_port(self):
        port = peerlib.free_port()
        r = self.cli("read", "--json", "--host", HOST, "--port", port, "--timeout", 2000,
                     "--register", "input:1020:u16")
        self.assertEqual(r.returncode, 1, self.show(r))
        self.assert_one_sentence(r)


if __name__ == "__main__":
    peerlib.main()
