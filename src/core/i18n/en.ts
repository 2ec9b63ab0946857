import { formatCount } from './messages.js';

const n = (x: number): string => formatCount(x, 'en');
const plural = (x: number, one: string, many: string): string => `${n(x)} ${x === 1 ? one : many}`;

/** English. The source table: messages.ts derives the Messages type from it. */
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
  cacheDamaged: (path: string, movedTo: string) =>
    `The cache ${path} is damaged: quit and start cyberread again, and it moves the file to ${movedTo} and builds a fresh cache (read and starred marks are kept)`,

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
  actClear: 'clear hashtag filters and search',
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

  // key table headings (README / help)
  keysWhere: 'where',
  keysKey: 'key',
  keysAction: 'action',
  keyType: 'type',




  // open.ts
  openOnlyHttp: 'Only http and https links can be opened',
  openBadChars: 'The link contains spaces or control characters and was not opened',
  openNoOpener: (cmd: string) => `No program to open links was found (${cmd}); set $BROWSER or open the link yourself`,
  openFailedToStart: (cmd: string, m: string) => `Could not start ${cmd}: ${m}`,
};
