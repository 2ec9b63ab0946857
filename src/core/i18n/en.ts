import type { QueryProblemCode } from '../query/ast.js';
import { MAX_DEPTH, MAX_QUERY_CHARS, MAX_TERMS } from '../query/parse.js';
import { formatCount } from './messages.js';
import { asClause } from './clause.js';

const n = (x: number): string => formatCount(x, 'en');
const plural = (x: number, one: string, many: string): string => `${n(x)} ${x === 1 ? one : many}`;
const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(1))} s`;
const MiB = 1024 * 1024;
const cacheAt = (path: string): string => (path === ':memory:' ? 'the in-memory cache' : `the cache at ${path}`);
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
/** Where a key applies (keymap's KeyContext), for the settings' messages about keys. */
const KEY_PLACES: Record<string, string> = {
  list: 'the article list', reader: 'an article', hashtags: 'the hashtag view', language: 'the language view', help: 'the help',
  search: 'the search line', errors: 'the failed-feeds view', feeds: 'the feeds view', links: 'the link picker',
  confirm: 'a question', prompt: 'a prompt', number: 'a link number',
};
const settingsAction = (action: string): string =>
  action === 'mkdir' ? 'create the settings directory' : action === 'write' ? 'write the settings file' : 'read the settings file';
const size = (bytes: number): string =>
  bytes >= MiB ? `${Number((bytes / MiB).toFixed(1))} MiB` : bytes >= 1024 && bytes % 1024 === 0 ? `${bytes / 1024} KiB` : plural(bytes, 'byte', 'bytes');

/** Why a TLS connection was refused, by the error code Node gives. */
function tlsReason(code: string): string {
  switch (code) {
    case 'CERT_HAS_EXPIRED':
      return 'its certificate has expired';
    case 'CERT_NOT_YET_VALID':
      return 'its certificate is not valid yet';
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return 'its certificate is self-signed and not trusted';
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return 'its certificate chain contains a self-signed, untrusted certificate';
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      return 'its certificate is signed by an unknown authority';
    case 'CERT_REVOKED':
      return 'its certificate has been revoked';
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return 'its certificate belongs to a different name';
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
      return 'it does not speak TLS on this port (is the address really https?)';
    case 'EPROTO':
      return 'the TLS handshake failed';
    default:
      return `its certificate or TLS setup was rejected (${code})`;
  }
}

/** English. The source table: messages.ts derives the Messages type from it. */
/** The query language (src/core/query): where (the column) and why, in one sentence. */
const queryProblem = (code: QueryProblemCode, column: number, token: string): string => {
  const p = { column, token };
  const at = `"${token}" at column ${column}`;
  switch (code) {
    case 'unclosedQuote':
      return `The quote opened at column ${p.column} is not closed: add the closing ".`;
    case 'emptyTag':
      return `${at} needs a tag name, such as #ransomware.`;
    case 'emptyValue':
      return `${at} needs a value after the colon, such as author:arif.`;
    case 'unknownField':
      return `${at} is not a filter cyberread knows (lang, feed, author, title, tag, age, since, until, is); put it in quotes to search for it as text.`;
    case 'badAge':
      return `${at} is not an age: write age:<7d or age:>1m (h hours, d days, w weeks, m months, y years).`;
    case 'badDate':
      return `${at} is not a date: write the day as YYYY-MM-DD, such as since:2024-11-01.`;
    case 'badLang':
      return `${at} is not a language code: use lang:id or lang:en.`;
    case 'badState':
      return `${at} is not a state: use is:unread, is:read or is:starred.`;
    case 'loneOr':
      return `${at} needs something to search for on both sides.`;
    case 'danglingNot':
      return `${at} needs the term it leaves out right after it, such as -#sponsored.`;
    case 'unclosedParen':
      return `The parenthesis opened at column ${p.column} is not closed: add ")".`;
    case 'strayParen':
      return `${at} closes a parenthesis that was never opened.`;
    case 'emptyParens':
      return `The parentheses at column ${p.column} hold nothing to search for.`;
    case 'nothingToSearch':
      return `${at} has no letter or digit to search for: leave it out or put it inside a phrase.`;
    case 'tooLong':
      return `The query is too long at column ${p.column}: use at most ${MAX_TERMS} terms, ${MAX_DEPTH} levels of parentheses and ${n(MAX_QUERY_CHARS)} characters.`;
    default:
      return `${at} cannot be read.`;
  }
};

export const en = {
  appName: 'cyberread',
  langShortId: 'IND',
  langShortEn: 'ENG',
  langNameId: 'Bahasa Indonesia',
  langNameEn: 'English',

  // view titles
  viewList: 'Articles',
  viewReader: 'Article',
  viewHashtags: 'Hashtags',
  viewLanguage: 'Language',
  viewHelp: 'Help',
  viewErrors: 'Failed feeds',
  viewSearch: 'Search',

  // header
  unreadCount: (x: number) => `${n(x)} unread`,
  unreadCountShort: (x: number) => `● ${n(x)}`,
  searchActive: (q: string) => `search: ${q}`,
  unreadOnlyActive: 'unread only',

  // list
  emptyList: 'No articles match',
  emptyListHint: (clear: string) => `Press ${clear} to clear the filters`,
  emptyUnread: 'No unread articles: all read',
  emptyUnreadHint: (all: string) => `Press ${all} to list them all`,
  emptyStarred: 'No starred articles',
  emptyStarredHint: (star: string, all: string) => `Press ${star} on an article to star it, ${all} to list them all`,
  emptyEdition: (lang: string) => `No articles in ${lang}`,
  emptyEditionHint: (count: number, other: string, lang: string) => `${plural(count, 'article', 'articles')} in ${other}: press ${lang} to read them`,
  emptyCache: (refresh: string) => `No articles yet — press ${refresh} to refresh`,
  noTitle: '(no title)',

  // reader
  postedLabel: 'Posted',
  dateUnknown: 'date unknown',
  imageLabel: 'Image',
  shareLine: (copy: string, open: string) => `Share: ${copy} copy link · ${open} open in browser`,
  readAlso: 'Read also',
  linksTitle: 'Links',
  otherEditionHint: (lang: string) => `${lang} opens the other edition`,
  noOtherEdition: 'This article has no other edition',
  articleGone: 'This article is no longer in the cache',
  endOfList: 'No more articles in the list',
  startOfList: 'This is the first article of the list',

  // full article (the page behind the link)
  fullLoading: 'Loading the full article…',
  fullShown: 'full article',
  feedShown: 'feed text',
  fullNotAvailable: (reason: string) => `Full article not available: ${asClause(reason)}`,
  fullIsFeed: 'The feed already carries the whole article',
  fullCancelled: 'Loading the full article was cancelled',
  pageErrHttp: (status: number) => `the site answered ${status}`,
  pageErrTooLarge: 'the page is larger than 5 MiB',
  pageErrTimeout: 'the site did not answer in time',
  pageErrNetwork: 'the site could not be reached',
  pageErrRefused: 'the link is not an http(s) address',
  pageErrNotHtml: 'the link is not a web page',
  pageErrNoArticle: 'no article was found on the page',
  pageErrTooComplex: 'the page is too complex to read',
  pageErrExtractTimeout: 'reading the page took too long',
  pageErrNoLink: 'the article has no link',
  pageErrNoPage: 'this sample article has no web page: the feed carried its whole text',
  pageErrNoHost: "the site's host was not found",
  pageErrTls: 'a secure connection to the site could not be made',
  pageErrProxy: 'the proxy could not be used (check HTTP_PROXY / HTTPS_PROXY)',
  pageErrIncomplete: 'the site sent the page cut off or damaged',
  pageErrBadAnswer: "the site's answer could not be read",
  pageErrRedirect: 'the site redirected to an address cyberread cannot follow',
  fullNoPage: 'This sample article has no web page: the feed carried its whole text',

  // actions' feedback
  linkCopied: 'Link copied to the clipboard',
  noLink: 'This article has no link',
  linkRefused: 'Only http(s) links can be opened or copied',
  linkOpened: 'Opened in the browser',
  openFailed: (m: string) => `Could not open the link: ${asClause(m)}`,
  markedRead: 'Marked as read',
  markedUnread: 'Marked as unread',
  starred: 'Starred',
  unstarred: 'Star removed',
  languageSwitched: (name: string) => `Language: ${name}`,

  // status line
  refreshProgress: (done: number, total: number) => `${n(done)}/${n(total)} feeds`,
  newArticles: (x: number) => `${n(x)} new`,
  /** New articles that went only to the other edition (IND, ENG), after those of the edition shown. */
  newInEdition: (x: number, edition: string) => `${n(x)} new in ${edition}`,
  syncPasswordWait: (user: string, key: string) => `sync waits for the password of "${user}" — press ${key} to type it`,
  feedsFailed: (x: number, errors: string) => `${plural(x, 'feed', 'feeds')} failed — press ${errors}`,
  refreshRunning: 'A refresh is already running',
  refreshFailed: (m: string) => `Refresh failed: ${asClause(m)}`,
  lastRefreshed: (rel: string) => `updated ${rel}`,
  neverRefreshed: (refresh: string) => `never refreshed — press ${refresh}`,
  // What to do first: on a narrow terminal the paths are what the line loses.
  cacheDamaged: (path: string, movedTo: string) =>
    `The cache is damaged: quit and start cyberread again to build a fresh one, keeping read and starred marks (${path} will be moved to ${movedTo})`,
  cacheRebuilt: (movedTo: string, restored: number, refreshing: boolean, refresh: string) =>
    `The cache was damaged and a fresh one was built` +
    (refreshing ? '; fetching the articles again' : `; press ${refresh} to fetch the articles again`) +
    ` (${n(restored)} read/starred ${restored === 1 ? 'mark' : 'marks'} kept; the damaged file is now ${movedTo})`,

  // errors view
  errorsEmpty: 'No feed failed in the last refresh',
  errorsIntro: 'These feeds could not be read in the last refresh:',

  // small terminal
  tooSmall: (w: number, h: number) => `Terminal too small (${w}×${h}); at least 40×10 is needed`,

  // hashtags view
  hashtagsPrompt: 'Type to narrow: ',
  hashtagsEmpty: 'No hashtags in this edition',
  hashtagsNoMatch: 'No hashtag matches',
  hashtagsActive: (t: string) => `Active: ${t}`,

  // language view
  languagePrompt: 'Choose the language of the interface and of the edition listed',
  languageCurrent: (name: string) => `Current: ${name}`,

  // search prompt
  searchPrompt: 'Search: ',
  searchHint: (keep: string, clear: string) => `${keep} keeps the results · ${clear} clears`,
  /** After the search hint, when the line has room: the help's key there (`?` is typed in the prompt). */
  searchHelpHint: (key: string) => `${key} help`,

  // help overlay
  helpTitle: (view: string) => `Keys — ${view}`,
  /** The help opened over a prompt of the feeds view or the sync password's: what the prompt is for. */
  helpPromptAddFeed: 'Add feed',
  helpPromptRename: 'Rename feed',
  helpPromptFeedLang: 'Language of a feed',
  helpPromptSyncPassword: 'Sync password',
  helpClose: (keys: string) => `${keys} closes the help`,
  /** A choice of keys: "q, Esc or ?". */
  keysOr: (head: string, last: string) => `${head} or ${last}`,
  whereAll: 'all',
  whereList: 'list',
  whereReader: 'reader',
  whereHashtags: 'hashtags',
  whereLanguage: 'language',
  whereHelp: 'help',
  whereSearch: 'search',
  whereErrors: 'failed feeds',

  // help text for each key action (keymap.ts)
  actHelp: 'show the keys of this view',
  actBack: 'back',
  actQuit: 'quit',
  actQuitList: 'quit (from the list)',
  actLang: 'switch language IND ↔ ENG (in the reader: open the other edition)',
  actLanguageView: 'choose the language',
  actRefresh: 'refresh the feeds now',
  actDown: 'move down',
  actUp: 'move up',
  actPageDown: 'page down',
  actPageUp: 'page up',
  actTop: 'go to the top',
  actBottom: 'go to the bottom',
  actOpen: 'open the article',
  actHashtags: 'choose hashtags to filter by',
  actSearch: 'search title, summary and body',
  actClear: 'clear every filter: hashtags, search, feed, unread or starred only',
  actUnread: 'show unread only / all',
  actToggleRead: 'mark read / unread',
  actToggleStar: 'star / unstar',
  actOpenLink: "open the article's link in the browser",
  actScrollDown: 'scroll down',
  actScrollUp: 'scroll up',
  actNext: 'next article of the list',
  actPrev: 'previous article of the list',
  actFocusRelated: 'move to "Read also" and back',
  actOpenRelated: 'open the chosen "Read also" article',
  actCopyLink: 'copy the link (OSC 52)',
  actToggleFull: 'full article / feed text',
  actErrors: 'show the errors of failed feeds',
  actNarrow: 'type to narrow the list',
  actDeleteChar: 'delete the last character typed',
  actAddTag: 'add the hashtag to the filter (or take a ✓ one out)',
  actApplySearch: 'keep the search results',
  actCancelSearch: 'clear the search',
  actChooseLanguage: 'choose the highlighted language',

  // short hints for the status bar
  hintMove: 'move',
  hintOpen: 'open',
  hintScroll: 'scroll',
  hintArticle: 'article',
  hintHashtags: 'hashtags',
  hintSearch: 'search',
  hintLang: 'language',
  hintBack: 'back',
  hintQuit: 'quit',
  hintHelp: 'help',
  hintRefresh: 'refresh',
  hintAdd: 'add/remove',
  hintReadAlso: 'read also',
  hintFull: 'full/feed',
  hintChoose: 'choose',
  hintBackToArticle: 'article text',

  // key table headings (README / help)
  keysWhere: 'where',
  keysKey: 'key',
  keysAction: 'action',
  keyType: 'type',




  // the query language (src/core/query): where (the column) and why, in one sentence
  queryProblem,
  queryActive: (q: string) => `query: ${q}`,

  // open.ts
  openOnlyHttp: 'Only http and https links can be opened',
  openBadChars: 'The link contains spaces or control characters and was not opened',
  openNoOpener: (cmd: string) => `No program to open links was found (${cmd}); set $BROWSER or open the link yourself`,
  openFailedToStart: (cmd: string, m: string) => `Could not start ${cmd}: ${m}`,

  // notifications (notify.ts) and enclosures (enclosures.ts)
  notifyNew: (x: number) => `cyberread: ${plural(x, 'new article', 'new articles')}`,
  /** New articles of the edition listed when it is not the interface's (IND, ENG). */
  notifyNewIn: (x: number, edition: string) => `cyberread: ${plural(x, 'new article', 'new articles')} in ${edition}`,
  notifyNoCommand: 'notify is "command" but notifyCommand is empty',
  notifyFailed: (cmd: string, why: string) => `Could not run the notification program ${cmd}: ${asClause(why)}`,
  notifyNotFound: 'not found',
  enclosuresTitle: 'Attachments',
  enclosureUnknownType: 'file',

  // feeds view, mark all, next unread, starred only, links (the daily keys)
  viewFeeds: 'Feeds',
  viewLinks: 'Links',
  feedActive: (title: string) => `feed: ${title}`,
  viewActive: (name: string) => `view: ${name}`,
  viewRowHint: (open: string) => `a saved view (settings "views", cyberread views add) · ${open} lists it`,
  starredOnlyActive: 'starred only',
  feedsEmpty: (add: string) => `No feeds — press ${add} to add one`,
  feedsNever: 'never',
  feedsNeverFetched: (refresh: string) => `never fetched — press ${refresh} to fetch it`,
  feedsFetched: (rel: string) => `fetched ${rel}`,
  promptAddFeed: 'Add feed: ',
  promptAddHint: (ok: string, cancel: string) => `URL [--lang id|en] [--title T] [--tag T] [--full auto|always|never] · ${ok} adds · ${cancel} cancels`,
  promptRename: 'Name: ',
  promptRenameHint: (ok: string, cancel: string) => `${ok} saves (empty: the feed's own title) · ${cancel} cancels`,
  promptAddHintShort: (ok: string, cancel: string) => `${ok} adds · ${cancel} cancels`,
  promptFeedLang: 'Language: ',
  promptFeedLangHint: (ok: string, cancel: string) => `id, en or empty (detect per article) · ${ok} saves · ${cancel} cancels`,
  promptSaveHint: (ok: string, cancel: string) => `${ok} saves · ${cancel} cancels`,
  promptSyncPassword: (user: string, server: string) => `Password for "${user}" at ${server}: `,
  promptSyncPasswordHint: (ok: string, cancel: string) => `${ok} syncs · ${cancel} cancels (kept in memory until you quit)`,
  promptSyncPasswordHintShort: (ok: string, cancel: string) => `${ok} syncs · ${cancel} cancels`,
  feedNeedUrl: "Type the feed's address",
  feedBadUrl: (v: string) => `"${v}" is not a feed address: use an http(s):// URL, a file:// URL or a local path`,
  feedBadLang: (v: string) => `Unknown language "${v}": use id or en`,
  feedBadOption: (v: string) => `"${v}" is not an option here: use --lang, --title, --tag or --full`,
  feedBadFull: (v: string) => `Unknown --full mode "${v}": use auto, always or never`,
  feedNeedValue: (opt: string) => `${opt} needs a value`,
  feedBadTag: (tag: string) => `A tag is one word, and "${tag}" has a space: write ${tag.split(/\s+/).join('-')} or give each word its own --tag`,
  feedEmptyTag: 'A tag needs a letter or digit',
  feedExists: (url: string) => `${url} is already in your feeds`,
  feedAdded: (title: string) => `Added ${title}; fetching it`,
  feedAddedLater: (title: string) => `Added ${title}; it is fetched when the running refresh ends`,
  feedRenamed: (title: string) => `Renamed to ${title}`,
  feedLangSet: (code: string) => `Language of the feed: ${code}; its articles are in that edition now`,
  feedLangAuto: 'Language of the feed: detected per article, for the articles fetched from now on',
  feedFullTextSet: (mode: 'auto' | 'always' | 'never', full: string) =>
    mode === 'auto'
      ? "Full articles of this feed: auto — an article's page is fetched when the feed carries only an excerpt"
      : mode === 'always'
        ? "Full articles of this feed: always — every article's page is fetched"
        : `Full articles of this feed: never — a page is fetched only when you press ${full} on its article`,
  feedsFullText: (mode: string) => `full articles: ${mode}`,
  feedRemoved: (title: string, x: number) => `Removed ${title} and ${plural(x, 'cached article', 'cached articles')}; starred ones are kept`,
  feedGone: 'That feed is no longer in your feeds',
  confirmRemoveFeed: (title: string, total: number, starred: number) =>
    `Remove ${title}? ${plural(total - starred, 'cached article goes', 'cached articles go')}, ${n(starred)} starred stay`,
  confirmMarkAll: (x: number) => `Mark ${plural(x, 'article', 'articles')} of this list read?`,
  confirmMarkFeed: (title: string, x: number) => `Mark the ${plural(x, 'unread article', 'unread articles')} of ${title} read?`,
  confirmAnswers: (yes: string) => `${yes}: yes · other key: no`,
  confirmRemoveAnswers: (yes: string) => `${yes}: remove · other key: keep`,
  cancelled: 'Cancelled',
  markedAllRead: (x: number, undo: string) => `${plural(x, 'article', 'articles')} marked read — ${undo} undoes`,
  nothingToMark: 'No unread articles here',
  undone: (x: number) => `Undone: ${plural(x, 'article is', 'articles are')} unread again`,
  nothingToUndo: 'Nothing to undo',
  noMoreUnread: 'No more unread articles',
  noPrevUnread: 'No unread article before this one',
  /** N/P found none in the edition shown (IND, ENG), and the other has `count`: `key` in the list switches. */
  noUnreadHere: (here: string, count: number, other: string, key: string) => `No unread articles left in ${here}; ${n(count)} unread in ${other}: ${key} switches`,
  noUnreadHereReader: (here: string, count: number, other: string, key: string) =>
    `No unread articles left in ${here}; ${n(count)} unread in ${other}: ${key} in the list switches`,
  nextFeed: (title: string) => `Next feed with unread articles: ${title}`,
  switchedEdition: (name: string, clear: string, back: string) => `This feed's articles are in the ${name} edition: listed there (${clear} goes back to ${back})`,
  linksEmpty: 'This article has no links or attachments',
  linkNumber: (digits: string, open: string, cancel: string) => `Link ${digits}█ — ${open} opens · ${cancel} cancels`,
  noSuchLink: (x: number) => `There is no link [${x}] in this article`,
  openedInPlayer: 'Opened in the player',

  actFeeds: 'show the feeds',
  actMarkAll: 'mark every article of the list read (asks first)',
  actUndo: 'undo the last mark-all while its notice shows',
  actNextUnread: 'next unread article (in the reader: open it)',
  actPrevUnread: 'previous unread article (in the reader: open it)',
  actStarredOnly: 'show starred only / all',
  actLinkDigits: (open: string) => `type a link number, then ${open} opens it`,
  actLinks: 'choose a link or attachment to open',
  actOpenTarget: 'open the chosen link (attachments: with the player)',
  actCopyTarget: 'copy the chosen link (OSC 52)',
  actOpenFeed: "list this feed's articles",
  actAddFeed: 'add a feed (URL and the options of feeds add)',
  actRenameFeed: 'rename the feed',
  actFeedLang: 'set the language of the feed',
  actFeedFullText: 'full articles of the feed: auto, always, never',
  actRemoveFeed: 'remove the feed (starred articles stay)',
  actRefreshFeed: 'refresh this feed now',
  actMarkFeedRead: "mark this feed's articles read (asks first)",
  actConfirm: 'confirm',
  actCancelConfirm: 'cancel',
  actPromptType: 'type the text',
  actPromptSubmit: 'save',
  actPromptCancel: 'cancel',
  whereFeeds: 'feeds',
  whereLinks: 'links',
  whereConfirm: 'a question',
  wherePrompt: 'a prompt',
  whereNumber: 'a link number',
  actOpenNumber: 'open the link of that number (attachments: with the player)',
  keyOther: 'other key',
  keyDigits: '0–9',
  hintFeeds: 'feeds',
  hintAddFeed: 'add',
  hintRename: 'rename',
  hintRemove: 'remove',
  hintMarkRead: 'mark read',
  hintLinks: 'links',
  hintCopy: 'copy',
  hintUnread: 'unread',

  // Failures (Problem keys, src/core/i18n/problem.ts), shown by the reader and by the CLI in the user's language
  errUnexpected: (detail: string) => `Something unexpected failed: ${detail}`,

  // fetching a feed (core/feeds/http.ts)
  errClosing: 'cyberread is closing; the feed was not fetched.',
  errEmptyAddress: 'The feed address is empty.',
  errBadAddress: (address: string) => `Not a valid address: ${address}.`,
  errBadFileAddress: (address: string) => `Not a usable file address: ${address}.`,
  errScheme: (scheme: string) => `cyberread does not fetch ${scheme} addresses; use http(s)://, file:// or a local path.`,
  errBadProxy: (name: string, value: string) => `The proxy setting ${name} is not a usable address (${value}); fix or unset it.`,
  errCancelled: (url: string) => `Fetching ${url} was cancelled.`,
  errCancelledClosing: (url: string) => `Fetching ${url} was cancelled because cyberread is closing.`,
  errProxyRefused: (proxy: string) => `Could not connect to the proxy ${proxy}: connection refused. Check HTTP_PROXY / HTTPS_PROXY.`,
  errProxyNotFound: (proxy: string) => `Could not find the proxy ${proxy}: no such host. Check HTTP_PROXY / HTTPS_PROXY.`,
  errProxyTls: (host: string) => `Could not connect securely to the proxy for ${host}. Check HTTPS_PROXY.`,
  errConnectTimeout: (host: string, ms: number) => `Could not connect to ${host} within ${seconds(ms)}. Check the address or try again later.`,
  errAnswerTimeout: (host: string, ms: number) => `${host} did not answer within ${seconds(ms)}.`,
  errBodyTimeout: (host: string, ms: number) => `${host} did not send the whole feed within ${seconds(ms)}; try again later.`,
  errRefused: (host: string) => `Could not connect to ${host}: connection refused. Check the address or try again later.`,
  errNoSuchHost: (host: string) => `Could not find ${host}: no such host. Check the address or your network.`,
  errDnsAgain: (host: string) => `Could not look up ${host} (temporary DNS failure). Check your network or try again later.`,
  errUnreachable: (host: string) => `Could not reach ${host}: the network is unreachable. Check your connection.`,
  errLengthMismatch: (host: string) => `${host} sent a body that does not match its Content-Length; the feed is incomplete. Try again later.`,
  errLengthExceeded: (host: string) => `${host} sent more bytes than its Content-Length announced; the feed may be cut off. Try again later.`,
  errHeadersTooLarge: (host: string) => `${host} sent response headers that are too large; cyberread gave up.`,
  errTls: (host: string, code: string) => `Could not connect securely to ${host}: ${tlsReason(code)}. Check the address or tell the site owner.`,
  errNotHttp: (host: string) => `${host} sent a response that is not valid HTTP; cyberread gave up.`,
  errClosedEarly: (host: string) => `${host} closed the connection before the feed was complete. Try again later.`,
  errClosedNoAnswer: (host: string) => `${host} closed the connection without answering. Try again later.`,
  errFetch: (url: string, detail: string) => `Could not fetch ${url}: ${detail || 'unknown error'}.`,
  errTooManyEncodings: (host: string, encodings: string) => `${host} sent the feed with too many content encodings (${encodings}).`,
  errUnknownEncoding: (host: string, encoding: string) => `${host} sent the feed in an encoding cyberread cannot read (${encoding}).`,
  errDamagedEncoding: (host: string, encodings: string) => `${host} sent a damaged ${encodings} body; try again later.`,
  errTooLarge: (bytes: number) => `The feed is larger than ${size(bytes)}; cyberread stopped reading it.`,
  errUnpacksTooLarge: (bytes: number) => `The feed unpacks to more than ${size(bytes)}; cyberread stopped reading it.`,
  errRedirectNowhere: (status: number) => `Server answered ${status} (a redirect) without saying where to; check the feed's address.`,
  errRedirectBad: (host: string, location: string) => `${host} redirected to an address that is not valid (${location}).`,
  errRedirectScheme: (host: string, scheme: string) =>
    `${host} redirected to a ${scheme} address; cyberread only follows redirects to http and https.`,
  errRedirectLoop: (from: string, to: string) => `Redirect loop: ${from} leads back to ${to}. Check the feed's address.`,
  errTooManyRedirects: (max: number, start: string) => `Too many redirects (more than ${max}) starting at ${start}.`,
  errWaitAsked: (status: number, until: string) => `Server asked to wait (${status}); cyberread will not ask again before ${until}.`,
  /** `reason`: the standard HTTP reason phrase ("Not Found"), part of the protocol, or ''. */
  errStatus: (status: number, reason: string) => `Server answered ${status}${reason ? ` ${reason}` : ''}.`,
  errSkippedWait: (until: string) => `The server asked cyberread to wait until ${until}; skipped.`,
  // local feed files
  errIsDirectory: (path: string) => `${path} is a directory, not a feed file.`,
  errNotAFile: (path: string) => `${path} is not a regular file; cyberread only reads feed files.`,
  errNoSuchFile: (path: string) => `No such file: ${path}. Check the path.`,
  errNoSuchFileHost: (path: string) => `No such file: ${path}. For a web address, start it with https://.`,
  errFileDenied: (path: string) => `Cannot read ${path}: permission denied.`,
  errFileRead: (path: string, detail: string) => `Cannot read ${path}: ${detail}.`,

  // reading a feed (core/feeds/parse.ts)
  errEmptyDocument: 'The feed is empty: the document has no content.',
  errBinary: 'This is not a feed: the document is binary data, not text.',
  errPlainText: 'This is not a feed: the document is plain text, not RSS, Atom or JSON Feed.',
  errHtml: 'This is not a feed: the document is HTML, not RSS, Atom or JSON Feed.',
  errNotAFeed: 'This is not a feed: the document is not RSS, Atom or JSON Feed.',
  errDamagedXml: 'The feed is damaged beyond repair: it is not well-formed XML and no feed could be read from it.',
  errBadJson: 'This is not a feed: the document starts like JSON but is not valid JSON.',
  errJsonNotFeed: 'This is not a feed: the document is JSON but not a JSON Feed.',
  errTooDeep: (levels: number) => `The feed is nested too deeply (more than ${levels} levels) to be read safely.`,
  errTooComplex: 'The feed is too large or too complex to be read safely.',
  errParserFailed: 'The feed could not be read because the parser failed on it unexpectedly.',
  errDocumentTooLarge: (bytes: number) => `The feed is too large (more than ${size(bytes)}) to be read safely.`,
  errSamplesMissing: (from: string) => `The sample feeds were not found in any samples/ folder above ${from}; reinstall cyberread.`,
  errRefreshStopped: 'The refresh stopped unexpectedly; what it had saved is kept. Run it again.',

  // the settings file (core/config.ts); `action`: mkdir (its directory), read or write
  errSettingsDenied: (action: string, path: string) =>
    `Cannot ${settingsAction(action)} ${path}: permission denied. Check the directory's permissions or use --home DIR.`,
  errSettingsDiskFull: (action: string, path: string) => `Cannot ${settingsAction(action)} ${path}: the disk is full. Free some space and try again.`,
  errSettingsNotDir: (action: string, path: string) =>
    `Cannot ${settingsAction(action)} ${path}: a file stands where a directory is needed. Move it away or use --home DIR.`,
  errSettingsFs: (action: string, path: string, detail: string) => `Cannot ${settingsAction(action)} ${path}: ${detail}.`,
  errSettingsChanged: (path: string) => `The settings file ${path} is no longer valid JSON, so it was not changed. Fix it or move it away.`,
  errSettingsJson: (path: string, detail: string) =>
    `The settings file ${path} is not valid JSON (${detail}). Fix it or move it away to start with fresh settings.`,
  /** `what`: null, list, string, number or boolean. */
  errSettingsNotObject: (path: string, what: string) =>
    `The settings file ${path} holds ${what === 'null' ? 'null' : what === 'list' ? 'a list' : `a ${what}`} instead of an object such as {"feeds": []}. Fix it or move it away to start with fresh settings.`,

  // feed addresses refused (core/opml.ts refuseFeedUrl: feeds add, OPML import, the settings file)
  errUrlEmpty: 'the outline has an empty xmlUrl',
  errUrlControl: 'the URL contains control characters',
  errUrlTooLong: (max: number) => `the URL is longer than ${max} characters`,
  errUrlNoHost: 'the URL has no host',
  errUrlInvalid: 'the URL is not valid',
  errUrlRemoteFile: 'file: URLs must point to a local file',
  errUrlScheme: (scheme: string) => `unsupported scheme ${scheme}`,
  // OPML import
  errNotOpml: (why: string) => `This file is not OPML: ${why}.`,
  errOpmlIsFeed: (root: string) => `it is a feed (root element <${root}>), not a list of feeds; add it as a feed instead`,
  errOpmlRoot: (root: string) => `its root element is <${root}>, expected <opml>`,
  errOpmlEmpty: 'it is empty',
  errOpmlJson: 'it looks like JSON, not XML',
  errOpmlNoXml: 'it contains no XML elements',
  errOpmlTooLarge: (mb: number, limit: number) => `This OPML file is too large to import (${mb} MB; the limit is ${limit} MB).`,
  errOpmlTooDeep: (max: number) =>
    `This OPML file nests outlines more than ${max} levels deep, so it was not imported; flatten its folders and try again.`,
  errOpmlMoreRefused: (count: number) => `${count} more outlines were refused for the reasons above or similar ones`,
  errOpmlTooMany: (more: number, max: number) => `this and ${more} more feeds were not imported: one import takes at most ${max} feeds`,
  errOpmlNoFile: (path: string) => `There is no file ${path}.`,
  errOpmlRead: (path: string, detail: string) => `Cannot read ${path}: ${detail}.`,
  // settings that cannot be used (the rest of the file still applies)
  errSettingUnknown: (key: string, path: string) => `Ignoring unknown setting "${key}" in ${path}.`,
  errSettingFeedNoUrl: (n: number, path: string) => `Ignoring feed #${n} in ${path}: it needs a "url" string.`,
  errSettingFeedRefused: (n: number, url: string, path: string, why: string) => `Ignoring feed #${n} (${url}) in ${path}: ${why}.`,
  errSettingLang: (path: string) => `Ignoring "lang" in ${path}: it must be "id" or "en".`,
  errSettingTimeZone: (path: string) => `Ignoring "timeZone" in ${path}: it must be an IANA zone such as "Asia/Jakarta".`,
  errSettingNumber: (key: string, path: string, max: number) => `Ignoring "${key}" in ${path}: it must be a whole number from 1 to ${max}.`,
  errSettingArgv: (key: string, path: string) =>
    `Ignoring "${key}" in ${path}: it must be a list of words such as ["notify-send", "cyberread"], the program first.`,
  errSettingNotifyCommand: (path: string) => `Ignoring "notify" in ${path}: "command" needs "notifyCommand", such as ["notify-send", "cyberread"].`,
  errSettingNotify: (path: string) => `Ignoring "notify" in ${path}: it must be "bell", "osc9" or "command".`,

  // the article cache (core/store)
  errCacheDiskFull: (path: string) => `Cannot write ${cacheAt(path)}: the disk is full. Free some space and try again.`,
  errCacheReadOnly: (path: string) =>
    `Cannot write ${cacheAt(path)}: the file or its directory is read-only. Check its permissions or use --home DIR.`,
  errCacheCantOpen: (path: string) =>
    `Cannot open ${cacheAt(path)}: the directory is missing or not writable. Check its permissions or use --home DIR.`,
  errCacheLocked: (path: string) => `${cap(cacheAt(path))} stayed locked by another cyberread process for too long. Try again in a moment.`,
  errCacheDamaged: (path: string) =>
    `${cap(cacheAt(path))} is damaged: the next time cyberread opens it, it moves the file aside and builds a fresh cache.`,
  errCacheIo: (path: string, code: string) =>
    `Cannot read or write ${cacheAt(path)}: the disk reported an error (${code}). Check the disk and try again.`,
  errCacheFailed: (path: string, detail: string, code: string) => `${cap(cacheAt(path))} failed: ${detail} (${code}).`,
  errCacheNoDir: (path: string, dir: string) => `Cannot create the cache at ${path}: the directory ${dir} does not exist. Create it or use --home DIR.`,
  errCacheNotDir: (path: string, dir: string) => `Cannot create the cache at ${path}: ${dir} is not a directory. Use --home DIR to choose another place.`,
  errCacheDirReadOnly: (path: string) => `Cannot write the cache at ${path}: the directory is read-only. Check its permissions or use --home DIR.`,
  errCacheFileReadOnly: (path: string) => `Cannot write the cache at ${path}: the file is read-only. Check its permissions or use --home DIR.`,
  errCacheMoveAside: (path: string, to: string) =>
    `The cache at ${path} is damaged and could not be moved aside to ${to}. Move or remove it yourself, or use --home DIR.`,
  errCacheNewer: (path: string, schema: number, known: number) =>
    `The cache at ${path} was written by a newer cyberread (schema ${schema}, this one knows ${known}). Update cyberread or use --home DIR.`,
  // settings (config.json) that cannot be used: which key, why; the rest of the file still applies
  errSettingNotList: (key: string, path: string) => `Ignoring "${key}" in ${path}: it must be a list.`,
  errSettingQuery: (key: string, n: number, path: string, code: QueryProblemCode, column: number, token: string) =>
    `Ignoring "${key}" #${n} in ${path}: its query cannot be read: ${queryProblem(code, column, token)}`,
  errSettingEmptyQuery: (key: string, n: number, path: string) => `Ignoring "${key}" #${n} in ${path}: its query is empty.`,
  errSettingIgnoreShape: (n: number, path: string) =>
    `Ignoring "ignore" #${n} in ${path}: write it as {"query": "#sponsored", "mode": "hide"} ("hide" or "drop").`,
  errSettingIgnoreMode: (n: number, path: string, mode: string) =>
    `Ignoring "ignore" #${n} in ${path}: its "mode" must be "hide" or "drop", not ${mode}.`,
  errSettingViewShape: (n: number, path: string) => `Ignoring "views" #${n} in ${path}: write it as {"name": "Bocor", "query": "#databreach"}.`,
  errSettingViewName: (n: number, path: string, max: number) =>
    `Ignoring "views" #${n} in ${path}: its "name" must be text of 1 to ${max} characters.`,
  errSettingViewTwice: (n: number, path: string, name: string) => `Ignoring "views" #${n} in ${path}: a view named "${name}" comes before it.`,
  errSettingKeepShape: (path: string) => `Ignoring part of "keep" in ${path}: write it as {"days": 90, "perFeed": 500} (either or both).`,
  errSettingThemeShape: (path: string) =>
    `Ignoring "theme" in ${path}: write "dark", "light" or "mono", or colours per role such as {"tag": "#00afaf", "star": 214}.`,
  errSettingThemeName: (path: string, value: string) => `Ignoring "theme" in ${path}: "${value}" is not a theme; use "dark", "light" or "mono".`,
  errSettingThemeRole: (path: string, role: string) =>
    `Ignoring "theme.${role}" in ${path}: the roles are selection, unread, star, tag, header, error, link, quote, code and dim.`,
  errSettingThemeColor: (path: string, role: string, value: string) =>
    `Ignoring "theme.${role}" in ${path}: ${value} is not a colour (a name such as "cyan", "#rrggbb" or 0 to 255), so the theme's own is used.`,
  errSettingKeepNumber: (field: string, path: string, max: number) =>
    `Ignoring "keep.${field}" in ${path}: it must be a whole number from 1 to ${n(max)}.`,
  errSettingFeedFullText: (n: number, path: string) =>
    `Ignoring "fullText" of feed #${n} in ${path}: it must be "auto", "always" or "never"; the feed itself is kept.`,
  errSettingKeysShape: (path: string) =>
    `Ignoring "keys" in ${path}: write it as actions and their keys, such as {"down": ["j", "Down"], "toggleStar": ["*"]}; the default keys are used.`,
  errSettingKeysList: (path: string, action: string) =>
    `Ignoring "keys.${action}" in ${path}: it must be a list of keys such as ["x", "Ctrl-D"]; its default keys are kept.`,
  errSettingKeysAction: (path: string, action: string) =>
    `Ignoring "keys.${action}" in ${path}: no action of that name takes keys; "cyberread keys" lists them.`,
  errSettingKeysName: (path: string, action: string, key: string) =>
    `Ignoring "keys.${action}" in ${path}: "${key}" is not a key cyberread can tell apart (one character, Enter, Esc, Tab, Shift-Tab, Space, Backspace, Up, Down, Left, Right, PgUp, PgDn, Home, End or Ctrl-A to Ctrl-Z); its default keys are kept.`,
  errSettingKeysCtrlC: (path: string, action: string) =>
    `Ignoring "keys.${action}" in ${path}: Ctrl-C always quits, so it cannot do anything else; its default keys are kept.`,
  errSettingKeysClash: (path: string, action: string, key: string, other: string, where: string) =>
    `Ignoring "keys.${action}" in ${path}: "${key}" already does "${other}" in ${KEY_PLACES[where] ?? where}; its default keys are kept.`,
  errSettingKeysTyped: (path: string, action: string, key: string) =>
    `Ignoring "keys.${action}" in ${path}: "${key}" is typed into the line there; give it a named key such as Enter, Tab or Ctrl-S; its default keys are kept.`,
  // sync with a server (core/sync): the server named as the user gave its address
  errSyncLogin: (server: string, user: string) => `${server} refused the login of "${user}": check the user name and the password.`,
  errSyncApiDisabled: (server: string, user: string) =>
    `${server} does not allow API access for "${user}": turn on "Enable API" in the preferences of Tiny Tiny RSS and try again.`,
  errSyncNotServer: (server: string) => `${server} does not answer like a Tiny Tiny RSS server: check the address (the one you log in at).`,
  errSyncHttp: (server: string, status: number) => `${server} answered HTTP ${status}: check the address, or try again later.`,
  errSyncRefused: (server: string, detail: string) => `${server} refused the request: ${detail}.`,
  errSyncApiLevel: (server: string, level: number, needed: number) =>
    `${server} speaks API level ${level}; cyberread needs level ${needed} or newer: update Tiny Tiny RSS.`,
  errSyncBusy: 'Another cyberread is syncing this cache right now; try again when it is done.',
  /** The reader: a login is needed and the password has to be typed (why: what went wrong with the last one, or ''). */
  errSyncNeedPassword: (user: string, server: string, why: string) =>
    why === '' ? `Sync waits for the password of "${user}" at ${server}.` : `Sync waits for the password of "${user}" at ${server} (${why.replace(/\.$/, '')}).`,
  errSyncNoPassword: (user: string, server: string) =>
    `No password for "${user}" at ${server}: set CYBERREAD_SYNC_PASSWORD, give "sync" a "passwordCommand", or run the command on a terminal to be asked.`,
  /** why: missing (no such program), timeout, exit (a non-zero exit code), empty (no output) */
  errSyncPasswordCommand: (program: string, why: string, code: number) =>
    `The passwordCommand ${program} gave no password: ${
      why === 'missing' ? 'there is no such program' : why === 'timeout' ? `it did not answer within ${code} s` : why === 'exit' ? `it ended with exit code ${code}` : 'it printed nothing'
    }.`,
  errSyncOffline: (reason: string, queued: number) =>
    queued > 0 ? `${reason.replace(/\.$/, '')} — ${plural(queued, 'change stays', 'changes stay')} queued for the next sync.` : reason,
  /** tt-rss's subscribeToFeed codes 2-8 */
  errSyncSubscribe: (url: string, code: number) =>
    `The server could not subscribe to ${url}: ${
      code === 2 ? 'it is not a valid address'
      : code === 3 || code === 4 ? 'the page is HTML, not a feed'
      : code === 5 ? 'the server could not download it'
      : code === 6 ? 'it is not valid XML'
      : code === 8 ? 'the server is not allowed to fetch it'
      : `the server failed (code ${code})`
    }; cyberread keeps fetching it itself.`,
  errSyncFeedFailed: (detail: string) => `The sync server could not fetch this feed: ${detail}.`,
  errSettingSync: (path: string) =>
    `Ignoring "sync" in ${path}: write it as {"type": "ttrss", "url": "https://…", "user": "…"} (and, if you like, "passwordCommand": ["pass", "show", "tt-rss"]).`,
  errSettingSyncPassword: (path: string) =>
    `Ignoring "password" of "sync" in ${path}: cyberread never reads a password from the settings file; use "passwordCommand" or CYBERREAD_SYNC_PASSWORD.`,
};
