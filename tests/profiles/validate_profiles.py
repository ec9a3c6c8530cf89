#!/usr/bin/python3
"""Validate Pyrolink device profiles.

Checks every resources/profiles/*.json (or the files named on the command line) against
docs/profile.schema.json, then the rules the schema cannot express (docs/profiles.md):

  * ids of registers unique among the registers that apply to one model;
  * no two registers of one table overlapping in address range for a model they have in common
    (u32, s32, f32 occupy 2 registers, words occupy count registers);
  * every model, group, identity and unit selector reference names something that exists;
  * enum, bits and unit keys are integers that fit the register's type;
  * min <= max, default inside min/max and among the enum values, ranges representable by the type and scale;
  * action registers are never polled, write-only registers are never polled;
  * profile ids unique, and each built-in file named after its id.

It also checks that the example in docs/profiles.md passes the schema (the other rules only warn for it: the
example is abbreviated).

Needs python3-jsonschema (apt-get install -y python3-jsonschema). Exits 0 when all is well, 1 on any
failure (each problem on its own line, prefixed with the file), 2 when it cannot run.
"""
import glob
import json
import math
import os
import re
import sys

try:
    import jsonschema
except ImportError:  # pragma: no cover
    sys.stderr.write("validate_profiles: python module 'jsonschema' missing: apt-get install -y python3-jsonschema\n")
    sys.exit(2)

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SCHEMA = os.path.join(ROOT, "docs", "profile.schema.json")
DOC = os.path.join(ROOT, "docs", "profiles.md")
PROFILE_DIR = os.path.join(ROOT, "resources", "profiles")

SIZE = {"u16": 1, "s16": 1, "bool": 1, "u32": 2, "s32": 2, "f32": 2}
RAW_RANGE = {
    "u16": (0, 0xFFFF), "s16": (-0x8000, 0x7FFF),
    "u32": (0, 0xFFFFFFFF), "s32": (-0x80000000, 0x7FFFFFFF),
    "bool": (0, 1),
}
BITS = {"u16": 16, "s16": 16, "u32": 32, "s32": 32}
INT_KEY = re.compile(r"^-?(0|[1-9][0-9]*)$")


class Problems:
    def __init__(self, name):
        self.name = name
        self.items = []

    def add(self, where, msg):
        self.items.append(f"{self.name}: {where}: {msg}" if where else f"{self.name}: {msg}")


def no_duplicate_keys(pairs):
    d = {}
    for k, v in pairs:
        if k in d:
            raise ValueError(f"duplicate key {k!r}")
        d[k] = v
    return d


def address_of(a):
    return int(a, 16) if isinstance(a, str) else a


def size_of(r):
    t = r.get("type", "u16")
    return r.get("count", 1) if t == "words" else SIZE[t]


def eng_range(r):
    """Engineering range the raw type can hold after scaling, or None (f32, words)."""
    t = r.get("type", "u16")
    if t not in RAW_RANGE:
        return None
    lo, hi = RAW_RANGE[t]
    sc = r.get("scale", {})
    off, div = sc.get("offset", 0), sc.get("divisor", 1)
    a, b = (lo - off) / div, (hi - off) / div
    return (min(a, b), max(a, b))


def check_semantics(p, prof):
    """Rules of docs/profiles.md beyond the schema. p: Problems, prof: parsed and schema-valid profile."""
    regs = prof["registers"]
    models = [m["id"] for m in prof.get("models", [])]
    groups = [g["id"] for g in prof.get("groups", [])]
    for what, ids in (("models", models), ("groups", groups)):
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            p.add(what, f"duplicate id(s): {', '.join(dup)}")
    all_models = models or ["(default)"]

    def models_of(r):
        return r.get("models", all_models)

    for i, r in enumerate(regs):
        w = f"registers[{i}] ({r['id']})"
        t = r.get("type", "u16")
        for m in r.get("models", []):
            if m not in models:
                p.add(w + ".models", f"unknown model '{m}'" + ("" if models else " (the profile has no models)"))
        if "group" in r and r["group"] not in groups:
            p.add(w + ".group", f"unknown group '{r['group']}'")
        addr = address_of(r["address"])
        if addr + size_of(r) - 1 > 0xFFFF:
            p.add(w + ".address", f"block {addr}..{addr + size_of(r) - 1} runs past 65535")
        rng = eng_range(r)
        for key in ("enum", "bits"):
            for k in r.get(key, {}):
                if not INT_KEY.match(k):
                    p.add(f"{w}.{key}", f"key '{k}' is not an integer")
        if "enum" in r:
            raw = RAW_RANGE.get(t)
            for k in r["enum"]:
                if INT_KEY.match(k) and raw and not raw[0] <= int(k) <= raw[1]:
                    p.add(w + ".enum", f"value {k} does not fit type {t}")
        if "bits" in r:
            if t not in BITS:
                p.add(w + ".bits", f"bits need an integer register type, not {t}")
            else:
                for k in r["bits"]:
                    if INT_KEY.match(k) and not 0 <= int(k) < BITS[t]:
                        p.add(w + ".bits", f"bit {k} does not exist in a {BITS[t]}-bit register")
        lo, hi = r.get("min"), r.get("max")
        if lo is not None and hi is not None and lo > hi:
            p.add(w, f"min {lo} > max {hi}")
        if rng:
            eps = 1e-9 * max(1.0, abs(rng[0]), abs(rng[1]))
            for key in ("min", "max", "default"):
                v = r.get(key)
                if v is not None and not rng[0] - eps <= v <= rng[1] + eps:
                    p.add(f"{w}.{key}", f"{v} cannot be represented by {t} with this scale ({rng[0]:g} .. {rng[1]:g})")
        if "default" in r:
            d = r["default"]
            if (lo is not None and d < lo) or (hi is not None and d > hi):
                p.add(w + ".default", f"{d} is outside min/max")
            if "enum" in r and not (float(d).is_integer() and str(int(d)) in r["enum"]):
                p.add(w + ".default", f"{d} is not one of the enum values")
        if "action" in r:
            if r.get("poll", "never") != "never":
                p.add(w + ".poll", "an action register must have poll 'never'")
            if r.get("access") == "r" or r["table"] in ("input", "discrete_input"):
                p.add(w + ".action", "an action register must be writable")
            raw = RAW_RANGE.get(t)
            if raw and not raw[0] <= r["action"]["value"] <= raw[1]:
                p.add(w + ".action.value", f"does not fit type {t}")
        if r.get("access") == "w" and r.get("poll", "never") != "never":
            p.add(w + ".poll", "a write-only register cannot be polled: use poll 'never'")
        if "decimals" in r and "scale" not in r and t in ("u16", "s16", "u32", "s32") and r["decimals"]:
            p.add(w + ".decimals", "decimals on an unscaled integer register")

    # ids unique per model, no overlaps per table per model
    for m in all_models:
        mine = [(i, r) for i, r in enumerate(regs) if m in models_of(r)]
        seen = {}
        for i, r in mine:
            if r["id"] in seen:
                p.add(f"registers[{i}]", f"id '{r['id']}' already used by registers[{seen[r['id']]}] "
                                         f"for model '{m}'")
            else:
                seen[r["id"]] = i
        by_table = {}
        for i, r in mine:
            by_table.setdefault(r["table"], []).append((address_of(r["address"]), size_of(r), i, r))
        for table, lst in by_table.items():
            lst.sort(key=lambda x: (x[0], x[2]))
            reach = None  # the register reaching furthest so far
            for a2, s2, i2, r2 in lst:
                if reach and a2 < reach[0] + reach[1]:
                    a1, s1, i1, r1 = reach
                    p.add(f"registers[{i2}] ({r2['id']})",
                          f"{table} {a2}..{a2 + s2 - 1} overlaps registers[{i1}] ({r1['id']}) {a1}..{a1 + s1 - 1} "
                          f"for model '{m}'")
                if not reach or a2 + s2 > reach[0] + reach[1]:
                    reach = (a2, s2, i2, r2)

    # every model must find the identity and unit selector registers it names
    for role, rid in prof.get("identity", {}).items():
        for m in all_models:
            if not any(r["id"] == rid and m in models_of(r) for r in regs):
                p.add(f"identity.{role}", f"no register '{rid}'" + (f" for model '{m}'" if models else ""))
                break
    units_used = {r.get("unit") for r in regs}
    for k, sel in enumerate(prof.get("unit_selectors", [])):
        w = f"unit_selectors[{k}]"
        found = [r for r in regs if r["id"] == sel["register"]]
        if not found:
            p.add(w + ".register", f"no register '{sel['register']}'")
        for r in found:
            if "enum" in r and set(r["enum"]) != set(sel["units"]):
                p.add(w + ".units", f"keys {sorted(sel['units'])} differ from the enum of '{r['id']}' "
                                    f"{sorted(r['enum'])}")
        for key in sel["units"]:
            if not INT_KEY.match(key):
                p.add(w + ".units", f"key '{key}' is not an integer")
        if sel["replaces"] not in units_used:
            p.add(w + ".replaces", f"no register has unit '{sel['replaces']}'")


def check_profile(validator, name, text):
    p = Problems(name)
    try:
        prof = json.loads(text, object_pairs_hook=no_duplicate_keys)
    except ValueError as e:
        p.add("", f"not valid JSON: {e}")
        return p, None
    errors = sorted(validator.iter_errors(prof), key=lambda e: list(e.absolute_path))
    for e in errors:
        path = list(e.absolute_path)
        where = "".join(f"[{x}]" if isinstance(x, int) else f".{x}" for x in path).lstrip(".")
        if len(path) >= 2 and path[0] == "registers" and isinstance(path[1], int):
            r = prof["registers"][path[1]] if path[1] < len(prof["registers"]) else None
            if isinstance(r, dict) and isinstance(r.get("id"), str):
                where = where.replace(f"registers[{path[1]}]", f"registers[{path[1]}] ({r['id']})", 1)
        msg = e.message if len(e.message) < 300 else e.message[:300] + "..."
        if path[-2:] == ["scale", "divisor"] and e.instance == 0:
            msg = "must not be 0"
        p.add(where or "(top level)", msg)
    if not errors:
        check_semantics(p, prof)
    return p, prof


def doc_example():
    with open(DOC, encoding="utf-8") as f:
        m = re.search(r"```json\n(.*?)```", f.read(), re.S)
    return m.group(1) if m else None


def main(argv):
    with open(SCHEMA, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    files = argv[1:] or sorted(glob.glob(os.path.join(PROFILE_DIR, "*.json")))
    if not files:
        print(f"validate_profiles: no profiles found in {PROFILE_DIR}")
        return 1
    problems, ids = [], {}
    for path in files:
        with open(path, encoding="utf-8") as f:
            p, prof = check_profile(validator, os.path.relpath(path, ROOT), f.read())
        if prof and isinstance(prof.get("id"), str):
            if prof["id"] in ids:
                p.add("id", f"'{prof['id']}' is also the id of {ids[prof['id']]}")
            ids[prof["id"]] = p.name
            in_tree = os.path.dirname(os.path.abspath(path)) == PROFILE_DIR
            if in_tree and os.path.basename(path) != prof["id"] + ".json":
                p.add("id", f"built-in profile '{prof['id']}' must be in {prof['id']}.json")
        problems += p.items
        if not p.items:
            regs = prof["registers"]
            per_model = ", ".join(f"{m['id']} {sum(1 for r in regs if m['id'] in r.get('models', [m['id']]))}"
                                  for m in prof.get("models", []))
            print(f"ok   {p.name}: {len(regs)} registers" + (f" ({per_model})" if per_model else ""))
        else:
            print(f"FAIL {p.name}")

    if not argv[1:]:
        text = doc_example()
        if text is None:
            problems.append("docs/profiles.md: no ```json example found")
        else:
            # The example must pass the schema. It is abbreviated (its identity names registers it does not
            # list), so the cross-register rules only warn for it.
            p = Problems("docs/profiles.md (example)")
            try:
                example = json.loads(text, object_pairs_hook=no_duplicate_keys)
            except ValueError as e:
                p.add("", f"not valid JSON: {e}")
                example = None
            if example is not None:
                for e in validator.iter_errors(example):
                    p.add("/".join(str(x) for x in e.absolute_path) or "(top level)", e.message)
            problems += p.items
            print(("ok   " if not p.items else "FAIL ") + p.name + " (schema)")
            if example is not None and not p.items:
                w = Problems(p.name)
                check_semantics(w, example)
                for line in w.items:
                    print(f"warn {line}")

    if problems:
        print(f"\n{len(problems)} problem(s):", file=sys.stderr)
        for line in problems:
            print("  " + line, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
