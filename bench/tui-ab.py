"""A/B of the reader's first frame, as `npm run bench` times it (bench/pty_driver.py, 120x40 pty, spawn until
the BENCHNEWEST title is drawn), for builds in turns on the same homes, with `node -e 0` run in each round.

  python3 bench/tui-ab.py BUILD,BUILD HOME,HOME N

BUILD: a directory holding bin/ dist/ package.json and node_modules (a copy of a built checkout);
HOME: a home from `node bench/tui-home.mjs DIR N`. Each round runs the builds in alternating order.
"""
import json, os, statistics, subprocess, sys

DRIVER = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'pty_driver.py')

def run(cfg):
    out = subprocess.run(['python3', DRIVER, json.dumps(cfg)], capture_output=True, text=True).stdout
    return json.loads(out)

def main():
    builds, homes, n = sys.argv[1].split(','), sys.argv[2].split(','), int(sys.argv[3])
    first = {(b, h): [] for b in builds for h in homes}
    base = []
    load0 = os.getloadavg()
    for i in range(n):
        base.append(run({'mode': 'exit', 'cmd': ['node', '-e', '0']})['ms'])
        for h in homes:
            for b in (builds if i % 2 == 0 else builds[::-1]):
                r = run({'mode': 'tui', 'cmd': ['node', os.path.join(b, 'bin', 'cyberread.js'), '--home', h], 'marker': 'BENCHNEWEST', 'presses': 0})
                if 'first_frame_ms' not in r:
                    sys.exit(f'{b} on {h}: {r.get("error")}')
                first[(b, h)].append(r['first_frame_ms'])
    load1 = os.getloadavg()
    nb = statistics.median(base)
    print(f'node -e 0: median {nb:.0f} ms, runs {[round(x) for x in base]}')
    for (b, h), xs in first.items():
        m = statistics.median(xs)
        print(f'{b} on {h}: median {m:.0f} ms = {m / nb:.2f}x node -e 0, runs {[round(x) for x in xs]}')
    print('load average at the start', ', '.join(f'{x:.2f}' for x in load0), '; at the end', ', '.join(f'{x:.2f}' for x in load1))

main()
