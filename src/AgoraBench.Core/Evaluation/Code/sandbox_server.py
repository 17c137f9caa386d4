# AgoraBench code-execution server (one per warm worker). Protocol on stdin/stdout, one JSON object per line:
#   first line out: {"ready": true, "isolation": "namespaces"|"weak"} or {"ready": false, "error": str}
#   request:  {"id": str, "program": str, "context": str, "tests": str, "remote": [str], "timeout": seconds,
#              "memory_mb": int, "file_mb": int, "output_kb": int, "processes": int}
#   response: {"id": str, "status": "passed"|"failed"|"timeout", "exit": int|null, "signal": int|null,
#              "seconds": float, "stdout": str, "stderr": str}
#
# Three kinds of process, so that the graded program never holds the tests or the verdict:
#   server (this process, trusted): never runs graded code; forks the tester per request and reports the verdict.
#   tester (trusted, forked per request): runs the problem's context and tests in its own interpreter; every name the
#     tests need from the program is a proxy that calls into the candidate over a socket and gets back plain data
#     (None, bool, int, float, complex, str, bytes, list, tuple, dict, set, frozenset) rebuilt as genuine built-in
#     objects, so no object of the program's making ever reaches a comparison, and nothing the program does can patch
#     the tester's builtins, its `check` or its frames. The verdict goes to the server over a pipe only the tester has.
#   zygote (forked once at start, before any request) -> runner -> candidate: the zygote enters a new user namespace
#     (uid 0 inside, mapped to an unprivileged uid outside: 65534 when the server is root), a new mount namespace whose
#     root is a read-only view of the system folders only, and a new network namespace; per program the runner enters
#     new PID, mount and IPC namespaces and forks the candidate as PID 1 with a private tmpfs /tmp (its folder) and
#     /dev/shm, fresh /proc, no capabilities, no_new_privs, resource limits, and only its own descriptors. Ending the
#     candidate ends its PID namespace, so nothing it started survives; every process has a parent-death signal.
import ast, builtins, ctypes, importlib, json, os, resource, select, signal, socket, struct, sys, time, traceback, types

CLONE_NEWNS, CLONE_NEWIPC, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET = 0x00020000, 0x08000000, 0x10000000, 0x20000000, 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 1, 2, 4, 8, 32, 4096, 16384, 1 << 18
PR_SET_PDEATHSIG, PR_SET_DUMPABLE, PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS, PR_CAP_AMBIENT = 1, 4, 24, 38, 47
SYSCALLS = {"x86_64": {"pivot_root": 155, "capset": 126, "clone": 56}, "aarch64": {"pivot_root": 41, "capset": 91, "clone": 220}}
# System calls a graded program never needs and that reach state the namespaces do not separate: kernel keyrings
# (shared by every program of a worker, and the grader's session keyring), memory no process is charged for
# (memfd_create, System V shared memory: it outlives every mapping, so RLIMIT_AS does not see it), io_uring,
# userfaultfd, bpf and perf events. They fail with EPERM; so does every system call of another architecture (the
# 32-bit entry points of an x86-64 kernel, the x32 numbers), whose numbers the list would not match.
DENIED_SYSCALLS = {
    "x86_64": (0xC000003E, {"shmget": 29, "add_key": 248, "request_key": 249, "keyctl": 250, "perf_event_open": 298,
                            "memfd_create": 319, "bpf": 321, "userfaultfd": 323, "io_uring_setup": 425,
                            "io_uring_enter": 426, "io_uring_register": 427, "memfd_secret": 447}),
    "aarch64": (0xC00000B7, {"shmget": 194, "add_key": 217, "request_key": 218, "keyctl": 219, "perf_event_open": 241,
                             "memfd_create": 279, "bpf": 280, "userfaultfd": 282, "io_uring_setup": 425,
                             "io_uring_enter": 426, "io_uring_register": 427, "memfd_secret": 447}),
}
MAX_MESSAGE = 64 * 1024 * 1024
_MACHINE = os.uname().machine
HIDDEN_MODULES = {"antigravity", "this", "idlelib", "tkinter", "turtle", "turtledemo", "webbrowser", "pydoc"}



def _add_site_folders():
    # Started with -S (site's start-up skipped): the site-packages folders and the folders their .pth files list
    # join sys.path as site would add them, but the .pth files' `import` lines (third-party start-up code) never run
    # in the server or in any process forked from it, and the worker starts sooner.
    import site
    for folder in site.getsitepackages():
        if not os.path.isdir(folder) or folder in sys.path:
            continue
        sys.path.append(folder)
        try:
            names = sorted(n for n in os.listdir(folder) if n.endswith(".pth"))
        except OSError:
            continue
        for name in names:
            try:
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    lines = f.read().splitlines()
            except (OSError, UnicodeDecodeError):
                continue
            for line in lines:
                line = line.strip()
                if not line or line.startswith("#") or line.startswith(("import ", "import\t")):
                    continue
                path = os.path.abspath(os.path.join(folder, line))
                if os.path.isdir(path) and path not in sys.path:
                    sys.path.append(path)


if sys.flags.no_site:
    _add_site_folders()

_libc = ctypes.CDLL(None, use_errno=True)
_libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]
_libc.umount2.argtypes = [ctypes.c_char_p, ctypes.c_int]
_libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
_libc.unshare.argtypes = [ctypes.c_int]


def _ok(result, what):
    if result != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def _b(text):
    return None if text is None else os.fsencode(text)


def _prctl(option, arg=0):
    _ok(_libc.prctl(option, arg, 0, 0, 0), f"prctl({option})")


def _unshare(flags):
    _ok(_libc.unshare(flags), "unshare")


def _mount(source, target, fstype, flags, data=None):
    _ok(_libc.mount(_b(source), _b(target), _b(fstype), flags, _b(data)), f"mount {target}")


def _syscall(name, *args):
    number = SYSCALLS.get(_MACHINE, {}).get(name)
    if number is None:
        raise OSError(f"{name} is not known on {_MACHINE}")
    _ok(_libc.syscall(number, *args), name)


def _clone(flags):
    # fork(2) that also enters new namespaces: the child is PID 1 of its own PID namespace without a helper process.
    number = SYSCALLS.get(_MACHINE, {}).get("clone")
    if number is None:
        raise OSError(f"clone is not known on {_MACHINE}")
    ctypes.pythonapi.PyOS_BeforeFork()
    pid = _libc.syscall(number, ctypes.c_ulong(flags | signal.SIGCHLD), 0, 0, 0, 0)
    if pid == 0:
        ctypes.pythonapi.PyOS_AfterFork_Child()
        return 0
    err = ctypes.get_errno()
    ctypes.pythonapi.PyOS_AfterFork_Parent()
    if pid < 0:
        raise OSError(err, f"clone: {os.strerror(err)}")
    return pid


def _drop_capabilities():
    for cap in range(64):
        if _libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 and ctypes.get_errno() == 22:  # EINVAL: past the last one
            break
    _libc.prctl(PR_CAP_AMBIENT, 4, 0, 0, 0)  # clear all ambient capabilities
    _prctl(PR_SET_NO_NEW_PRIVS, 1)
    header = (ctypes.c_uint32 * 2)(0x20080522, 0)
    data = (ctypes.c_uint32 * 6)()
    _syscall("capset", header, data)


class _SockFilter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_uint16), ("jt", ctypes.c_uint8), ("jf", ctypes.c_uint8), ("k", ctypes.c_uint32)]


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_uint16), ("filter", ctypes.POINTER(_SockFilter))]


def _seccomp_program():
    # A seccomp filter (classic BPF over struct seccomp_data: nr at offset 0, arch at 4), built once in the server
    # and inherited by every candidate forked from it.
    if _MACHINE not in DENIED_SYSCALLS:
        return None
    arch, numbers = DENIED_SYSCALLS[_MACHINE]
    ld, jeq, jge, ret = 0x20, 0x15, 0x35, 0x06
    allow, deny = 0x7FFF0000, 0x00050000 | 1  # SECCOMP_RET_ALLOW, SECCOMP_RET_ERRNO | EPERM
    listed = sorted(numbers.values())
    code = [(ld, 0, 0, 4), (jeq, 1, 0, arch), (ret, 0, 0, deny), (ld, 0, 0, 0)]
    if _MACHINE == "x86_64":
        code.append((jge, len(listed) + 1, 0, 0x40000000))  # x32: straight to the deny at the end
    for i, number in enumerate(listed):
        code.append((jeq, len(listed) - i, 0, number))
    code += [(ret, 0, 0, allow), (ret, 0, 0, deny)]
    program = (_SockFilter * len(code))(*[_SockFilter(*c) for c in code])
    return program, _SockFprog(len(code), program)


_SECCOMP = _seccomp_program()
_seccomp_prctl = ctypes.CDLL(None, use_errno=True).prctl
_seccomp_prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong]


def _deny_syscalls():
    # Needs no_new_privs, set before. Raises where the architecture has no list, so the sandbox never runs a program
    # without the filter unknowingly.
    if _SECCOMP is None:
        raise OSError(f"no system call filter is known for {_MACHINE}")
    _ok(_seccomp_prctl(22, 2, ctypes.addressof(_SECCOMP[1]), 0, 0), "seccomp")  # PR_SET_SECCOMP, SECCOMP_MODE_FILTER


# ---------------------------------------------------------------- values over the socket (both sides use these)

def _send(sock, obj):
    data = json.dumps(obj, separators=(",", ":"), allow_nan=False).encode()
    sock.sendall(struct.pack("!I", len(data)) + data)


def _recv_exact(sock, n):
    chunks, got = [], 0
    while got < n:
        chunk = sock.recv(min(n - got, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _recv(sock):
    head = _recv_exact(sock, 4)
    if head is None:
        return None
    (size,) = struct.unpack("!I", head)
    if size > MAX_MESSAGE:
        raise ValueError("message too large")
    body = _recv_exact(sock, size)
    if body is None:
        return None
    return json.loads(body)


def _encode(value, refs):
    kind = type(value)
    if value is None or kind is bool or kind is str:
        return value
    if kind is int:
        return value if -(1 << 52) < value < (1 << 52) else {"i": format(value, "x")}
    if kind is float:
        return value if value == value and value not in (float("inf"), float("-inf")) else {"f": repr(value)}
    if kind is list:
        return [_encode(v, refs) for v in value]
    if kind is tuple:
        return {"t": [_encode(v, refs) for v in value]}
    if kind is dict:
        return {"d": [[_encode(k, refs), _encode(v, refs)] for k, v in value.items()]}
    if kind is set:
        return {"s": [_encode(v, refs) for v in value]}
    if kind is frozenset:
        return {"z": [_encode(v, refs) for v in value]}
    if kind is bytes:
        return {"b": value.hex()}
    if kind is complex:
        return {"c": [_encode(value.real, refs), _encode(value.imag, refs)]}
    # Subclasses (Counter, defaultdict, OrderedDict, namedtuple, IntEnum, ...) travel as their plain base value:
    # whatever methods they had stay behind, so only the contents can matter to a comparison in the tester.
    for base in (bool, int, float, complex, str, bytes, tuple, list, dict, frozenset, set):
        if isinstance(value, base):
            if base is dict:
                return _encode({k: v for k, v in dict.items(value)}, refs)
            if base in (tuple, list, frozenset, set):
                return _encode(base(base.__iter__(value)), refs)
            return _encode(base(value), refs)
    if isinstance(value, type) and getattr(builtins, getattr(value, "__name__", ""), None) is value:
        return {"n": value.__name__}
    if type(value).__module__ == "numpy" and hasattr(value, "item") and getattr(value, "ndim", 1) == 0:
        return _encode(value.item(), refs)
    if kind in _ITERATORS:
        return {"g": [_encode(v, refs) for v in value]}  # a generator, map, zip, ...: its items, as an iterator
    return {"r": refs(value)}


_BUILTIN_NAMES = frozenset(dir(builtins))
_ITERATORS = {type(x for x in ()), map, filter, zip, enumerate, reversed, type(iter([])), type(iter(())), type(iter(range(0))),
              type(iter("")), type(iter({})), type(iter({}.values())), type(iter({}.items())), type(iter(set()))}


def _decode(value, ref):
    kind = type(value)
    if value is None or kind in (bool, int, float, str):
        return value
    if kind is list:
        return [_decode(v, ref) for v in value]
    if kind is not dict or len(value) != 1:
        raise ValueError("malformed value")
    (tag, body), = value.items()
    if tag == "i":
        return int(body, 16)
    if tag == "f":
        return float(body)
    if tag == "t":
        return tuple(_decode(v, ref) for v in body)
    if tag == "d":
        return {_decode(k, ref): _decode(v, ref) for k, v in body}
    if tag == "s":
        return {_decode(v, ref) for v in body}
    if tag == "z":
        return frozenset(_decode(v, ref) for v in body)
    if tag == "b":
        return bytes.fromhex(body)
    if tag == "c" and type(body) is list and len(body) == 2:
        real, imag = _decode(body[0], ref), _decode(body[1], ref)
        if type(real) is not float or type(imag) is not float:
            raise ValueError("malformed value")
        return complex(real, imag)
    if tag == "r" and type(body) is int:
        return ref(body)
    if tag == "g":
        return iter([_decode(v, ref) for v in body])
    if tag == "n" and type(body) is str and isinstance(getattr(builtins, body, None), type):
        return getattr(builtins, body)  # a built-in type (int, str, ...), never a function
    raise ValueError("malformed value")


# ---------------------------------------------------------------- candidate side (untrusted once the program runs)

def _serve(source, sock):
    namespace = {"__name__": "__main__", "__builtins__": builtins}
    try:
        exec(compile(source, "program.py", "exec"), namespace)
    except BaseException as e:  # SystemExit included: a program that ends early has no functions to call
        traceback.print_exc()
        try:
            _send(sock, {"ok": False, "error": f"{type(e).__name__}: {e}"[:2000]})
        except Exception:
            pass
        _flush_and_exit(1)
    table = []

    def keep(obj):
        table.append(obj)
        return len(table) - 1

    def call(request):
        try:
            target = request["target"]
            function = namespace[target] if type(target) is str else table[target]
            result = function(*_decode(request["args"], table.__getitem__), **_decode(request["kwargs"], table.__getitem__))
            return {"value": _encode(result, keep)}
        except BaseException as e:
            return {"raise": type(e).__name__, "message": str(e)[:2000]}

    _send(sock, {"ok": True})
    while True:
        request = _recv(sock)
        if request is None:
            _flush_and_exit(0)
        op = request.get("op")
        if op == "resolve":
            kinds = {}
            for name in request["names"]:
                if name not in namespace:
                    continue
                value = namespace[name]
                if isinstance(value, types.ModuleType):
                    kinds[name] = {"module": getattr(value, "__name__", "")}
                elif callable(value):
                    kinds[name] = {"call": True}
                else:
                    try:
                        kinds[name] = {"value": _encode(value, keep)}
                    except Exception:
                        pass
            _send(sock, kinds)
        elif op == "batch":
            _send(sock, [call(c) for c in request["calls"]])
        else:
            _send(sock, call(request))


def _flush_and_exit(code):
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    os._exit(code)


def _candidate(limits, feed, isolated):
    # Set up before the program is known (while the previous one runs), then handed its program and descriptors.
    try:
        if isolated:
            _mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
            _mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, f"size={limits['file_mb']}m,mode=1777,nr_inodes=4096")
            _mount("tmpfs", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, "size=1m,mode=1777,nr_inodes=64")
            os.chdir("/tmp")
        else:
            os.setsid()
            os.chdir(limits["folder"])
        # The out-of-memory killer must pick the program, never the zygote or the server: a program may hold memory
        # no process is charged for, so the sizes alone do not point at it. A zygote's child inherits "not dumpable",
        # which gives its /proc/self files to an owner its namespace cannot map, so it becomes dumpable first.
        _prctl(PR_SET_DUMPABLE, 1)
        try:
            with open("/proc/self/oom_score_adj", "w") as f:
                f.write("1000")
        except OSError:
            pass
        cpu = max(1, int(limits["timeout"]) + 1)
        memory = limits["memory_mb"] * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_FSIZE, (limits["file_mb"] * 1024 * 1024,) * 2)
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_NOFILE, (256, 256))
        resource.setrlimit(resource.RLIMIT_NPROC, (limits["processes"],) * 2)
        if isolated:
            _drop_capabilities()
        elif os.geteuid() == 0:
            os.setgroups([])
            os.setresgid(65534, 65534, 65534)
            os.setresuid(65534, 65534, 65534)
            _prctl(PR_SET_NO_NEW_PRIVS, 1)
        _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        _prctl(PR_SET_NO_NEW_PRIVS, 1)
        _deny_syscalls()
        os.environ.clear()
        os.environ.update({"HOME": os.getcwd(), "TMPDIR": os.getcwd(), "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8"})
        message, fds, _, _ = socket.recv_fds(feed, 16, 4)
        if len(fds) != 4:
            os._exit(0)
        program_fd, rpc_fd, out_fd, err_fd = fds
        with os.fdopen(program_fd, "rb", closefd=True) as f:
            source = f.read().decode("utf-8", "replace")
        os.dup2(out_fd, 1)
        os.dup2(err_fd, 2)
        null = os.open("/dev/null", os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(rpc_fd, 3)
        os.set_inheritable(3, False)
        os.closerange(4, 65536)
        sock = socket.socket(fileno=3)
    except BaseException:
        try:
            os.write(2, traceback.format_exc().encode())
        finally:
            os._exit(70)
    _serve(source, sock)


class _Prepared:
    # A candidate forked ahead of time (isolated and limited, waiting for its program) and what the zygote needs to
    # end it: killing PID 1 of its namespace ends every process in it, and waitpid returns once all are gone.
    def __init__(self, limits, isolated):
        self.limits, self.isolated = limits, isolated
        if not isolated:
            import tempfile  # the weak mode only
        self.folder = None if isolated else tempfile.mkdtemp(prefix="agorabench-sandbox-")
        if self.folder is not None and os.geteuid() == 0:
            os.chown(self.folder, 65534, 65534)
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        pid = _clone(CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWIPC) if isolated else os.fork()
        if pid == 0:
            try:
                ours.close()
                _candidate(dict(limits, folder=self.folder), theirs, isolated)
            finally:
                os._exit(70)
        theirs.close()
        self.pid, self.feed = pid, ours

    def start(self, fds):
        try:
            socket.send_fds(self.feed, [b"go"], fds)
        except OSError:
            pass
        self.feed.close()

    def kill(self):
        try:
            os.kill(self.pid, signal.SIGKILL)
        except OSError:
            pass

    def alive(self):
        try:
            return os.waitpid(self.pid, os.WNOHANG)[0] == 0
        except ChildProcessError:
            return False

    def end(self):
        try:
            if self.isolated:
                os.kill(self.pid, signal.SIGKILL)
            else:
                os.killpg(self.pid, signal.SIGKILL)
        except OSError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        if not self.isolated:
            try:
                os.killpg(self.pid, signal.SIGKILL)
            except OSError:
                pass
            import shutil
            shutil.rmtree(self.folder, ignore_errors=True)


def _supervise(prepared, control, dying):
    # Reports the candidate's end as soon as it happens, and ends it when the server says stop (or is gone). The
    # kill is final at once (PID 1 of its namespace takes every process in it along); it is reaped later, so the
    # next candidate need not wait for the namespace's teardown.
    pidfd = os.pidfd_open(prepared.pid)
    status = None
    while True:
        ready, _, _ = select.select([control] + ([pidfd] if status is None else []), [], [])
        if pidfd in ready:
            _, status = os.waitpid(prepared.pid, 0)
            try:
                control.send(b"exit %d" % status)
            except OSError:
                pass
        if control in ready:
            try:
                control.recv(16)
            except OSError:
                pass
            break
    os.close(pidfd)
    if status is None and prepared.isolated:
        prepared.kill()
        dying.append(prepared.pid)
    elif status is None or not prepared.isolated:
        prepared.end()
    control.close()


def _reap(dying, block):
    for pid in list(dying):
        try:
            done, _ = os.waitpid(pid, 0 if block else os.WNOHANG)
        except ChildProcessError:
            done = pid
        if done:
            dying.remove(pid)


def _bind_sources(extra):
    # Opened while the zygote still has its own credentials, so folders it can reach only as itself (a Python under
    # a private home folder) can still be bound after it becomes the unprivileged uid.
    sources = []
    for path in ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", *extra]:
        if not os.path.lexists(path):
            continue
        if os.path.islink(path) and os.path.dirname(path) == "/":
            sources.append((path, os.readlink(path), None))
            continue
        real = os.path.realpath(path)
        if any(real == s[1] or real.startswith(s[1] + "/") for s in sources if s[2] is not None):
            continue
        sources.append((real, real, os.open(real, os.O_PATH | os.O_CLOEXEC)))
    for name in ("ld.so.cache", "localtime"):
        if os.path.isfile("/etc/" + name):
            sources.append(("/etc/" + name, "/etc/" + name, os.open(os.path.realpath("/etc/" + name), os.O_PATH | os.O_CLOEXEC)))
    return sources


def _build_root(sources):
    # A read-only view of the system folders the interpreter needs; everything else (home folders, /etc, the
    # grader's working folder, sockets under /run, /var) is absent.
    _mount(None, "/", None, MS_REC | MS_PRIVATE)
    root = "/tmp"
    _mount("tmpfs", root, "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=0755")
    for path, target, fd in sources:
        if fd is None:
            os.symlink(target, root + path)
            continue
        if os.path.isdir(f"/proc/self/fd/{fd}"):
            os.makedirs(root + path, mode=0o755, exist_ok=True)
        else:
            os.makedirs(os.path.dirname(root + path), mode=0o755, exist_ok=True)
            open(root + path, "w").close()
        _mount(f"/proc/self/fd/{fd}", root + path, None, MS_BIND | MS_REC)
        _mount(None, root + path, None, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)
        os.close(fd)
    os.makedirs(root + "/dev/shm")
    for name in ("null", "zero", "random", "urandom", "full"):
        open(root + "/dev/" + name, "w").close()
        _mount("/dev/" + name, root + "/dev/" + name, None, MS_BIND)
    for name, target in (("fd", "/proc/self/fd"), ("stdin", "/proc/self/fd/0"), ("stdout", "/proc/self/fd/1"), ("stderr", "/proc/self/fd/2")):
        os.symlink(target, root + "/dev/" + name)
    os.makedirs(root + "/proc")
    _mount("/proc", root + "/proc", None, MS_BIND | MS_REC)  # covered by each candidate's own /proc
    os.makedirs(root + "/tmp")
    os.makedirs(root + "/.old")
    _syscall("pivot_root", _b(root), _b(root + "/.old"))
    os.chdir("/")
    _ok(_libc.umount2(b"/.old", 2), "umount old root")
    os.rmdir("/.old")
    _mount(None, "/", None, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)


def _zygote(control, go_read, ready_write, isolated, extra, cgroup):
    # Forked before any request, so no test ever sits in the memory the candidates are forked from.
    try:
        _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        null = os.open("/dev/null", os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        os.close(null)
        joined = b""
        if cgroup.dirs:
            try:
                cgroup.add(0)  # itself, while it still has the grader's credentials; every candidate inherits it
                joined = b"c"
            except OSError:
                pass
        if isolated:
            _unshare(CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC)
            sources = _bind_sources(extra)
            os.write(ready_write, b"u")
            if os.read(go_read, 1) != b"g":
                os._exit(1)
            try:
                os.setgroups([])
            except OSError:
                pass  # an unprivileged grader's namespace may not change groups
            os.setresgid(0, 0, 0)
            os.setresuid(0, 0, 0)
            try:
                # No nested user namespace (and so no capabilities again) for any candidate of this worker.
                with open("/proc/sys/user/max_user_namespaces", "w") as f:
                    f.write("0")
            except OSError:
                pass
            _build_root(sources)
        _prctl(PR_SET_DUMPABLE, 0)
        os.write(ready_write, b"r" + joined)
    except BaseException as e:
        os.write(ready_write, ("e" + f"{type(e).__name__}: {e}").encode()[:1000])
        os._exit(1)
    os.close(ready_write)
    os.close(go_read)
    # Messages from the server, each with its limits as JSON after a one-letter kind:
    #   S (program, rpc, stdout, stderr, runner control): start a candidate with these descriptors;
    #   R<serial> (runner control): the server started the offered candidate <serial> itself;
    #   D<serial>: the offered candidate is not wanted (other limits, or it died waiting).
    # After each S or R the zygote prepares the next candidate and offers it to the server (N<serial> with its feed,
    # or F when none could be prepared), so the next program starts without a round through the zygote.
    offered, serial, dying = None, 0, []

    def prepare(limits):
        try:
            return _Prepared(limits, isolated)
        except OSError:  # a process limit still held by the last program's dying namespace
            _reap(dying, block=True)
            return _Prepared(limits, isolated)

    while True:
        try:
            message, fds, _, _ = socket.recv_fds(control, 65536, 8)
        except OSError:
            message, fds = b"", []
        if not message:
            if offered is not None:
                offered.end()
            _reap(dying, block=True)
            os._exit(0)
        _reap(dying, block=False)
        kind, rest = message[:1], message[1:]
        if kind == b"D":
            if offered is not None and offered.serial == int(rest):
                offered.end()  # killed while it waited (the last program filled the memory), or other limits
                offered = None
            continue
        if kind == b"R":
            head, _, text = rest.partition(b" ")
            if offered is None or offered.serial != int(head) or len(fds) != 1:
                for fd in fds:
                    os.close(fd)
                continue  # never happens with this server: it claims only what was offered, once
            current, offered, runner = offered, None, fds[0]
            current.feed.close()
        else:
            text = rest
            if len(fds) != 5:
                for fd in fds:
                    os.close(fd)
                continue
            if offered is not None:  # the server asks for a start only when it holds no offer
                offered.end()
                offered = None
            _reap(dying, block=True)
            current = prepare(json.loads(text))
            current.start(fds[:4])
            for fd in fds[:4]:
                os.close(fd)
            runner = fds[4]
        # The next candidate is set up while this one runs: it shares nothing with it but the worker's limits,
        # and one that died while it waited is refused by the server, which asks for another.
        try:
            offered = _Prepared(json.loads(text), isolated)
        except OSError:
            offered = None
        if offered is not None:
            serial += 1
            offered.serial = serial
            try:
                # With a pidfd, so the server ends this candidate's program itself before it starts the next one.
                pidfd = os.pidfd_open(offered.pid)
                try:
                    socket.send_fds(control, [b"N%d " % serial + text], [offered.feed.fileno(), pidfd])
                finally:
                    os.close(pidfd)
            except OSError:
                pass
        else:
            try:
                control.send(b"F")
            except OSError:
                pass
        _supervise(current, socket.socket(fileno=runner), dying)


def _start_zygote(isolated, cgroup):
    extra = sorted({sys.prefix, sys.base_prefix, sys.exec_prefix, os.path.dirname(os.path.realpath(sys.executable))}
                   | {os.path.dirname(os.path.realpath(os.__file__))})
    control, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    go_read, go_write = os.pipe()
    ready_read, ready_write = os.pipe()
    adjust = None
    if cgroup.dirs:
        try:
            # The out-of-memory killer of the worker's cgroup should pick a candidate (they ask for 1000), never
            # the zygote: it is forked with -1000 and the server goes back to its own value.
            with open("/proc/self/oom_score_adj") as f:
                adjust = f.read().strip()
            with open("/proc/self/oom_score_adj", "w") as f:
                f.write("-1000")
        except OSError:
            adjust = None
    pid = os.fork()
    if adjust is not None and pid != 0:
        with open("/proc/self/oom_score_adj", "w") as f:
            f.write(adjust)
    if pid == 0:
        control.close()
        os.close(go_write)
        os.close(ready_read)
        _zygote(theirs, go_read, ready_write, isolated, extra, cgroup)
        os._exit(1)
    theirs.close()
    os.close(go_read)
    os.close(ready_write)
    try:
        if isolated:
            if os.read(ready_read, 1) != b"u":
                raise OSError("could not create a user namespace (unprivileged user namespaces disabled?)")
            outer_uid, outer_gid = (65534, 65534) if os.geteuid() == 0 else (os.geteuid(), os.getegid())
            if os.geteuid() != 0:
                with open(f"/proc/{pid}/setgroups", "w") as f:
                    f.write("deny")
            with open(f"/proc/{pid}/uid_map", "w") as f:
                f.write(f"0 {outer_uid} 1")
            with open(f"/proc/{pid}/gid_map", "w") as f:
                f.write(f"0 {outer_gid} 1")
            os.write(go_write, b"g")
        answer = os.read(ready_read, 1000)
        if answer[:1] != b"r":
            raise OSError(answer[1:].decode(errors="replace") or "the isolation set-up failed")
        if answer[1:2] != b"c":
            cgroup.remove()
    except BaseException:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise
    finally:
        os.close(go_write)
        os.close(ready_read)
    return pid, control


# ---------------------------------------------------------------- tester side (trusted)

class _RemoteError(Exception):
    pass


class _Connection:
    def __init__(self, sock):
        self.sock = sock
        self.refs = {}
        self.answered = {}

    @staticmethod
    def no_refs(value):
        raise TypeError(f"cannot pass {type(value).__name__} to the program")

    def ref(self, index):
        if index not in self.refs:
            self.refs[index] = _Remote(self, index)
        return self.refs[index]

    def _out(self, value):
        if type(value) is _Remote and value._conn is self and type(value._target) is int:
            return value._target
        raise TypeError(f"cannot pass {type(value).__name__} to the program")

    @staticmethod
    def _key(target, args, kwargs):
        return json.dumps([target, args, kwargs], separators=(",", ":"), allow_nan=False)

    def remember(self, target, args, kwargs, reply):
        key = self._key(target, args, kwargs)  # already encoded
        self.answered.setdefault(key, []).append(reply)

    def call(self, target, args, kwargs):
        request = {"op": "call", "target": target, "args": _encode(list(args), self._out), "kwargs": _encode(dict(kwargs), self._out)}
        known = self.answered.get(self._key(target, request["args"], request["kwargs"]))
        if known:
            reply = known.pop(0)
        else:
            _send(self.sock, request)
            reply = _recv(self.sock)
        if type(reply) is not dict:
            raise _RemoteError("the program stopped answering")
        if "value" in reply:
            return _decode(reply["value"], self.ref)
        name, message = str(reply.get("raise")), str(reply.get("message"))
        exception = getattr(builtins, name, None)
        # A built-in exception is raised as itself (tests may expect one), except StopIteration: raised from inside
        # map() or a similar consumer it would end the tests' iteration quietly instead of failing.
        if isinstance(exception, type) and issubclass(exception, Exception) and exception.__module__ == "builtins" \
                and not issubclass(exception, (StopIteration, StopAsyncIteration)):
            raise exception(message)
        raise _RemoteError(f"{name}: {message}")


class _Remote:
    # A function, class or object that lives in the candidate; calling it is a round trip. It equals only itself.
    __slots__ = ("_conn", "_target")

    def __init__(self, conn, target):
        self._conn = conn
        self._target = target

    def __call__(self, *args, **kwargs):
        return self._conn.call(self._target, args, kwargs)

    def __repr__(self):
        return f"<program object {self._target}>"


def _free_names(tree):
    loaded, bound = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (loaded if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.alias):
            bound.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
    return loaded - bound


def _call_sites(tree, names):
    # Calls of the program's functions with literal arguments, in source order: asked for in one batch up front.
    sites = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names:
            try:
                args = [ast.literal_eval(a) for a in node.args]
                kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords if k.arg is not None}
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                continue
            if len(kwargs) == len(node.keywords):
                sites.append((node.lineno, node.col_offset, names[node.func.id], args, kwargs))
    sites.sort(key=lambda site: (site[0], site[1]))
    return sites


def _tester(channel):
    # Trusted and warm: started by the server, never forked from anything that ran a program; for each request it
    # gets its end of the candidate's socket and the tests, runs the problem's context and tests in a fresh namespace
    # of its own interpreter and sends the verdict back on the channel, which no candidate holds.
    null = os.open("/dev/null", os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)
    _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    _prctl(PR_SET_DUMPABLE, 0)
    while True:
        try:
            message, fds, _, _ = socket.recv_fds(channel, 16, 1)
        except OSError:
            os._exit(0)
        if len(fds) != 1:
            os._exit(0)
        rpc = socket.socket(fileno=fds[0])
        request = _recv(channel)
        if type(request) is not dict:
            os._exit(0)
        verdict = _test(request, rpc)
        rpc.close()
        _send(channel, verdict)


_PLANS = {}


def _plan(source, context_source, remote, aliases):
    # What the tester derives from a problem's trusted text alone: compiled tests and context, the names to ask the
    # program for, and the literal-argument calls to ask for in one batch. Kept per problem (samples of one problem
    # share it); the tests always run in a fresh namespace, so nothing of one program's run is kept.
    key = (source, context_source, tuple(sorted(remote)), tuple(sorted(aliases.items())))
    plan = _PLANS.get(key)
    if plan is not None:
        return plan
    tree = ast.parse(source)
    tests = compile(tree, "tests.py", "exec", dont_inherit=True)
    context_tree = ast.parse(context_source)
    context = compile(context_tree, "context.py", "exec", dont_inherit=True)
    defined = set()
    for node in ast.walk(context_tree):
        if isinstance(node, ast.Name):
            defined.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            defined.add(node.name)
        elif isinstance(node, ast.alias):
            defined.add((node.asname or node.name).split(".")[0])
    wanted = _free_names(tree) - _BUILTIN_NAMES - remote - set(aliases) - defined
    callables = {n: n for n in remote | wanted} | {k: v for k, v in aliases.items() if v in remote}
    batch = [(t, _encode(a, _Connection.no_refs), _encode(k, _Connection.no_refs)) for _, _, t, a, k in _call_sites(tree, callables)]
    plan = (tests, context, frozenset(wanted), tuple(batch))
    if len(_PLANS) >= 512:
        _PLANS.clear()
    _PLANS[key] = plan
    return plan


def _test(request, rpc):
    source = ""
    try:
        memory = max(int(request.get("memory_mb", 1024)), 256) * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        source = request.get("tests", "")
        conn = _Connection(rpc)
        remote = set(request.get("remote", []))
        aliases = {k: v for k, v in dict(request.get("aliases", {})).items() if type(v) is str}
        tests, context, wanted, sites = _plan(source, request.get("context", ""), remote, aliases)
        namespace = {"__name__": "__agorabench_tests__", "__builtins__": builtins}
        if wanted:
            _send(rpc, {"op": "resolve", "names": sorted(wanted)})
        if sites:
            _send(rpc, {"op": "batch", "calls": [{"target": t, "args": a, "kwargs": k} for t, a, k in sites]})
        hello = _recv(rpc)
        if type(hello) is not dict or hello.get("ok") is not True:
            error = hello.get("error") if type(hello) is dict else None
            raise _RemoteError(f"the program did not load: {error}" if error else "the program did not load")
        kinds = _recv(rpc) if wanted else {}
        if sites:
            results = _recv(rpc)
            if type(results) is not list or len(results) != len(sites):
                raise _RemoteError("the program stopped answering")
            for (target, args, kwargs), reply in zip(sites, results):
                conn.remember(target, args, kwargs, reply)
        if type(kinds) is not dict:
            raise _RemoteError("the program stopped answering")
        exec(context, namespace)
        for name in sorted(wanted):
            kind = kinds.get(name)
            if type(kind) is not dict or name in namespace:
                continue
            if kind.get("call") is True:
                namespace[name] = _Remote(conn, name)
            elif type(kind.get("module")) is str and kind["module"].split(".")[0] == name \
                    and name in getattr(sys, "stdlib_module_names", ()) and name not in HIDDEN_MODULES:
                namespace[name] = importlib.import_module(name)  # the program's `import math`: the tester's own math
            elif "value" in kind:
                namespace[name] = _decode(kind["value"], conn.ref)
        for name in remote:
            namespace[name] = _Remote(conn, name)
        exec(tests, namespace)
        return {"passed": True}
    except BaseException as e:
        lines = source.splitlines()
        frames = [f for f in traceback.extract_tb(e.__traceback__) if f.filename == "tests.py"]
        where = ""
        if frames and 0 < frames[-1].lineno <= len(lines):
            where = f" (tests.py line {frames[-1].lineno}: {lines[frames[-1].lineno - 1].strip()[:300]})"
        what = str(e) if isinstance(e, _RemoteError) else f"{type(e).__name__}: {e}"
        return {"passed": False, "error": what[:2000] + where}




class _Cgroup:
    # A cgroup per worker (zygote and every candidate) where the grader may create one: memory and process count
    # bound the whole worker, root included. cgroup v2 needs memory and pids delegated to the grader's cgroup; v1
    # needs the memory and pids hierarchies writable. Elsewhere the resource limits alone apply.
    def __init__(self):
        self.dirs, self.memory_files, self.pids_files = [], [], []
        try:
            lines = open("/proc/self/cgroup").read().splitlines()
        except OSError:
            return
        name = f"agorabench-sandbox-{os.getpid()}-{time.monotonic_ns()}"
        for line in lines:
            _, controllers, path = line.split(":", 2)
            if controllers == "" and os.path.exists("/sys/fs/cgroup/cgroup.controllers"):
                base = "/sys/fs/cgroup" + path
                try:
                    delegated = open(os.path.join(base, "cgroup.subtree_control")).read().split()
                except OSError:
                    continue
                if "memory" in delegated and "pids" in delegated:
                    self._make(os.path.join(base, name), "memory.max", "pids.max")
                    return
        for line in lines:
            _, controllers, path = line.split(":", 2)
            for controller, limit_file in (("memory", "memory.limit_in_bytes"), ("pids", "pids.max")):
                if controller in controllers.split(","):
                    self._make(os.path.join("/sys/fs/cgroup", controller) + path.rstrip("/") + "/" + name, limit_file, None)

    def _make(self, path, memory_file, pids_file):
        parent = os.path.dirname(path)
        try:
            for entry in os.listdir(parent):  # left by a server that was killed: empty, so rmdir succeeds
                if entry.startswith("agorabench-sandbox-") and not os.path.exists(f"/proc/{entry.split('-')[2]}"):
                    try:
                        os.rmdir(os.path.join(parent, entry))
                    except OSError:
                        pass
        except OSError:
            pass
        try:
            os.mkdir(path)
        except OSError:
            return
        self.dirs.append(path)
        if memory_file.startswith("memory") and os.path.exists(os.path.join(path, memory_file)):
            self.memory_files.append(os.path.join(path, memory_file))
        for candidate in (pids_file, "pids.max"):
            if candidate and os.path.exists(os.path.join(path, candidate)):
                self.pids_files.append(os.path.join(path, candidate))
                break

    @property
    def active(self):
        return bool(self.memory_files) and bool(self.pids_files)

    def add(self, pid):
        for path in self.dirs:
            with open(os.path.join(path, "cgroup.procs"), "w") as f:
                f.write(str(pid))

    def limit(self, memory_bytes, processes):
        for path in self.memory_files:
            with open(path, "w") as f:
                f.write(str(memory_bytes))
        for path in self.pids_files:
            with open(path, "w") as f:
                f.write(str(processes))

    def remove(self):
        for path in self.dirs:
            for _ in range(50):
                try:
                    os.rmdir(path)
                    break
                except OSError:
                    time.sleep(0.02)
        self.dirs = []


# ---------------------------------------------------------------- server

class Server:
    def __init__(self, isolated):
        self.isolated = isolated
        self.cgroup = _Cgroup()
        self.cgroup_limits = None
        self.zygote, self.control = _start_zygote(isolated, self.cgroup)
        self.tester = None
        self.pending = None
        self.offer = None  # (serial, limits, feed) of the candidate the zygote prepared next
        self.awaiting = 0  # starts the zygote has not yet answered with an offer
        self.restarts = 0  # zygotes started again after one died

    def _prepare_tester(self):
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        pid = os.fork()
        if pid == 0:
            try:
                ours.close()
                self.control.close()
                if self.offer is not None:
                    self.offer[2].close()
                    os.close(self.offer[3])
                _tester(theirs)
            finally:
                os._exit(1)
        theirs.close()
        self.tester = (pid, ours)

    def run(self, request):
        limits = {
            "timeout": float(request.get("timeout", 10)),
            "memory_mb": int(request.get("memory_mb", 1024)),
            "file_mb": int(request.get("file_mb", 16)),
            "processes": int(request.get("processes", 32)),
        }
        output_limit = int(request.get("output_kb", 16)) * 1024
        started = time.monotonic()
        self.finish()
        self._restart_zygote_if_dead()
        wanted = ((limits["memory_mb"] + 160) * 1024 * 1024, limits["processes"] + 8)
        if self.cgroup.dirs and self.cgroup_limits != wanted:
            self.cgroup.limit(*wanted)  # the zygote and a prepared candidate share it with the running one
            self.cgroup_limits = wanted
        program = os.memfd_create("program", os.MFD_CLOEXEC)
        view = memoryview(request["program"].encode("utf-8", "surrogatepass"))
        while view:
            view = view[os.write(program, view):]
        os.lseek(program, 0, os.SEEK_SET)
        out = os.memfd_create("stdout", os.MFD_CLOEXEC)
        err = os.memfd_create("stderr", os.MFD_CLOEXEC)
        tester_end, candidate_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        control, runner_control = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            pidfd = self._start_candidate(json.dumps(limits, sort_keys=True).encode(), [program, candidate_end.fileno(), out, err], runner_control)
        finally:
            os.close(program)
            candidate_end.close()
            runner_control.close()
        if self.tester is None:
            self._prepare_tester()
        tester, channel = self.tester
        try:
            socket.send_fds(channel, [b"go"], [tester_end.fileno()])
            _send(channel, {k: request.get(k) for k in ("tests", "context", "remote", "aliases", "memory_mb") if k in request})
        except OSError:
            pass
        tester_end.close()
        self.pending = (control, out, err, pidfd)
        status, verdict = "failed", None
        deadline = started + limits["timeout"]
        poller = select.poll()
        poller.register(channel.fileno(), select.POLLIN)
        poller.register(sys.stdin.fileno(), select.POLLHUP)
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                status = "timeout"
                self._end_tester()  # it may be stuck in a call; a fresh one serves the next request
                break
            events = poller.poll(max(1, int(left * 1000)))
            if any(fd == sys.stdin.fileno() and ev & (select.POLLHUP | select.POLLERR) for fd, ev in events):
                self.stop()
                os._exit(0)  # the grader is gone
            if any(fd == channel.fileno() for fd, _ in events):
                channel.settimeout(max(0.5, deadline - time.monotonic()))
                try:
                    verdict = _recv(channel)
                except (OSError, ValueError):
                    verdict = None
                if verdict is None:
                    self._end_tester()
                break
        candidate_status = -1
        try:
            control.setblocking(False)
            reply = control.recv(64)
            if reply.startswith(b"exit "):
                candidate_status = int(reply[5:])
        except (OSError, ValueError):
            pass
        message = ""
        if status != "timeout":
            if type(verdict) is dict and verdict.get("passed") is True:
                status = "passed"
            else:
                message = (verdict or {}).get("error") or "the tests did not finish (a limit was reached)"
        exit_code = os.WEXITSTATUS(candidate_status) if candidate_status >= 0 and os.WIFEXITED(candidate_status) else None
        sig = os.WTERMSIG(candidate_status) if candidate_status >= 0 and os.WIFSIGNALED(candidate_status) else None
        stderr = _read_capped(err, output_limit)
        if message:
            stderr = stderr + ("\n" if stderr and not stderr.endswith("\n") else "") + message + "\n"
        return {
            "id": request.get("id"), "status": status, "exit": exit_code, "signal": sig,
            "seconds": round(time.monotonic() - started, 4),
            "stdout": _read_capped(out, output_limit), "stderr": stderr,
        }

    def _restart_zygote_if_dead(self):
        # The zygote can die under a program (the out-of-memory killer of the worker's cgroup, a failed clone); every
        # later program of this worker would then fail. A fresh zygote serves them instead.
        try:
            pid, _ = os.waitpid(self.zygote, os.WNOHANG)
        except ChildProcessError:
            pid = self.zygote
        if pid == 0:
            return
        if self.offer is not None:
            self.offer[2].close()
            os.close(self.offer[3])
            self.offer = None
        self.awaiting = 0
        self.control.close()
        self.zygote, self.control = _start_zygote(self.isolated, self.cgroup)
        self.restarts += 1

    def _collect_offers(self):
        # The zygote answers every start with the next candidate it prepared (N<serial> <limits>, with the
        # candidate's feed) or F; it sends that while the program runs, so it is normally here already.
        while self.awaiting > 0:
            self.control.settimeout(2)
            try:
                message, fds, _, _ = socket.recv_fds(self.control, 65536, 2)
            except OSError:  # the timeout included: start through the zygote instead
                return
            finally:
                self.control.settimeout(None)
            self.awaiting -= 1
            if message[:1] == b"N" and len(fds) == 2:
                if self.offer is not None:
                    self.offer[2].close()
                    os.close(self.offer[3])
                head, _, text = message[1:].partition(b" ")
                self.offer = (int(head), text, socket.socket(fileno=fds[0]), fds[1])
            else:
                for fd in fds:
                    os.close(fd)

    def _start_candidate(self, limits, fds, runner_control):
        # Hands the program straight to the offered candidate when it was prepared with these limits and is still
        # alive (it died waiting when the send fails), then tells the zygote which one to supervise; otherwise the
        # zygote starts one.
        # Returns a pidfd of the candidate when the server started it (None when the zygote did).
        self._collect_offers()
        if self.offer is not None:
            serial, offered_limits, feed, pidfd = self.offer
            self.offer = None
            started = False
            if offered_limits == limits:
                try:
                    socket.send_fds(feed, [b"go"], fds)
                    started = True
                except OSError:
                    pass
            feed.close()
            if started:
                socket.send_fds(self.control, [b"R%d " % serial + limits], [runner_control.fileno()])
                self.awaiting += 1
                return pidfd
            os.close(pidfd)
            self.control.send(b"D%d" % serial)
        socket.send_fds(self.control, [b"S" + limits], fds + [runner_control.fileno()])
        self.awaiting += 1
        return None

    def _end_tester(self):
        if self.tester is not None:
            pid, channel = self.tester
            self.tester = None
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
            os.waitpid(pid, 0)
            channel.close()

    def finish(self):
        # Ends the last program after its answer went out: the candidate and its PID namespace.
        if self.pending is None:
            return
        control, out, err, pidfd = self.pending
        self.pending = None
        if pidfd is not None:
            # Ended here at once, so nothing of this program still runs when the next one starts; the zygote reaps it.
            try:
                signal.pidfd_send_signal(pidfd, signal.SIGKILL)
            except OSError:
                pass
            os.close(pidfd)
        try:
            control.setblocking(True)
            control.send(b"stop")  # the zygote kills it at once; everything is reaped before the zygote exits
        except OSError:
            pass
        control.close()
        os.close(out)
        os.close(err)

    def stop(self):
        try:
            self.finish()
        finally:
            self._end_tester()
            self.control.close()
            try:
                os.waitpid(self.zygote, 0)
            except OSError:
                pass
            self.cgroup.remove()


def _read_capped(fd, limit):
    try:
        data = os.pread(fd, limit + 1, 0)
    except OSError:
        return ""
    text = data[:limit].decode("utf-8", "replace")
    return text + ("\n[output truncated]" if len(data) > limit else "")


def main():
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    weak_allowed = "--allow-weak" in sys.argv[1:] or "--weak" in sys.argv[1:]
    try:
        server = Server(isolated=True)
        if not server.cgroup.active and not weak_allowed:
            # Without one, memory and processes are bounded per process only: a program's process tree together
            # could hold the process limit times the memory limit and slow the programs running beside it.
            server.stop()
            server = None
            raise OSError("no cgroup with memory and pids limits could be made for the sandbox (run as root, or in a "
                          "cgroup delegated to this user, e.g. `systemd-run --user --scope -p Delegate=yes`)")
        hello = {"ready": True, "isolation": "namespaces", "cgroup": server.cgroup.dirs}
    except BaseException as e:
        server, hello = None, {"ready": False, "error": f"{type(e).__name__}: {e}"}
        if weak_allowed:
            try:
                server = Server(isolated=False)
                hello = {"ready": True, "isolation": "weak", "reason": hello["error"]}
            except BaseException as e2:
                hello["error"] += f"; the weak mode failed too: {type(e2).__name__}: {e2}"
    try:
        _prctl(PR_SET_DUMPABLE, 0)  # after the zygote started: an unprivileged grader writes its maps through /proc
    except OSError:
        pass
    sys.stdout.write(json.dumps(hello) + "\n")
    sys.stdout.flush()
    if server is None:
        return
    try:
        server._prepare_tester()  # warm before the first request, as it is for every later one
    except Exception:
        pass
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            response = server.run(request)
        except Exception as e:  # never die on a bad request
            response = {"id": None, "status": "error", "exit": None, "signal": None, "seconds": 0, "stdout": "", "stderr": repr(e)}
        sys.stdout.write(json.dumps(response) + "\n")
        sys.stdout.flush()
        try:
            server.finish()
            if server.tester is None:
                server._prepare_tester()
        except Exception:
            pass
    server.stop()


if __name__ == "__main__":
    main()
