"""Runs a command in a pseudo-terminal and times it; prints one JSON line.

mode "exit":  time from spawn to exit (the `node -e 0` baseline).
mode "tui":   time from spawn to the first output containing MARKER (and the wall-clock time then, for
              comparing with another process's clock), peak RSS (VmHWM) at that moment, then PRESSES presses
              of `j`, each timed from the write to the first output that follows.
              With STEPS ([{keys, markers}]) instead: after the first frame, each step writes its keys and is
              timed until everything written since holds every one of its markers (step_ms, null on a 5 s
              timeout); `output` keeps the last output of each step whose `keep` is true.
"""
import json, os, pty, select, sys, time, fcntl, termios, struct, signal

def rss_kib(pid):
    try:
        with open(f'/proc/{pid}/status') as f:
            for line in f:
                if line.startswith('VmHWM:'):
                    return int(line.split()[1])
    except OSError:
        return None
    return None

def main():
    cfg = json.loads(sys.argv[1])
    cmd, mode = cfg['cmd'], cfg['mode']
    rows, cols = cfg.get('rows', 40), cfg.get('cols', 120)
    env = dict(os.environ, TERM='xterm-256color', COLUMNS=str(cols), LINES=str(rows))
    env.update(cfg.get('env', {}))
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(cmd[0], cmd, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
    out = {}
    def read_some(timeout):
        r, _, _ = select.select([fd], [], [], timeout)
        if not r:
            return None
        try:
            return os.read(fd, 65536)
        except OSError:
            return b''
    if mode == 'exit':
        while True:
            d = read_some(10)
            if not d:
                break
        os.waitpid(pid, 0)
        out['ms'] = (time.perf_counter() - t0) * 1000
        print(json.dumps(out)); return
    marker = cfg['marker'].encode()
    buf = b''
    deadline = t0 + 30
    while marker not in buf:
        d = read_some(max(0.0, deadline - time.perf_counter()))
        if d is None or d == b'':
            out['error'] = 'no first frame: ' + buf[-400:].decode('utf8', 'replace')
            print(json.dumps(out)); os.kill(pid, signal.SIGKILL); return
        buf += d
    out['first_frame_ms'] = (time.perf_counter() - t0) * 1000
    out['marker_epoch_ms'] = time.time() * 1000
    out['rss_kib'] = rss_kib(pid)
    # let the first frame settle (effects after mount may draw once more); not while a refresh keeps drawing
    while cfg.get('settle', True) and read_some(0.3):
        pass
    if 'steps' in cfg:
        times, kept = [], []
        for step in cfg['steps']:
            want = [m.encode() for m in step['markers']]
            seen = b''
            t = time.perf_counter()
            os.write(fd, step['keys'].encode())
            end = t + 5
            while not all(m in seen for m in want):
                d = read_some(max(0.0, end - time.perf_counter()))
                if not d:
                    break
                seen += d
            times.append((time.perf_counter() - t) * 1000 if all(m in seen for m in want) else None)
            # what else the key draws (the rest of the frame, a frame after an effect) is read before the next step
            while True:
                d = read_some(0.05)
                if not d:
                    break
                seen += d
            if step.get('keep'):
                kept.append(seen.decode('utf8', 'replace'))
        out['step_ms'] = times
        out['output'] = kept
    lat = []
    for _ in range(0 if 'steps' in cfg else cfg.get('presses', 100)):
        t = time.perf_counter()
        os.write(fd, b'j')
        d = read_some(2)
        if not d:
            lat.append(None)
            continue
        lat.append((time.perf_counter() - t) * 1000)
        while read_some(0.02):
            pass
    out['j_ms'] = lat
    out['rss_end_kib'] = rss_kib(pid)
    os.write(fd, b'q')
    end = time.perf_counter() + 5
    while time.perf_counter() < end:
        d = read_some(0.5)
        if d == b'' or d is None:
            break
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    print(json.dumps(out))

main()
