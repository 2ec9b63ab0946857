"""Runs a command in a pseudo-terminal and plays a script against it (used by test/pty/*.test.ts).

argv: JSON steps, then the command. Steps:
  {"wait": "text", "timeout": s}   read until the output holds the text (error if it never does)
  {"send": "keys"}                 write to the terminal
  {"signal": "TERM"}               signal the child
  {"exit": s}                      wait for the child to end
Prints one JSON object: output (all bytes, as text), exit code or signal, and when each wait was met.
"""
import fcntl, json, os, select, signal, struct, sys, termios, time

steps = json.loads(sys.argv[1])
cmd = sys.argv[2:]
rows, cols = int(os.environ.get("PTY_ROWS", "24")), int(os.environ.get("PTY_COLS", "80"))

master, slave = os.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
start = time.monotonic()
pid = os.fork()
if pid == 0:
    os.setsid()
    fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
    for i in range(3):
        os.dup2(slave, i)
    os.close(master)
    if slave > 2:
        os.close(slave)
    os.execvp(cmd[0], cmd)
os.close(slave)

out = bytearray()
status = None
result = {"waits": {}, "error": None}


def pump(timeout):
    global status
    r, _, _ = select.select([master], [], [], timeout)
    if r:
        try:
            data = os.read(master, 65536)
        except OSError:
            data = b""
        if data:
            out.extend(data)
            return
    if status is None:
        done, st = os.waitpid(pid, os.WNOHANG)
        if done:
            status = st


def drain():
    while True:
        r, _, _ = select.select([master], [], [], 0.05)
        if not r:
            return
        try:
            data = os.read(master, 65536)
        except OSError:
            return
        if not data:
            return
        out.extend(data)


try:
    for step in steps:
        if "wait" in step:
            end = time.monotonic() + step.get("timeout", 10)
            needle = step["wait"].encode()
            while needle not in out:
                if time.monotonic() > end or status is not None:
                    raise RuntimeError("never saw %r" % step["wait"])
                pump(0.05)
            result["waits"][step["wait"]] = round((time.monotonic() - start) * 1000)
        elif "send" in step:
            os.write(master, step["send"].encode())
        elif "signal" in step:
            os.kill(pid, getattr(signal, "SIG" + step["signal"]))
        elif "exit" in step:
            end = time.monotonic() + step["exit"]
            while status is None and time.monotonic() < end:
                pump(0.05)
            drain()
        elif "sleep" in step:
            end = time.monotonic() + step["sleep"]
            while time.monotonic() < end:
                pump(0.05)
except Exception as e:  # reported to the test, which prints the output
    result["error"] = str(e)

if status is None:
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    result["killed"] = True
drain()
try:
    # the terminal's mode after the program left: a shell expects it cooked (line editing, echo) again
    lflag = termios.tcgetattr(master)[3]
    result["cooked"] = bool(lflag & termios.ICANON) and bool(lflag & termios.ECHO)
except termios.error:
    result["cooked"] = None
result["exitCode"] = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
result["signal"] = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
result["output"] = out.decode("utf-8", "replace")
print(json.dumps(result))
