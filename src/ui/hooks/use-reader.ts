import { useEffect, useLayoutEffect, useMemo } from 'react';
import type { StoredPage } from '../../core/article/page.js';
import { illustrationOf, withIllustration } from '../../core/article/illustration.js';
import { pageErrorText } from '../../core/article/reason.js';
import { messages } from '../../core/i18n/index.js';
import { explain, problemOf } from '../../core/i18n/problem.js';
import type { StoredArticle } from '../../core/types.js';
import type { UiServices } from '../services.js';
import { keyFor } from '../keymap.js';
import { readerOpen, type Action, type AppState } from '../state.js';
import { articleTargets, readerDoc, readerWidth, type FullState, type ReaderDoc, type RelatedEntry } from '../views/Reader.js';
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

/** How many shared-tag articles "Read also" lists, after the page's own related articles. */
const RELATED_BY_TAGS = 5;

/**
 * "Read also": the page's own related articles first (cached ones open in place, the others in the browser),
 * then the cached articles sharing the most tags, each article once.
 */
export function readerRelated(services: UiServices, article: StoredArticle, page: StoredPage | null): RelatedEntry[] {
  const out: RelatedEntry[] = [];
  const seen = new Set<string>([article.id]);
  for (const r of page?.related ?? []) {
    if (r.id !== null) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
    }
    out.push({ title: r.title, id: r.id, url: r.url });
  }
  for (const a of services.store.related(article.id, RELATED_BY_TAGS)) {
    if (seen.has(a.id)) continue;
    seen.add(a.id);
    out.push({ title: a.title, id: a.id, url: a.url });
  }
  return out;
}

export interface ReaderData {
  shown: StoredArticle | null;
  page: StoredPage | null;
  related: RelatedEntry[];
  doc: ReaderDoc;
  /** The numbered links and enclosures of the article shown ([1] first), for digits and the link picker. */
  targets: LinkTarget[];
}

/**
 * Fetches the page of the article shown when it is wanted (the feed's fullText mode, or `f`) and not cached:
 * the feed text stays on screen meanwhile, keys keep working, and leaving the article (Esc, n/p, another
 * article) aborts the request.
 */
function usePageFetch(services: UiServices, s: AppState, dispatch: (a: Action) => void, shown: StoredArticle | null, page: StoredPage | null): void {
  const explicit = s.reader.fullRequest > 0;
  // Decided once per article: it reads the article's whole text.
  const wanted = useMemo(() => (shown !== null && services.pages.wanted(shown)), [shown?.id]);
  // `shown` is null once the article is left; an overlay over it (help, errors) keeps the fetch going.
  const needed =
    shown !== null &&
    (page === null ? explicit || wanted : page.stale || (explicit && page.status === 'failed'));
  useEffect(() => {
    if (!needed || shown === null) return;
    const ac = new AbortController();
    dispatch({ type: 'pageLoading', id: shown.id, loading: true });
    services.pages
      .load(shown, { signal: ac.signal, retryFailed: explicit })
      .then(
        (r) => {
          if (ac.signal.aborted) return;
          dispatch({ type: 'pageLoading', id: shown.id, loading: false, arrived: true });
          if (r.kind === 'none') {
            const m = messages(s.lang);
            dispatch({ type: 'toast', toast: { text: r.error.code === 'no-page' ? m.fullNoPage : m.fullNotAvailable(pageErrorText(m, r.error)) } });
          }
        },
        (e: unknown) => {
          if (ac.signal.aborted) return;
          dispatch({ type: 'pageLoading', id: shown.id, loading: false, arrived: true });
          // in the interface's language (a ProblemError's own message is English)
          dispatch({ type: 'toast', toast: { text: explain(problemOf(e), s.lang) } });
        },
      );
    return () => {
      if (ac.signal.aborted) return;
      ac.abort();
      dispatch({ type: 'pageLoading', id: shown.id, loading: false });
    };
    // `needed` turns false once the page is stored (pageVersion): the effect ends with it, after it settled.
  }, [needed, shown?.id, s.reader.fullRequest]);
}

/** The reader's page for the current state; tells the reducer its layout and marks the opened article read. */
export function useReader(services: UiServices, s: AppState, dispatch: (a: Action) => void, selected: StoredArticle | null): ReaderData {
  const m = messages(s.lang);
  const shown = useMemo(
    () => shownArticle(services, s, selected),
    [s.view, s.stack, s.reader.articleId, selected, s.overrides],
  );
  // Read again after a page arrives: saving it merged its tags into the article too.
  const fresh = useMemo(
    () => (shown !== null && s.reader.pageVersion > 0 ? (services.store.get(shown.id) ?? shown) : shown),
    [shown, s.reader.pageVersion],
  );
  const article = fresh === null || shown === null ? null : { ...fresh, read: shown.read, starred: shown.starred };
  const page = useMemo(() => (shown ? services.pages.get(shown.id) : null), [shown?.id, s.reader.pageVersion]);
  usePageFetch(services, s, dispatch, shown, page);
  const related = useMemo(() => (article ? readerRelated(services, article, page) : []), [article?.id, page, s.dataVersion]);
  const hasAlternate = useMemo(
    () => (article ? services.store.alternate(article.id, article.lang === 'en' ? 'id' : 'en') !== null : false),
    [article?.id, s.dataVersion, page],
  );
  const width = readerWidth(s.size.columns);
  const showFull = page !== null && page.status === 'ok' && !s.reader.showFeed;
  const body = useMemo(
    () =>
      article
        ? services.renderBody(
            withIllustration(showFull && page ? page.html : article.contentHtml || article.summary, illustrationOf(page?.image, article.image)),
            width,
            s.lang,
          )
        : { lines: [], links: [] },
    [article?.id, width, s.lang, showFull, page],
  );
  const full = useMemo((): FullState | undefined => {
    if (page === null && !s.reader.loading) return undefined;
    // A failure is worth a line when the full article was wanted: asked for with `f`, or fetched by itself.
    const failed = page?.status === 'failed' && !s.reader.showFeed ? pageErrorText(m, page.error ?? { code: 'no-article' }) : null;
    const skipped = page?.status === 'skipped' && s.reader.fullRequest > 0 ? m.fullIsFeed : null;
    return {
      full: showFull,
      toggle: page?.status === 'ok',
      loading: s.reader.loading,
      note: failed !== null ? m.fullNotAvailable(failed) : skipped,
      author: page?.author ?? null,
      posted: page?.published ? services.formatPosted(page.published, s.lang) : null,
    };
  }, [page, s.reader.loading, s.reader.showFeed, s.reader.fullRequest, showFull, s.lang]);
  const doc = useMemo(
    (): ReaderDoc =>
      article
        ? readerDoc({
            article,
            body,
            related,
            hasAlternate,
            lang: s.lang,
            posted: article.published ? services.formatPosted(article.published, s.lang) : m.dateUnknown,
            source: sourceOf(article),
            width,
            columns: s.size.columns,
            m,
            langKey: keyFor(services.keymap, 'lang', 'reader'),
            shareKeys: { copy: keyFor(services.keymap, 'copyLink', 'reader'), open: keyFor(services.keymap, 'openLink', 'reader') },
            wrap: services.wrap,
            ...(full ? { full } : {}),
          })
        : { lines: [], relatedStart: 0, relatedCount: 0 },
    [article?.id, article?.read, article?.starred, fresh, body, related, hasAlternate, width, s.size.columns, s.lang, full],
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
  return { shown, page, related, doc, targets };
}
