/**
 * From this many feeds a refresh gets a thread of its own (see refresh-thread.ts: its young generation is
 * capped, which keeps a big refresh under 160 MiB); starting one costs ~40 ms, more than a few feeds take.
 * Apart so the command line can read it before it loads the context.
 */
export const REFRESH_THREAD_MIN_FEEDS = 8;
