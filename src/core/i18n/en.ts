import type { QueryProblemCode } from '../query/ast.js';
import { MAX_DEPTH, MAX_QUERY_CHARS, MAX_TERMS } from '../query/parse.js';
import { formatCount } from './messages.js';

const n = (x: number): string => formatCount(x, 'en');
const plural = (x: number, one: string, many: string): string => `${n(x)} ${x === 1 ? one : many}`;

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
  emptyListHint: 'Press c to clear the filters',
  emptyCache: 'No articles yet — press r to refresh',
  noTitle: '(no title)',

  // reader
  postedLabel: 'Posted',
  dateUnknown: 'date unknown',
  imageLabel: 'Image',
  shareLine: 'Share: y copy link · o open in browser',
  readAlso: 'Read also',
  linksTitle: 'Links',
  otherEditionHint: 'L opens the other edition',
  noOtherEdition: 'This article has no other edition',
  articleGone: 'This article is no longer in the cache',
  endOfList: 'No more articles in the list',
  startOfList: 'This is the first article of the list',

  // actions' feedback
  linkCopied: 'Link copied to the clipboard',
  noLink: 'This article has no link',
  linkRefused: 'Only http(s) links can be opened or copied',
  linkOpened: 'Opened in the browser',
  openFailed: (m: string) => `Could not open the link: ${m}`,
  markedRead: 'Marked as read',
  markedUnread: 'Marked as unread',
  starred: 'Starred',
  unstarred: 'Star removed',
  languageSwitched: (name: string) => `Language: ${name}`,

  // status line
  refreshProgress: (done: number, total: number) => `${n(done)}/${n(total)} feeds`,
  newArticles: (x: number) => `${n(x)} new`,
  feedsFailed: (x: number) => `${plural(x, 'feed', 'feeds')} failed — press e`,
  refreshRunning: 'A refresh is already running',
  refreshFailed: (m: string) => `Refresh failed: ${m}`,
  lastRefreshed: (rel: string) => `updated ${rel}`,
  neverRefreshed: 'never refreshed — press r',

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
  searchHint: 'Enter keeps the results · Esc clears',

  // help overlay
  helpTitle: (view: string) => `Keys — ${view}`,
  helpClose: 'Esc, q or ? closes the help',
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
  notifyNoCommand: 'notify is "command" but notifyCommand is empty',
  notifyFailed: (cmd: string, why: string) => `Could not run the notification program ${cmd}: ${why}`,
  notifyNotFound: 'not found',
  enclosuresTitle: 'Attachments',
  enclosureUnknownType: 'file',

  // feeds view, mark all, next unread, starred only, links (the daily keys)
  viewFeeds: 'Feeds',
  viewLinks: 'Links',
  feedActive: (title: string) => `feed: ${title}`,
  viewActive: (name: string) => `view: ${name}`,
  viewRowHint: 'a saved view (settings "views", cyberread views add) · Enter lists it',
  starredOnlyActive: 'starred only',
  feedsEmpty: 'No feeds — press a to add one',
  feedsNever: 'never',
  feedsNeverFetched: 'never fetched — press r to fetch it',
  feedsFetched: (rel: string) => `fetched ${rel}`,
  promptAddFeed: 'Add feed: ',
  promptAddHint: 'URL [--lang id|en] [--title T] [--tag T] · Enter adds · Esc cancels',
  promptRename: 'Name: ',
  promptRenameHint: "Enter saves (empty: the feed's own title) · Esc cancels",
  promptFeedLang: 'Language (id, en, empty: detect per article): ',
  promptSaveHint: 'Enter saves · Esc cancels',
  feedNeedUrl: "Type the feed's address",
  feedBadUrl: (v: string) => `"${v}" is not a feed address: use an http(s):// URL, a file:// URL or a local path`,
  feedBadLang: (v: string) => `Unknown language "${v}": use id or en`,
  feedBadOption: (v: string) => `"${v}" is not an option here: use --lang, --title or --tag`,
  feedNeedValue: (opt: string) => `${opt} needs a value`,
  feedExists: (url: string) => `${url} is already in your feeds`,
  feedAdded: (title: string) => `Added ${title}; fetching it`,
  feedAddedLater: (title: string) => `Added ${title}; a refresh is running: press r on it when it ends`,
  feedRenamed: (title: string) => `Renamed to ${title}`,
  feedLangSet: (code: string) => `Language of the feed: ${code}; its articles are in that edition now`,
  feedLangAuto: 'Language of the feed: detected per article, for the articles fetched from now on',
  feedRemoved: (title: string, x: number) => `Removed ${title} and ${plural(x, 'cached article', 'cached articles')}; starred ones are kept`,
  feedGone: 'That feed is no longer in your feeds',
  confirmRemoveFeed: (title: string, total: number, starred: number) =>
    `Remove ${title}? ${plural(total - starred, 'cached article goes', 'cached articles go')}, ${n(starred)} starred stay. y/Enter: remove · other key: keep`,
  confirmMarkAll: (x: number) => `Mark ${plural(x, 'article', 'articles')} of this list read? y/Enter: yes · other key: no`,
  confirmMarkFeed: (title: string, x: number) => `Mark the ${plural(x, 'unread article', 'unread articles')} of ${title} read? y/Enter: yes · other key: no`,
  cancelled: 'Cancelled',
  markedAllRead: (x: number) => `${plural(x, 'article', 'articles')} marked read — z undoes`,
  nothingToMark: 'No unread articles here',
  undone: (x: number) => `Undone: ${plural(x, 'article is', 'articles are')} unread again`,
  nothingToUndo: 'Nothing to undo',
  noMoreUnread: 'No more unread articles',
  noPrevUnread: 'No unread article before this one',
  nextFeed: (title: string) => `Next feed with unread articles: ${title}`,
  switchedEdition: (name: string) => `This feed's articles are in the ${name} edition: switched to it`,
  linksEmpty: 'This article has no links or attachments',
  linkNumber: (digits: string) => `Link ${digits}█ — Enter opens · Esc cancels`,
  noSuchLink: (x: number) => `There is no link [${x}] in this article`,
  openedInPlayer: 'Opened in the player',

  actFeeds: 'show the feeds',
  actMarkAll: 'mark every article of the list read (asks first)',
  actUndo: 'undo the last mark-all while its notice shows',
  actNextUnread: 'next unread article (in the reader: open it)',
  actPrevUnread: 'previous unread article (in the reader: open it)',
  actStarredOnly: 'show starred only / all',
  actLinkDigits: 'type a link number, then Enter opens it',
  actLinks: 'choose a link or attachment to open',
  actOpenTarget: 'open the chosen link (attachments: with the player)',
  actCopyTarget: 'copy the chosen link (OSC 52)',
  actOpenFeed: "list this feed's articles",
  actAddFeed: 'add a feed (URL and the options of feeds add)',
  actRenameFeed: 'rename the feed',
  actFeedLang: 'set the language of the feed',
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
};
