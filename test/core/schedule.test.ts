import { afterEach, describe, expect, it, vi } from 'vitest';
import { refreshDelay, RefreshScheduler } from '../../src/core/schedule.js';

const MINUTE = 60_000;

describe('refreshDelay', () => {
  it('is due at once without a last refresh, else one interval after it', () => {
    const now = Date.parse('2026-11-28T08:00:00Z');
    expect(refreshDelay(null, MINUTE, now)).toBe(0);
    expect(refreshDelay('not a date', MINUTE, now)).toBe(0);
    expect(refreshDelay('2026-11-28T07:59:30Z', MINUTE, now)).toBe(30_000);
    expect(refreshDelay('2026-11-28T07:00:00Z', MINUTE, now)).toBe(0);
    // a clock set back: one interval from now, not hours
    expect(refreshDelay('2026-11-28T12:00:00Z', MINUTE, now)).toBe(MINUTE);
  });
});

describe('RefreshScheduler with a fake clock', () => {
  afterEach(() => vi.useRealTimers());

  /** A scheduler whose refreshes take `takes` ms and record the time the settings would keep. */
  function rig(o: { last: string | null; takes?: number; fails?: boolean }) {
    vi.useFakeTimers({ now: Date.parse('2026-11-28T08:00:00Z') });
    let last = o.last;
    let running = false;
    const starts: number[] = [];
    const s: RefreshScheduler = new RefreshScheduler({
      intervalMs: MINUTE,
      lastRefreshAt: () => last,
      now: () => Date.now(),
      start: () => {
        if (running) return false;
        running = true;
        starts.push(Date.now());
        setTimeout(() => {
          running = false;
          if (!o.fails) last = new Date().toISOString();
          s.finished();
        }, o.takes ?? 1000);
        return true;
      },
    });
    const manual = (): boolean => {
      if (running) return false;
      running = true;
      setTimeout(() => {
        running = false;
        last = new Date().toISOString();
        s.finished();
      }, o.takes ?? 1000);
      return true;
    };
    return { s, starts, manual, t0: Date.now() };
  }

  it('refreshes every interval after the last one ended, at start only when due', () => {
    const { s, starts, t0 } = rig({ last: '2026-11-28T07:59:30Z' });
    s.start();
    vi.advanceTimersByTime(29_999);
    expect(starts).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(starts).toEqual([t0 + 30_000]);
    // the refresh took 1 s; the next starts a full minute after it ended
    vi.advanceTimersByTime(MINUTE + 1000);
    expect(starts).toEqual([t0 + 30_000, t0 + 30_000 + 1000 + MINUTE]);
    s.stop();
    vi.advanceTimersByTime(10 * MINUTE);
    expect(starts).toHaveLength(2);
  });

  it('never doubles a refresh started by a key, and counts it as the last one', () => {
    const { s, starts, manual, t0 } = rig({ last: '2026-11-28T07:59:30Z', takes: 40_000 });
    s.start();
    vi.advanceTimersByTime(10_000);
    expect(manual()).toBe(true);
    // due at 30 s while the manual refresh runs (until 50 s): not started twice
    vi.advanceTimersByTime(30_000);
    expect(starts).toEqual([]);
    vi.advanceTimersByTime(MINUTE + 9_999);
    expect(starts).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(starts).toEqual([t0 + 50_000 + MINUTE]);
  });

  it('a refresh that fails as a whole is tried again an interval later, not in a loop', () => {
    const { s, starts, t0 } = rig({ last: null, fails: true });
    s.start();
    vi.advanceTimersByTime(0);
    expect(starts).toEqual([t0]);
    vi.advanceTimersByTime(MINUTE + 1000);
    expect(starts).toEqual([t0, t0 + 1000 + MINUTE]);
  });
});

describe('RefreshScheduler on real time (cheap: a 40 ms interval)', () => {
  it('starts refreshes on its own', async () => {
    let last: string | null = new Date().toISOString();
    const starts: number[] = [];
    const s: RefreshScheduler = new RefreshScheduler({
      intervalMs: 40,
      lastRefreshAt: () => last,
      now: () => Date.now(),
      start: () => {
        starts.push(Date.now());
        setTimeout(() => {
          last = new Date().toISOString();
          s.finished();
        }, 5);
        return true;
      },
    });
    const t0 = Date.now();
    s.start();
    await new Promise((r) => setTimeout(r, 200));
    s.stop();
    expect(starts.length).toBeGreaterThanOrEqual(2);
    expect(starts[0]! - t0).toBeGreaterThanOrEqual(35);
  });
});
