import { useEffect, useLayoutEffect, useMemo } from 'react';
import { messages } from '../../core/i18n/index.js';
import { explain, problemOf } from '../../core/i18n/problem.js';
import type { StoredArticle } from '../../core/types.js';
import type { UiServices } from '../services.js';
import { readerOpen, type Action, type AppState } from '../state.js';
import { articleTargets, readerDoc, readerWidth, type ReaderDoc } from '../views/Reader.js';
import type { LinkTarget } from '../views/Links.js';
import { withOverrides } from './use-articles.js';

/** Where an article came from, for the byline: the feed's title, else the host of its link. */
export function sourceOf(a: StoredArticle): string {
  if (a.feedTitle) return a.feedTitle;
  try {
    return new URL(a.url ?? a.feedUrl).hostname;
  } catch {
    return a.feedUrl;
  }
}

/** The article the reader shows for a state: one opened explicitly (Read also, other edition) or the list's selection. */
export function shownArticle(services: UiServices, s: AppState, selected: StoredArticle | null): StoredArticle | null {
  if (!readerOpen(s)) return null;
  if (s.reader.articleId === null) return selected;
  const a = services.store.get(s.reader.articleId);
  return a ? withOverrides(a, s.overrides) : null;
}

export interface ReaderData {
  shown: StoredArticle | null;
  doc: ReaderDoc;
  /** The numbered links and enclosures of the article shown ([1] first), for digits and the link picker. */
  targets: LinkTarget[];
}

/** The reader's page for the current state; tells the reducer its layout and marks the opened article read. */
export function useReader(services: UiServices, s: AppState, dispatch: (a: Action) => void, selected: StoredArticle | null): ReaderData {
  const m = messages(s.lang);
  const shown = useMemo(
    () => shownArticle(services, s, selected),
    [s.view, s.stack, s.reader.articleId, selected, s.overrides],
  );
  const related = useMemo(() => (shown ? services.store.related(shown.id, 5) : []), [shown?.id, s.dataVersion]);
  const hasAlternate = useMemo(
    () => (shown ? services.store.alternate(shown.id, shown.lang === 'en' ? 'id' : 'en') !== null : false),
    [shown?.id, s.dataVersion],
  );
  const width = readerWidth(s.size.columns);
  const body = useMemo(
    () => (shown ? services.renderBody(shown.contentHtml || shown.summary, width, s.lang) : { lines: [], links: [] }),
    [shown?.id, width, s.lang],
  );
  const doc = useMemo(
    (): ReaderDoc =>
      shown
        ? readerDoc({
            article: shown,
            body,
            related,
            hasAlternate,
            lang: s.lang,
            posted: shown.published ? services.formatPosted(shown.published, s.lang) : m.dateUnknown,
            source: sourceOf(shown),
            width,
            m,
            wrap: services.wrap,
          })
        : { lines: [], relatedStart: 0, relatedCount: 0 },
    [shown, body, related, hasAlternate, width, s.lang],
  );

  useLayoutEffect(() => {
    const r = s.reader;
    if (r.lineCount !== doc.lines.length || r.relatedCount !== doc.relatedCount || r.relatedStart !== doc.relatedStart) {
      dispatch({ type: 'readerLayout', lineCount: doc.lines.length, relatedCount: doc.relatedCount, relatedStart: doc.relatedStart });
    }
  }, [doc, s.reader.articleId, s.list.selected]);

  // opening an article marks it read
  useEffect(() => {
    if (s.view !== 'reader' || !shown || shown.read) return;
    try {
      services.store.mark([shown.id], { read: true });
      dispatch({ type: 'override', id: shown.id, read: true, fromList: s.reader.articleId === null });
    } catch (e) {
      dispatch({ type: 'toast', toast: { text: explain(problemOf(e), s.lang) } });
    }
  }, [s.view, shown?.id]);

  const targets = useMemo(() => (shown ? articleTargets(body.links, shown, s.lang) : []), [body, shown?.id, s.lang]);
  return { shown, doc, targets };
}
