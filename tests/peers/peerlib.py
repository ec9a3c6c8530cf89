"""Shared helpers for the peer tests (pyrolink-cli judged against peers we did not write).

Every test script takes  --cli PATH  (default: build/bin/pyrolink-cli of this repository, or
$PYROLINK_CLI) and  --profiles DIR  (default: resources/profiles); they are removed from
sys.argv before unittest sees it, so the usual unittest options (-v, -k PATTERN, Class.test) work.
"""

import glob
import json
import math
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import profile_model as pm  # noqa: E402

PYTHON = "/usr/bin/python3"  # Debian's, the one that sees python3-pymodbus
SERVER = os.path.join(HERE, "modbus_server.py")
CMD_TIMEOUT = 30  # no subprocess.run may take longer

CLI = os.environ.get("PYROLINK_CLI", os.path.join(REPO, "build", "bin", "pyrolink-cli"))
PROFILES = os.path.join(REPO, "resources", "profiles")


def parse_args():
    """Take --cli and --profiles (also --cli=X) out of sys.argv."""
    global CLI, PROFILES
    argv, out, i = sys.argv, [sys.argv[0]], 1
    while i < len(argv):
        a = argv[i]
        for name in ("--cli", "--profiles"):
            if a == name and i + 1 < len(argv):
                val, i = argv[i + 1], i + 2
                break
            if a.startswith(name + "="):
                val, i = a.split("=", 1)[1], i + 1
                break
        else:
            out.append(a)
            i += 1
            continue
        if name == "--cli":
            CLI = os.path.abspath(val)
        else:
            PROFILES = os.path.abspath(val)
    sys.argv[:] = out


def require_cli(test):
    if not (os.path.isfile(CLI) and os.access(CLI, os.X_OK)):
        test.fail(f"pyrolink-cli not found or not executable at {CLI} (give --cli PATH)")


def require_tool(test, name):
    if shutil.which(name) is None:
        raise unittest.SkipTest(f"{name} is not installed (apt-get install {name}); test skipped")


# ------------------------------------------------------------------------------ profiles
def profile_files():
    return sorted(glob.glob(os.path.join(PROFILES, "*.json")))


PEER_PROFILES = os.path.join(HERE, "profiles")  # profiles of our own that exercise every codec path


def all_profiles():
    """Every profile of PROFILES, then those of tests/peers/profiles: list of Profile (with .path)."""
    out = []
    for d in (PROFILES, PEER_PROFILES):
        for f in sorted(glob.glob(os.path.join(d, "*.json"))):
            out.append(pm.Profile.load(f))
    return out


def load_profiles():
    """{profile id: Profile} of every *.json in PROFILES."""
    out = {}
    for f in profile_files():
        p = pm.Profile.load(f)
        out[p.id] = p
    return out


def profile_by_id(test, pid):
    """The profile with that id from --profiles DIR, else from tests/peers/profiles."""
    for f in profile_files() + sorted(glob.glob(os.path.join(PEER_PROFILES, "*.json"))):
        with open(f, encoding="utf-8") as fh:
            if json.load(fh).get("id") == pid:
                return pm.Profile.load(f)
    test.fail(f"no profile with id {pid!r} in {PROFILES}")


# ------------------------------------------------------------------------------ ports and processes
def free_port(n=1):
    """A port P with P..P+n-1 all free on 127.0.0.1 (found by binding port 0 first)."""
    for _ in range(200):
        socks = []
        try:
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            socks.append(s)
            p = s.getsockname()[1]
            if p + n - 1 > 65535:
                continue
            for k in range(1, n):
                t = socket.socket()
                socks.append(t)
                t.bind(("127.0.0.1", p + k))
            return p
        except OSError:
            continue
        finally:
            for s in socks:
                s.close()
    raise RuntimeError("no free port range found")


def _socket_inodes(pid):
    out = set()
    try:
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                link = os.readlink(f"/proc/{pid}/fd/{fd}")
            except OSError:
                continue
            if link.startswith("socket:["):
                out.add(link[8:-1])
    except OSError:
        pass
    return out


def _descendants(pid):
    """pid and every process below it."""
    children = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(d))
            except (OSError, IndexError, ValueError):
                pass
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children.get(p, [])
    return out


def listening(port, pid=None):
    """True if something listens on TCP port (on 127.0.0.1 or any address) and, when pid is
    given, the listening socket belongs to that process or one of its children."""
    inodes = None
    if pid:
        inodes = set()
        for p in _descendants(pid):
            inodes |= _socket_inodes(p)
    for path in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(path) as f:
                next(f)
                for line in f:
                    parts = line.split()
                    local, state, inode = parts[1], parts[3], parts[9]
                    if state != "0A":
                        continue
                    if int(local.rsplit(":", 1)[1], 16) != port:
                        continue
                    if inodes is None or inode in inodes:
                        return True
        except OSError:
            pass
    return False


class Proc:
    """A background process with stdout/stderr going to files (no pipe can fill up)."""

    def __init__(self, cmd, workdir, name):
        self.cmd = cmd
        self.out_path = os.path.join(workdir, name + ".out")
        self.err_path = os.path.join(workdir, name + ".err")
        self._out = open(self.out_path, "wb")
        self._err = open(self.err_path, "wb")
        self.p = subprocess.Popen(cmd, stdout=self._out, stderr=self._err, stdin=subprocess.DEVNULL,
                                  start_new_session=True)
        self.pid = self.p.pid

    def stdout(self):
        with open(self.out_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def stderr(self):
        with open(self.err_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def alive(self):
        return self.p.poll() is None

    def describe(self):
        return (f"command: {' '.join(self.cmd)}\nexit: {self.p.poll()}\n"
                f"stdout: {self.stdout()[-2000:]!r}\nstderr: {self.stderr()[-2000:]!r}")

    def wait_for(self, cond, timeout, what):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if cond():
                return
            if not self.alive():
                raise AssertionError(f"process ended before {what}\n{self.describe()}")
            time.sleep(0.05)
        raise AssertionError(f"timed out ({timeout} s) waiting for {what}\n{self.describe()}")

    def terminate(self, timeout=10):
        """SIGTERM, wait; returns the exit code (SIGKILL after timeout: returns None)."""
        if self.p.poll() is None:
            try:
                self.p.send_signal(signal.SIGTERM)
                return self.p.wait(timeout)
            except subprocess.TimeoutExpired:
                self.kill()
                return None
        return self.p.returncode

    def kill(self):
        if self.p.poll() is None:
            try:
                os.killpg(self.pid, signal.SIGKILL)  # its own session, created by us
            except OSError:
                pass
            try:
                self.p.kill()
            except OSError:
                pass
            try:
                self.p.wait(5)
            except subprocess.TimeoutExpired:
                pass
        for f in (self._out, self._err):
            if not f.closed:
                f.close()


class PeerTestCase(unittest.TestCase):
    """Keeps a temp dir and a list of background processes, all killed in tearDown."""

    maxDiff = None

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="pyrolink-peer-")
        self.procs = []

    def tearDown(self):
        for pr in reversed(self.procs):
            pr.kill()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def start(self, cmd, name):
        pr = Proc(cmd, self.tmp, name)
        self.procs.append(pr)
        return pr

    # -------------------------------------------------------------- the pymodbus server
    def start_server(self, profile=None, model=None, port=None, serial=None, seed=1,
                     readonly_ids=(), extra=(), name=None):
        """Start modbus_server.py; returns (proc, port_or_path, expect dict, state path)."""
        name = name or f"server{len(self.procs)}"
        expect_path = os.path.join(self.tmp, name + ".expect.json")
        state_path = os.path.join(self.tmp, name + ".state.json")
        cmd = [PYTHON, SERVER, "--seed", str(seed), "--state", state_path]
        if profile is not None:
            cmd += ["--profile", profile.path, "--expect", expect_path]
            if model is not None:
                cmd += ["--model", model]
        if serial:
            cmd += ["--serial", serial]
        else:
            port = free_port() if port is None else port
            cmd += ["--port", str(port)]
        if readonly_ids:
            cmd += ["--readonly-ids", ",".join(readonly_ids)]
        for e in extra:
            cmd += ["--extra", e]
        pr = self.start(cmd, name)
        pr.wait_for(lambda: "READY" in pr.stdout(), 20, "the server's READY line")
        if not serial:
            pr.wait_for(lambda: listening(port, pr.pid), 10, f"port {port} to listen")
        expect = {}
        if profile is not None:
            with open(expect_path, encoding="utf-8") as f:
                expect = json.load(f)
        return pr, (serial or port), expect, state_path

    def state(self, state_path):
        with open(state_path, encoding="utf-8") as f:
            return json.load(f)

    # -------------------------------------------------------------- running the CLI
    def run_cmd(self, cmd, timeout=CMD_TIMEOUT):
        try:
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                               stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as e:
            self.fail(f"timed out after {timeout} s: {' '.join(cmd)}\n"
                      f"stdout: {e.stdout!r}\nstderr: {e.stderr!r}")
        r.cmdline = " ".join(cmd)
        return r

    def cli(self, *args, timeout=CMD_TIMEOUT):
        return self.run_cmd([CLI] + [str(a) for a in args], timeout)

    @staticmethod
    def show(r):
        return (f"\ncommand: {r.cmdline}\nexit: {r.returncode}\n"
                f"stdout: {r.stdout[-3000:]!r}\nstderr: {r.stderr[-2000:]!r}")

    def json_of(self, r):
        try:
            return json.loads(r.stdout)
        except ValueError as e:
            self.fail(f"stdout is not ONE JSON object ({e}){self.show(r)}")

    def assert_one_sentence(self, r):
        lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
        self.assertEqual(len(lines), 1, f"stderr should be one plain sentence{self.show(r)}")


# ------------------------------------------------------------------------------ comparison
def _no_unit(u):
    return u is None or u == ""


def compare_read(doc, expect, registers):
    """Compare a `read --json` document with expected decoded values.

    registers: the Register objects that must be there (exactly those ids).
    Returns a list of problems (empty: all good)."""
    problems = []
    if not isinstance(doc, dict):
        return [f"top level is not an object: {type(doc).__name__}"]
    for key in ("device", "values", "errors"):
        if key not in doc:
            problems.append(f"missing top-level key {key!r}")
    errors = doc.get("errors")
    if errors:
        problems.append(f"errors not empty: {json.dumps(errors, ensure_ascii=False)[:2000]}")
    values = doc.get("values") or []
    got = {}
    for v in values:
        if not isinstance(v, dict) or "id" not in v:
            problems.append(f"values entry without id: {v!r}")
            continue
        if v["id"] in got:
            problems.append(f"id {v['id']} reported twice")
        got[v["id"]] = v
    want_ids = {r.id for r in registers}
    missing, extra = sorted(want_ids - set(got)), sorted(set(got) - want_ids)
    if missing:
        problems.append(f"missing ids: {missing}")
    if extra:
        problems.append(f"unexpected ids (not readable for this model): {extra}")
    for reg in registers:
        if reg.id not in got:
            continue
        v, e = got[reg.id], expect[reg.id]
        p = f"{reg.id} ({reg.table}:{reg.address} {reg.type})"
        if v.get("name") != reg.name:
            problems.append(f"{p}: name {v.get('name')!r}, expected {reg.name!r}")
        if v.get("table") != e["table"]:
            problems.append(f"{p}: table {v.get('table')!r}, expected {e['table']!r}")
        if v.get("address") != e["address"] or isinstance(v.get("address"), bool):
            problems.append(f"{p}: address {v.get('address')!r}, expected {e['address']}")
        if v.get("raw") != e["raw"]:
            problems.append(f"{p}: raw {v.get('raw')!r}, expected {e['raw']}")
        problems += compare_value(p, v, e)
    return problems


def compare_value(p, v, e):
    problems = []
    ev, gv = e["value"], v.get("value", "<missing>")
    if isinstance(ev, str):
        if gv != ev:
            problems.append(f"{p}: value {gv!r}, expected {ev!r}")
    elif isinstance(gv, bool) or not isinstance(gv, (int, float)):
        problems.append(f"{p}: value {gv!r} is not a JSON number, expected {ev!r}")
    elif not math.isclose(gv, ev, rel_tol=1e-9, abs_tol=1e-12):
        problems.append(f"{p}: value {gv!r}, expected {ev!r}")
    if "unit" in e:
        eu, gu = e["unit"], v.get("unit")
        if not ((_no_unit(eu) and _no_unit(gu)) or eu == gu):
            problems.append(f"{p}: unit {gu!r}, expected {eu!r}")
    if "label" in e:
        if v.get("label") != e["label"]:
            problems.append(f"{p}: label {v.get('label')!r}, expected {e['label']!r}")
    elif v.get("label") not in (None,):
        problems.append(f"{p}: has label {v.get('label')!r}, expected none")
    if "bits" in e:
        if "bits" not in v or not isinstance(v["bits"], list):
            problems.append(f"{p}: bits missing, expected {e['bits']!r}")
        elif sorted(v["bits"]) != sorted(e["bits"]):
            problems.append(f"{p}: bits {v['bits']!r}, expected {e['bits']!r}")
    elif v.get("bits"):
        problems.append(f"{p}: has bits {v['bits']!r}, expected none")
    return problems


def modbus_read(port, table, address, count=1):
    """Independent read with pymodbus' own sync client: list of ints, or raises."""
    from pymodbus.client import ModbusTcpClient
    c = ModbusTcpClient("127.0.0.1", port=port, timeout=3)
    try:
        if not c.connect():
            raise RuntimeError(f"pymodbus client cannot connect to 127.0.0.1:{port}")
        fn = {"holding": c.read_holding_registers, "input": c.read_input_registers,
              "coil": c.read_coils, "discrete_input": c.read_discrete_inputs}[table]
        r = fn(address, count, slave=1)
        if r.isError():
            raise RuntimeError(f"pymodbus read {table}:{address} x{count} failed: {r}")
        if table in pm.BIT_TABLES:
            return [int(b) for b in r.bits[:count]]
        return list(r.registers)
    finally:
        c.close()


def main():
    parse_args()
    unittest.main(verbosity=2)
