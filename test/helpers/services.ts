import { formatPosted, relativeTime } from '../../src/core/i18n/dates.js';
import { messages } from '../../src/core/i18n/index.js';
import { renderHtml } from '../../src/core/render/html.js';
import { displayWidth, truncate, wrap } from '../../src/core/render/text.js';
import type { RefreshResult } from '../../src/core/types.js';
import type { RefreshProgress, UiServices } from '../../src/ui/services.js';

export interface TestServices extends UiServices {
  opened: string[];
  written: string[];
  savedLang: string[];
  /** Resolves the pending refresh, if one was started. */
  refreshCalls: number;
}

/** Real render/text/date code, a fixed clock and Jakarta time, and recorders for the outside effects. */
export function testServices(
  store: UiServices['store'],
  o: {
    lastRefreshAt?: string | null;
    refresh?: (onProgress: (p: RefreshProgress) => void) => Promise<RefreshResult[]>;
    /** The fixed clock; defaults to an afternoon after the newest sample article. */
    now?: string;
    /** Article pages; default: none is wanted and loading one gives nothing. */
    pages?: UiServices['pages'];
  } = {},
): TestServices {
  const now = new Date(o.now ?? '2026-11-28T08:00:00Z');
  const tz = 'Asia/Jakarta';
  const s: TestServices = {
    store,
    renderBody: (html, width, lang) => renderHtml(html, { width, imageLabel: messages(lang).imageLabel, footnotes: false }),
    formatPosted: (iso, lang) => formatPosted(iso, lang, tz),
    relativeTime: (iso, lang, compact) => relativeTime(iso, now, lang, tz, { compact }),
    displayWidth,
    truncate: (x, w) => truncate(x, w),
    wrap,
    refresh: (onProgress) => {
      s.refreshCalls++;
      return o.refresh ? o.refresh(onProgress) : Promise.resolve([]);
    },
    lastRefreshAt: () => (o.lastRefreshAt === undefined ? new Date(now.getTime() - 5 * 60_000).toISOString() : o.lastRefreshAt),
    refreshIntervalMinutes: 30,
    pages: o.pages ?? {
      get: (id) => store.getPage(id),
      wanted: () => false,
      load: () => Promise.resolve({ kind: 'none', error: { code: 'no-link' } }),
    },
    openUrl: (url) => {
      s.opened.push(url);
      return Promise.resolve({ ok: true });
    },
    saveLang: (lang) => {
      s.savedLang.push(lang);
    },
    writeTerminal: (data) => {
      s.written.push(data);
    },
    now: () => now,
    opened: [],
    written: [],
    savedLang: [],
    refreshCalls: 0,
  };
  return s;
}
