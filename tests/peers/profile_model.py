#!/usr/bin/python3
"""Independent Python model of the Pyrolink device-profile format (docs/profiles.md).

This is the "second opinion" against which the C++ codec of pyrolink-cli is
judged.  It was written from docs/profiles.md and the CLI contract only, never
from the C++ sources: do not "fix" it by copying behaviour from the C++ code.

Library use:
    p = Profile.load("resources/profiles/optris-ct.json")
    regs = p.readable_registers("ctlt")          # what `read` must return
    exp = p.decode_all("ctlt", memory)           # memory: {(table, address): word}
    words = p.encode(p.register("emissivity", "ctlt"), 0.85)

Command line (handy for looking at a profile):
    /usr/bin/python3 profile_model.py summary FILE [--model M]
    /usr/bin/python3 profile_model.py encode FILE MODEL ID VALUE
"""

import json
import math
import struct
import sys
from fractions import Fraction

TABLES = ("coil", "discrete_input", "input", "holding")
BIT_TABLES = ("coil", "discrete_input")
TYPES = ("u16", "s16", "u32", "s32", "f32", "bool", "words")
TYPE_SIZE = {"u16": 1, "s16": 1, "u32": 2, "s32": 2, "f32": 2, "bool": 1}
INT_RANGE = {
    "u16": (0, 0xFFFF),
    "s16": (-0x8000, 0x7FFF),
    "u32": (0, 0xFFFFFFFF),
    "s32": (-0x80000000, 0x7FFFFFFF),
    "bool": (0, 1),
}
F32_MAX = struct.unpack(">f", bytes.fromhex("7f7fffff"))[0]


class ProfileError(ValueError):
    pass


class ValidationError(ValueError):
    """A value that must not be written (read-only, out of range, not in enum)."""


def _num(x, what):
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        raise ProfileError(f"{what}: must be a number, got {x!r}")
    return x


def _frac(x):
    """Exact rational of a JSON number (or a decimal string) — no binary rounding surprises."""
    if isinstance(x, Fraction):
        return x
    if isinstance(x, int):
        return Fraction(x)
    if isinstance(x, float):
        if not math.isfinite(x):
            raise ValueError(f"not a finite number: {x!r}")
        return Fraction(repr(x))
    return Fraction(str(x))


def parse_address(a, what="address"):
    """A number (1020) or a hex string ("0x04FC"). Nothing else is documented."""
    if isinstance(a, bool):
        raise ProfileError(f"{what}: not an address: {a!r}")
    if isinstance(a, int):
        v = a
    elif isinstance(a, float) and a.is_integer():
        v = int(a)
    elif isinstance(a, str) and a[:2].lower() == "0x" and len(a) > 2:
        try:
            v = int(a[2:], 16)
        except ValueError:
            raise ProfileError(f"{what}: not a hex address: {a!r}")
    else:
        raise ProfileError(f"{what}: must be a number or a hex string \"0x...\", got {a!r}")
    if not 0 <= v <= 0xFFFF:
        raise ProfileError(f"{what}: {v} outside 0..65535")
    return v


class Register:
    def __init__(self, d, profile, index):
        self.raw_json = d
        self.profile = profile
        w = f"registers[{index}]"
        for key in ("id", "name", "table", "address"):
            if key not in d:
                raise ProfileError(f"{w}.{key}: missing")
        self.id = d["id"]
        self.name = d["name"]
        self.table = d["table"]
        if self.table not in TABLES:
            raise ProfileError(f"{w}.table: unknown table {self.table!r}")
        self.address = parse_address(d["address"], f"{w}.address")
        self.type = d.get("type", "u16")
        if self.type not in TYPES:
            raise ProfileError(f"{w}.type: unknown type {self.type!r}")
        if self.type == "words":
            if "count" not in d or not isinstance(d["count"], int) or d["count"] < 1:
                raise ProfileError(f"{w}.count: required (>= 1) for type words")
            self.size = d["count"]
        else:
            self.size = TYPE_SIZE[self.type]
        if self.table in BIT_TABLES and self.size != 1:
            raise ProfileError(f"{w}: a {self.table} holds one bit, type {self.type} does not fit")
        if self.address + self.size - 1 > 0xFFFF:
            raise ProfileError(f"{w}.address: block runs past 65535")
        self.word_order = d.get("word_order", profile.default_word_order)
        if self.word_order not in ("be", "le"):
            raise ProfileError(f"{w}.word_order: must be be or le")
        scale = d.get("scale", {}) or {}
        self.offset = _num(scale.get("offset", 0), f"{w}.scale.offset")
        self.divisor = _num(scale.get("divisor", 1), f"{w}.scale.divisor")
        if self.divisor == 0:
            raise ProfileError(f"{w}.scale.divisor: must not be 0")
        self.unit = d.get("unit")
        self.min = d.get("min")
        self.max = d.get("max")
        self.default = d.get("default")
        self.enum = d.get("enum")
        if self.enum is not None:
            try:
                self.enum_int = {int(k): v for k, v in self.enum.items()}
            except ValueError:
                raise ProfileError(f"{w}.enum: keys must be integers written as strings")
        else:
            self.enum_int = None
        self.bits = d.get("bits")
        if self.bits is not None:
            try:
                self.bits_int = {int(k): v for k, v in self.bits.items()}
            except ValueError:
                raise ProfileError(f"{w}.bits: keys must be bit numbers written as strings")
        else:
            self.bits_int = None
        default_access = "r" if self.table in ("input", "discrete_input") else "rw"
        self.access = d.get("access", default_access)
        if self.access not in ("r", "rw", "w"):
            raise ProfileError(f"{w}.access: must be r, rw or w")
        self.models = d.get("models")
        self.action = d.get("action")
        default_poll = "fast" if self.table in ("input", "discrete_input") else "slow"
        self.poll = d.get("poll", default_poll)
        if self.poll not in ("fast", "slow", "once", "never"):
            raise ProfileError(f"{w}.poll: must be fast, slow, once or never")

    # ---------------------------------------------------------------- facts
    def applies_to(self, model):
        if self.models is None:
            return True
        return model in self.models

    @property
    def readable(self):
        """What `pyrolink-cli read` reads when no register is named."""
        return self.access != "w" and self.poll != "never" and self.action is None

    @property
    def writable(self):
        if self.table in ("input", "discrete_input"):
            return False
        return self.access in ("rw", "w")

    @property
    def addresses(self):
        return range(self.address, self.address + self.size)

    def __repr__(self):
        return f"<Register {self.id} {self.table}:{self.address} {self.type}>"

    # ---------------------------------------------------------------- raw integer of the words
    def words_to_int(self, words):
        """The raw integer (before scale) of an integer-typed register."""
        if len(words) != self.size:
            raise ValueError(f"{self.id}: expected {self.size} words, got {len(words)}")
        for x in words:
            if not 0 <= x <= 0xFFFF:
                raise ValueError(f"{self.id}: word out of range: {x}")
        t = self.type
        if t in ("u16", "bool"):
            return words[0]
        if t == "s16":
            return words[0] - 0x10000 if words[0] & 0x8000 else words[0]
        hi, lo = (words[0], words[1]) if self.word_order == "be" else (words[1], words[0])
        u = (hi << 16) | lo
        if t == "u32":
            return u
        if t == "s32":
            return u - 0x100000000 if u & 0x80000000 else u
        if t == "f32":
            return u  # the bit pattern
        raise ValueError(f"{self.id}: type {t} has no single raw integer")

    def int_to_words(self, n):
        t = self.type
        lo_lim, hi_lim = INT_RANGE.get(t, (0, 0xFFFFFFFF))
        if not lo_lim <= n <= hi_lim:
            raise ValidationError(f"{self.id}: raw {n} does not fit {t}")
        if t in ("u16", "bool", "s16"):
            return [n & 0xFFFF]
        u = n & 0xFFFFFFFF
        hi, lo = u >> 16, u & 0xFFFF
        return [hi, lo] if self.word_order == "be" else [lo, hi]

    def f32_of_words(self, words):
        u = self.words_to_int(words)
        return struct.unpack(">f", struct.pack(">I", u))[0]

    def words_of_f32(self, f):
        u = struct.unpack(">I", struct.pack(">f", f))[0]
        hi, lo = u >> 16, u & 0xFFFF
        return [hi, lo] if self.word_order == "be" else [lo, hi]

    # ---------------------------------------------------------------- decode
    def decode(self, words, selector_raw=None):
        """words → {raw, value, unit, label?, bits?} exactly as the CLI contract describes.

        selector_raw: {selector register id: its raw integer}, for unit_selectors.
        """
        out = {"raw": list(words)}
        t = self.type
        if t == "words":
            out["value"] = " ".join(f"0x{w:04x}" for w in words)
        elif t == "bool":
            out["value"] = 1 if words[0] else 0
        elif t == "f32":
            f = self.f32_of_words(words)
            out["value"] = (f - self.offset) / self.divisor
        else:
            n = self.words_to_int(words)
            out["value"] = (n - self.offset) / self.divisor
            if self.enum_int is not None and n in self.enum_int:
                out["label"] = self.enum_int[n]
            if self.bits_int is not None:
                out["bits"] = [self.bits_int[b] for b in sorted(self.bits_int)
                               if b >= 0 and (n >> b) & 1]
        out["unit"] = self.profile.effective_unit(self, selector_raw or {})
        return out

    # ---------------------------------------------------------------- range
    def raw_range(self):
        """Inclusive (lo, hi) of raw integers whose engineering value lies in [min, max]
        and fits the type. For f32 the engineering range as floats."""
        if self.type == "f32":
            lo = -math.inf if self.min is None else float(self.min)
            hi = math.inf if self.max is None else float(self.max)
            return lo, hi
        tlo, thi = INT_RANGE.get(self.type, (0, 0xFFFF))
        lo, hi = tlo, thi
        o, d = _frac(self.offset), _frac(self.divisor)
        bounds = []
        for e in (self.min, self.max):
            bounds.append(None if e is None else _frac(e) * d + o)
        emin, emax = bounds
        if d < 0:  # a negative divisor swaps the ends
            emin, emax = emax, emin
        if emin is not None:
            lo = max(lo, math.ceil(emin))
        if emax is not None:
            hi = min(hi, math.floor(emax))
        return lo, hi

    # ---------------------------------------------------------------- encode
    def encode(self, value, check=True):
        """Engineering value → list of words. Raises ValidationError for what must be refused."""
        if check and not self.writable:
            raise ValidationError(f"{self.id} is read-only")
        t = self.type
        if t == "words":
            raise ValidationError(f"{self.id}: type words cannot be written from an engineering value")
        if t == "f32":
            v = float(value)
            if check and ((self.min is not None and v < self.min) or (self.max is not None and v > self.max)):
                raise ValidationError(f"{self.id}: {value} outside {self.min}..{self.max}")
            raw = v * self.divisor + self.offset
            if not math.isfinite(raw) or abs(raw) > F32_MAX:
                raise ValidationError(f"{self.id}: {value} does not fit f32")
            return self.words_of_f32(raw)
        e = _frac(value)
        if check:
            if self.min is not None and e < _frac(self.min):
                raise ValidationError(f"{self.id}: {value} below minimum {self.min}")
            if self.max is not None and e > _frac(self.max):
                raise ValidationError(f"{self.id}: {value} above maximum {self.max}")
        r = e * _frac(self.divisor) + _frac(self.offset)
        n = round(r)  # Fraction round: to nearest, ties to even
        if t == "bool" and n not in (0, 1):
            raise ValidationError(f"{self.id}: a bool takes 0 or 1, not {value}")
        if check and self.enum_int is not None and n not in self.enum_int:
            raise ValidationError(f"{self.id}: {value} is not one of {sorted(self.enum_int)}")
        return self.int_to_words(n)


class Profile:
    def __init__(self, d, path=None):
        self.path = path
        self.json = d
        for key in ("format", "id", "name", "registers"):
            if key not in d:
                raise ProfileError(f"{key}: missing")
        if d["format"] != 1:
            raise ProfileError(f"format: must be 1, got {d['format']!r}")
        self.id = d["id"]
        self.name = d["name"]
        defaults = d.get("defaults", {}) or {}
        self.defaults = {"port": 502, "unit": 1, "word_order": "be"}
        self.defaults.update(defaults)
        self.default_word_order = self.defaults["word_order"]
        self.models = [m["id"] for m in d.get("models", []) or []]
        self.unit_selectors = d.get("unit_selectors", []) or []
        self.registers = [Register(r, self, i) for i, r in enumerate(d["registers"])]
        for m in self.model_ids():
            seen = {}
            for r in self.registers_for(m):
                if r.id in seen:
                    raise ProfileError(f"register id {r.id!r} appears twice for model {m!r}")
                seen[r.id] = r
        for i, s in enumerate(self.unit_selectors):
            for key in ("register", "replaces", "units"):
                if key not in s:
                    raise ProfileError(f"unit_selectors[{i}].{key}: missing")

    @classmethod
    def load(cls, path):
        with open(path, encoding="utf-8") as f:
            return cls(json.load(f), path)

    # ---------------------------------------------------------------- models
    def model_ids(self):
        """Model ids; a profile with no models has one implicit model, written None."""
        return list(self.models) if self.models else [None]

    @property
    def default_model(self):
        return self.model_ids()[0]

    def registers_for(self, model):
        return [r for r in self.registers if r.applies_to(model)]

    def readable_registers(self, model):
        return [r for r in self.registers_for(model) if r.readable]

    def register(self, ident, model):
        """By id, or by address (int or numeric string) — the first register of the model there.
        For an address, a holding register is preferred (what `write ADDRESS=VALUE` means)."""
        regs = self.registers_for(model)
        for r in regs:
            if r.id == ident:
                return r
        try:
            a = parse_address(int(ident) if isinstance(ident, str) and ident.isdigit() else ident)
        except (ProfileError, ValueError):
            raise KeyError(ident)
        hits = [r for r in regs if r.address == a]
        hits.sort(key=lambda r: (r.table != "holding", r.table != "coil"))
        if not hits:
            raise KeyError(ident)
        return hits[0]

    def covered(self, model):
        """{table: set(addresses)} of every address that some register of the model covers."""
        out = {t: set() for t in TABLES}
        for r in self.registers_for(model):
            out[r.table].update(r.addresses)
        return out

    def overlaps(self, model):
        """Pairs of registers of one model that share an address in one table."""
        owner, pairs = {}, []
        for r in self.registers_for(model):
            for a in r.addresses:
                k = (r.table, a)
                if k in owner and owner[k] is not r:
                    pairs.append((owner[k], r))
                else:
                    owner[k] = r
        return pairs

    # ---------------------------------------------------------------- units
    def effective_unit(self, reg, selector_raw):
        unit = reg.unit
        for s in self.unit_selectors:
            if unit is not None and unit == s["replaces"] and s["register"] in selector_raw:
                key = str(selector_raw[s["register"]])
                if key in s["units"]:
                    return s["units"][key]
        return unit

    def selector_ids(self):
        return [s["register"] for s in self.unit_selectors]

    # ---------------------------------------------------------------- whole-device decode
    def words_of(self, reg, memory):
        return [int(memory[(reg.table, a)]) for a in reg.addresses]

    def selector_raws(self, model, memory):
        out = {}
        for sid in self.selector_ids():
            try:
                r = self.register(sid, model)
            except KeyError:
                continue
            if r.type in ("words", "f32"):
                continue
            try:
                out[sid] = r.words_to_int(self.words_of(r, memory))
            except KeyError:
                pass
        return out

    def decode_all(self, model, memory, registers=None):
        """memory: {(table, address): word}. Returns {id: decoded dict + table/address/type}."""
        sel = self.selector_raws(model, memory)
        out = {}
        for r in (registers if registers is not None else self.readable_registers(model)):
            d = r.decode(self.words_of(r, memory), sel)
            d.update({"table": r.table, "address": r.address, "type": r.type})
            out[r.id] = d
        return out


def _main(argv):
    import argparse
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("summary")
    s.add_argument("file")
    s.add_argument("--model")
    e = sub.add_parser("encode")
    e.add_argument("file")
    e.add_argument("model")
    e.add_argument("id")
    e.add_argument("value")
    a = ap.parse_args(argv)
    p = Profile.load(a.file)
    if a.cmd == "summary":
        models = [a.model] if a.model else p.model_ids()
        for m in models:
            print(f"model {m}:")
            for r in p.registers_for(m):
                flags = ("R" if r.readable else "-") + ("W" if r.writable else "-")
                print(f"  {flags} {r.table:14} {r.address:5} {r.type:5} x{r.size} {r.id}")
            for x, y in p.overlaps(m):
                print(f"  overlap: {x.id} / {y.id}")
        return 0
    r = p.register(a.id, None if a.model == "-" else a.model)
    print(" ".join(str(w) for w in r.encode(a.value)))
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
