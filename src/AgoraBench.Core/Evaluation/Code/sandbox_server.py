# AgoraBench code-execution server. Reads one JSON request per line on stdin and answers one JSON line on stdout:
#   request:  {"id": str, "program": str, "timeout": seconds, "memory_mb": int, "output_kb": int}
#   response: {"id": str, "status": "passed"|"failed"|"timeout", "exit": int|null, "signal": int|null,
#              "seconds": float, "stdout": str, "stderr": str}
# Each program runs in a forked child (warm interpreter, no start-up cost) that becomes its own session and process
# group, works in a fresh temporary folder (removed afterwards), and runs under resource limits (CPU time, address
# space, file size, processes), with the network cut (a new network namespace where the kernel allows it, and the
# socket module disabled), process creation disabled, and writes confined to its folder. A program passes only if it
# runs to its end: exiting early (sys.exit, os._exit) is a failure, because the pass marker is written after it.
import builtins, ctypes, io, json, os, resource, select, shutil, signal, socket, subprocess, sys, tempfile, time, traceback

CLONE_NEWNET = 0x40000000


def _cut_network():
    try:
        ctypes.CDLL(None, use_errno=True).unshare(CLONE_NEWNET)
    except Exception:
        pass

    def refuse(*args, **kwargs):
        raise OSError("network access is disabled in the AgoraBench sandbox")

    for name in ("socket", "create_connection", "create_server", "socketpair", "fromfd", "getaddrinfo"):
        setattr(socket, name, refuse)


def _confine(workdir):
    _os, _shutil = os, shutil
    real_open = builtins.open
    root = _os.path.realpath(workdir)

    def inside(path):
        try:
            full = _os.path.realpath(_os.path.join(root, _os.fspath(path)))
        except TypeError:
            return True  # a file descriptor
        return full == root or full.startswith(root + _os.sep)

    def guarded_open(file, mode="r", *args, **kwargs):
        if any(c in mode for c in "wax+") and not inside(file):
            raise PermissionError(f"writing outside the sandbox folder is not allowed: {file}")
        return real_open(file, mode, *args, **kwargs)

    builtins.open = guarded_open
    io.open = guarded_open
    real_os_open = _os.open

    def guarded_os_open(path, flags, *args, **kwargs):
        if flags & (_os.O_WRONLY | _os.O_RDWR | _os.O_CREAT | _os.O_APPEND | _os.O_TRUNC) and not inside(path):
            raise PermissionError(f"writing outside the sandbox folder is not allowed: {path}")
        return real_os_open(path, flags, *args, **kwargs)

    _os.open = guarded_os_open

    def disabled(*args, **kwargs):
        raise PermissionError("this operation is disabled in the AgoraBench sandbox")

    for name in ("fork", "forkpty", "system", "popen", "kill", "killpg", "execv", "execve", "execvp", "execvpe", "spawnv",
                 "spawnve", "spawnvp", "spawnl", "posix_spawn", "posix_spawnp", "rmdir", "removedirs", "chroot", "setuid"):
        if hasattr(_os, name):
            setattr(_os, name, disabled)
    subprocess.Popen = disabled
    subprocess.run = disabled
    subprocess.call = disabled
    subprocess.check_output = disabled
    _shutil.rmtree = disabled
    _shutil.move = disabled


def _child(program, workdir, limits, marker_fd):
    os.setsid()
    os.chdir(workdir)
    cpu = max(1, int(limits["timeout"]) + 1)
    memory = limits["memory_mb"] * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits["file_mb"] * 1024 * 1024,) * 2)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    try:
        resource.setrlimit(resource.RLIMIT_NPROC, (64, 64))
    except (ValueError, OSError):
        pass
    out = os.open(os.path.join(workdir, ".stdout"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    err = os.open(os.path.join(workdir, ".stderr"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(out, 1)
    os.dup2(err, 2)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    _cut_network()
    _confine(workdir)
    code = 1
    try:
        exec(compile(program, "program.py", "exec"), {"__name__": "__main__", "__builtins__": __builtins__})
        os.write(marker_fd, b"P")
        code = 0
    except BaseException:  # SystemExit included: leaving early is not passing
        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except Exception:
            pass
    os._exit(code)


def _read_capped(path, limit):
    try:
        with open(path, "rb") as f:
            data = f.read(limit + 1)
    except OSError:
        return ""
    text = data[:limit].decode("utf-8", "replace")
    return text + ("\n[output truncated]" if len(data) > limit else "")


def _run(request):
    limits = {
        "timeout": float(request.get("timeout", 10)),
        "memory_mb": int(request.get("memory_mb", 1024)),
        "file_mb": int(request.get("file_mb", 16)),
    }
    output_limit = int(request.get("output_kb", 16)) * 1024
    workdir = tempfile.mkdtemp(prefix="agorabench-sandbox-")
    read_fd, write_fd = os.pipe()
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        try:
            _child(request["program"], workdir, limits, write_fd)
        finally:
            os._exit(1)
    os.close(write_fd)
    status, exit_code, sig, passed = "failed", None, None, False
    deadline = started + limits["timeout"]
    while True:
        done, wait_status = os.waitpid(pid, os.WNOHANG)
        if done:
            if os.WIFEXITED(wait_status):
                exit_code = os.WEXITSTATUS(wait_status)
            elif os.WIFSIGNALED(wait_status):
                sig = os.WTERMSIG(wait_status)
            break
        if time.monotonic() >= deadline:
            status = "timeout"
            break
        time.sleep(0.002)
    # The child and anything it started share its process group: end them all.
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:
        pass
    if status == "timeout":
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
    ready, _, _ = select.select([read_fd], [], [], 0)
    if ready:
        passed = os.read(read_fd, 1) == b"P"
    os.close(read_fd)
    if status != "timeout" and passed and exit_code == 0:
        status = "passed"
    result = {
        "id": request.get("id"),
        "status": status,
        "exit": exit_code,
        "signal": sig,
        "seconds": round(time.monotonic() - started, 4),
        "stdout": _read_capped(os.path.join(workdir, ".stdout"), output_limit),
        "stderr": _read_capped(os.path.join(workdir, ".stderr"), output_limit),
    }
    shutil.rmtree(workdir, ignore_errors=True)
    return result


def main():
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            response = _run(request)
        except Exception as e:  # never die on a bad request
            response = {"id": None, "status": "error", "exit": None, "signal": None, "seconds": 0, "stdout": "", "stderr": repr(e)}
        sys.stdout.write(json.dumps(response) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
