/**
 * When the reader refreshes on its own: every `intervalMs` after the last complete refresh (the time the
 * settings remember, so a `cyberread refresh` from the shell counts too), and never sooner than `intervalMs`
 * after the last attempt, so a refresh that fails as a whole is not retried in a loop. Plain timers, passed
 * in, so tests drive it with a fake clock; a refresh already running (started by a key) is never doubled:
 * `start` says no, and the schedule is taken up again when that refresh reports it finished.
 */

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SchedulerOptions {
  intervalMs: number;
  /** ISO time of the last complete refresh, or null. */
  lastRefreshAt: () => string | null;
  now: () => number;
  /** Starts a refresh; false when one is already running. */
  start: () => boolean;
  timers?: Timers;
}

/** Milliseconds until a refresh is due (0: now). An unreadable time counts as never. */
export function refreshDelay(lastRefreshAt: string | null, intervalMs: number, nowMs: number): number {
  const last = lastRefreshAt === null ? Number.NaN : Date.parse(lastRefreshAt);
  if (Number.isNaN(last)) return 0;
  // a time in the future (the clock went back) waits one interval from now, not until that time
  if (last > nowMs) return intervalMs;
  return Math.max(0, last + intervalMs - nowMs);
}

/** The largest delay setTimeout honours (about 24.8 days); longer ones are re-armed when they fire. */
const MAX_TIMER = 2 ** 31 - 1;

export class RefreshScheduler {
  private handle: unknown = null;
  private lastAttempt = Number.NEGATIVE_INFINITY;
  private stopped = true;
  private readonly timers: Timers;

  constructor(private readonly o: SchedulerOptions) {
    this.timers = o.timers ?? {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    };
  }

  /** Arms the timer: a refresh that is due runs on the next turn (after the first frame), else when due. */
  start(): void {
    this.stopped = false;
    this.arm();
  }

  /** A refresh (any: timed or asked for) ended: wait a full interval from now on. */
  finished(): void {
    if (this.stopped) return;
    this.lastAttempt = Math.max(this.lastAttempt, this.o.now());
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    this.clear();
  }

  /** Milliseconds until the next timed refresh, as armed now. */
  delay(): number {
    const now = this.o.now();
    const fromLast = refreshDelay(this.o.lastRefreshAt(), this.o.intervalMs, now);
    return Math.max(fromLast, this.lastAttempt + this.o.intervalMs - now, 0);
  }

  private clear(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
  }

  private arm(): void {
    this.clear();
    const ms = this.delay();
    this.handle = this.timers.setTimeout(() => this.fire(ms), Math.min(ms, MAX_TIMER));
  }

  private fire(planned: number): void {
    this.handle = null;
    if (this.stopped) return;
    if (planned > MAX_TIMER || this.delay() > 0) {
      this.arm();
      return;
    }
    this.lastAttempt = this.o.now();
    // false: a refresh is running; its finished() arms the next one
    if (!this.o.start()) return;
  }
}
