import type { Edition } from '../types.js';
import { formatCount } from './messages.js';
import { asClause } from './clause.js';

const nEn = (x: number): string => formatCount(x, 'en');
const nId = (x: number): string => formatCount(x, 'id');
const plural = (x: number, one: string, many: string): string => `${nEn(x)} ${x === 1 ? one : many}`;
/** "a, b or c" */
const orList = (choices: readonly string[] | string, or: string): string => {
  const xs = [choices].flat();
  return xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} ${or} ${xs[xs.length - 1]}`;
};

/** Every string the command-line interface prints, in both languages (a missing key fails to compile). */
export interface CliMessages {
  usage: string;
  commandHelp: Record<'feeds' | 'refresh' | 'list' | 'show' | 'tags' | 'mark' | 'import' | 'export' | 'ignore' | 'views' | 'vacuum' | 'keys' | 'sync', string>;
  feedAdded(url: string): string;
  feedExists(url: string): string;
  feedRemoved(url: string, articles: number): string;
  feedNotFound(url: string): string;
  noFeeds: string;
  neverFetched: string;
  refreshSummary(feeds: number, added: number, failed: number): string;
  refreshLine(status: 'new' | 'unchanged' | 'error', added: number, updated: number): string;
  /** What the ignore rules (drop) took out of one feed's refresh. */
  refreshDropped(count: number): string;
  /** What the retention limits (keep) removed of one feed. */
  refreshRemoved(count: number): string;
  noArticles: string;
  articleNotFound(id: string): string;
  marked(count: number): string;
  /** `mark --all`: how many articles of the filter changed. */
  markedAll(count: number, read: boolean): string;
  idsOrAll: string;
  allNeedsRead: string;
  filterNeedsAll(option: string): string;
  imported(added: number, skipped: number, rejected: number): string;
  rejected(url: string, reason: string): string;
  /** How `show` labels an image: [image: alt]. */
  imageLabel: string;
  needsTerminal: string;
  /**
   * A damaged cache was moved aside. `then`: what fills the fresh cache: the refresh under way, the reader
   * starting now (its background refresh is due at once), or nothing yet.
   */
  cacheRecovered(from: string, to: string, restored: number, then: 'refresh' | 'reader' | 'none'): string;
  /** Changes queued for the sync server that were read from the damaged cache and kept. */
  cacheRecoveredQueue(n: number): string;
  /** The reader found the cache damaged while it ran; the next start moves it aside. */
  cacheDamagedNextStart(path: string, movedTo: string): string;
  needOneOf(flags: string): string;
  needArgument(what: string, command: string): string;
  extraArguments(words: string, command: string): string;
  tooManyArguments(extra: string, what: string, command: string): string;
  unknownCommand(word: string): string;
  unknownSubcommand(word: string, command: string, choices: string[]): string;
  unknownOption(option: string, command: string): string;
  /** An option of another command. */
  optionNotHere(option: string, command: string): string;
  optionNeedsValue(option: string): string;
  optionValueLooksLikeOption(option: string): string;
  optionTakesNoValue(option: string): string;
  unreadableCommandLine(command: string): string;
  /** A bug: `detail` is the error's own text, without its final full stop. */
  unexpected(detail: string): string;
  badLimit: string;
  badOffset: string;
  allOrLimit: string;
  /** A search with no letter or digit in it. */
  emptySearch(search: string): string;
  emptyTag: string;
  /** A tag given to a feed with a space in it. */
  tagWithSpace(tag: string): string;
  badLang(value: string): string;
  badUrl(value: string): string;
  badFullMode(value: string): string;
  fullModeSet(url: string, mode: string): string;
  /** `show --full` could not get the page: one sentence for stderr; the feed text was printed. */
  fullFailed(reason: string): string;
  /** `show --full` on a sample article of the demo that ships no page (its feed carries the whole text). */
  fullNoPage: string;
  /** After `refresh --full`. */
  pagesSummary(fetched: number, ok: number, failed: number): string;
  fullLabel: string;
  feedLabel: string;
  cacheDirDenied(dir: string): string;
  cacheDirFailed(dir: string, detail: string): string;
  // ignore rules, saved views, vacuum
  noIgnoreRules: string;
  ignoreHidden(count: number): string;
  ignoreDropped(count: number, last: string): string;
  ignoreNoneDropped: string;
  ignoreAdded(query: string, mode: 'hide' | 'drop'): string;
  ignoreChanged(query: string, mode: 'hide' | 'drop'): string;
  ignoreRemoved(query: string): string;
  ignoreNotFound(query: string): string;
  emptyQuery: string;
  noViews: string;
  viewCounts(unread: number, total: number): string;
  viewSaved(name: string): string;
  viewReplaced(name: string): string;
  viewRemoved(name: string): string;
  viewNotFound(name: string): string;
  badViewName(max: number): string;
  vacuumDone(path: string, before: string, after: string): string;
  // cyberread keys
  keysHeadAction: string;
  keysHeadKeys: string;
  keysHeadWhat: string;
  keysCustomNote: string;
  /** A size in bytes as the language writes it ("12.3 MB"). */
  size(bytes: number): string;
  // sync with a server (cyberread sync …)
  syncSetUp(server: string, user: string, apiLevel: number, feeds: number): string;
  syncNotSetUp: string;
  syncOff(server: string, dropped: number): string;
  /** `sync off` could not end the server session (the reason is a sentence of its own, ending in a period). */
  syncLogoutFailed(server: string, reason: string): string;
  syncBadType(type: string): string;
  syncBadUrl(url: string): string;
  syncEmptyCommand: string;
  passwordPrompt(user: string, server: string): string;
  syncStatusServer(server: string, user: string, password: 'env' | 'command' | 'prompt'): string;
  syncStatusLast(when: string | null, feeds: number): string;
  syncStatusQueued(queued: number): string;
  syncStatusError(when: string, reason: string): string;
  /**
   * `sync status` after a run that stopped for the password in the reader (errSyncNeedPassword, told live as
   * "sync waits for …"): what happened, and how to go on with the password source set now. why: the earlier
   * password's failure, or ''.
   */
  syncStatusNeededPassword(user: string, server: string, why: string, password: 'env' | 'command' | 'prompt'): string;
  syncSubscribed(url: string): string;
  syncUnsubscribed(url: string): string;
  syncSummary(server: string, added: number, updated: number, feeds: number, pushed: number, pulled: number, overruled: number, queued: number, ms: number): string;
  /** feeds add / remove while sync is set up */
  feedAddedOnServer(url: string, server: string): string;
  feedRemovedOnServer(url: string, server: string, articles: number): string;
  feedQueuedForServer(url: string, server: string, reason: string): string;
}

/** "cyberread list" for a command, "cyberread" for none. */
const named = (command: string): string => (command ? `"cyberread ${command}"` : 'cyberread');
const helpFor = (command: string): string => `"cyberread ${command ? command + ' ' : ''}--help"`;

const en: CliMessages = {
  usage: `cyberread — a terminal news reader for RSS, Atom and JSON feeds

Usage:
  cyberread                      open the reader (needs a terminal)
  cyberread --demo               open the reader on the bundled sample news (no network)
  cyberread feeds                list subscriptions
  cyberread feeds add URL        subscribe (--lang id|en, --title T, --tag T …)
  cyberread feeds remove URL     unsubscribe (starred articles are kept)
  cyberread refresh [URL…]       fetch feeds; exit code 1 if any failed
  cyberread list                 articles, newest first (--query, --tag, --lang, --unread, --starred, --search, --feed, --offset, --limit, --all)
  cyberread show ID [--full]     one article as readable text (--full: the whole article from its page)
  cyberread tags                 tags with their article counts (--lang, --query)
  cyberread mark ID… --read|--unread|--star|--unstar
  cyberread mark --all [--query, --tag, --lang, --starred, --search, --feed] --read|--unread
  cyberread import FILE.opml     subscribe to the feeds of an OPML file
  cyberread export               print subscriptions as OPML 2.0
  cyberread views                saved views with their counts (views add NAME QUERY, views remove NAME)
  cyberread ignore               ignore rules with what each matched (ignore add QUERY [--drop], ignore remove QUERY)
  cyberread vacuum               compact the cache and print its size before and after
  cyberread keys                 the reader's keys in effect, with the action names the "keys" setting takes
  cyberread sync                 sync with a Tiny Tiny RSS server (sync setup ttrss URL --user NAME, sync status, sync off)

Options for every command:
  --home DIR     keep settings and cache in DIR (also CYBERREAD_HOME)
  --lang id|en   language of the interface and edition listed
  --json         machine-readable output
  -h, --help     help for a command        -v, --version   print the version`,
  commandHelp: {
    feeds: `Usage:
  cyberread feeds                        list subscriptions with their last status
  cyberread feeds add URL [--lang id|en] [--title T] [--tag T]… [--full auto|always|never]
  cyberread feeds remove URL

URL is http(s)://, file:// or a local path. A tag is one word: --tag test-feed, not --tag "test feed".
Removing a feed deletes its cached articles but keeps starred ones.
--full says when the pages of its articles are fetched: auto (when the feed's text is an excerpt), always
or never; on a feed already subscribed it changes just that.
While sync is set up (see "sync --help"), add and remove also subscribe and unsubscribe on the server.`,
    refresh: `Usage: cyberread refresh [URL…] [--force] [--full] [--json]

Fetches all feeds (or the given ones) and prints one line per feed.
--force asks again even when a server said to wait (Retry-After).
--full also fetches the pages of the new articles of feeds whose --full mode is auto or always.
Exit code: 0 when every feed worked, 1 when any failed.`,
    list: `Usage: cyberread list [--query Q] [--tag T]… [--lang id|en] [--unread] [--starred] [--search Q] [--feed URL]
                      [--offset N] [--limit N | --all] [--json]

Articles newest first. --query takes the query language, for example
  --query '#databreach OR #ransomware lang:id age:<7d -#sponsored'
  --query '"kebocoran data" feed:cyberthreat since:2024-11-01'
(words and "phrases", #tag, lang:, feed:, author:, title:, unread, read, starred, age:<7d, age:>1m,
since:, until:, OR, parentheses, - to leave out; see the README). Every option narrows the list further.
Several --tag options select articles having all of them.
--lang selects an edition; articles whose language is unknown appear in both.
--search looks in title, summary and body: every word must occur, the last one as a prefix;
quotes, *, -, AND, OR and NOT are plain text.
--limit N lists N articles (50 by default), --all every one; --offset N skips the first N.
In a pipe nothing is cut to the terminal width; --json is written as it is read, in any size.`,
    show: `Usage: cyberread show ID [--full] [--json]

Prints an article as readable text: headings, paragraphs, lists, quotes, images as [image: alt]
and links as [n] footnotes listed at the end. --json adds contentHtml and the other editions.
--full prints the full article from its page (fetched if not cached); if the page cannot be had,
the feed text is printed and the exit code is 1. With --json it adds "full".`,
    tags: `Usage: cyberread tags [--lang id|en] [--query Q] [--json]

Every tag with its number of articles, most used first; with --query, counted among the articles it selects.`,
    mark: `Usage: cyberread mark ID… --read|--unread|--star|--unstar
       cyberread mark --all [--query Q] [--tag T]… [--lang id|en] [--starred] [--search Q] [--feed URL] --read|--unread

Marks articles. The other-language edition of the same story is marked too.
--all marks every article the same filters of "list" select (no limit) and prints how many changed.`,
    import: `Usage: cyberread import FILE.opml

Subscribes to every feed in an OPML file. Only http(s) URLs and local paths are accepted;
language and tags are read from the "language" and "category" attributes.`,
    export: `Usage: cyberread export > feeds.opml

Prints all subscriptions as OPML 2.0, with their language and tags.`,
    ignore: `Usage:
  cyberread ignore                       the ignore rules, with how many articles each hides now and has dropped
  cyberread ignore add QUERY [--drop]    add a rule (a query of the query language, see "list --help")
  cyberread ignore remove QUERY          remove the rule with exactly this query

A "hide" rule (the default) keeps matching articles out of every list and count; removing it brings them
back. A "drop" rule also keeps new matching articles out of the cache at every refresh. A rule never matches
a starred article. Rules live in config.json as "ignore": [{"query": "#sponsored", "mode": "hide"}].`,
    views: `Usage:
  cyberread views                        saved views with their unread and total counts
  cyberread views add NAME QUERY         save a query under a name (the same name replaces it)
  cyberread views remove NAME

Views appear at the top of the reader's feeds view and open like a feed. They live in config.json as
"views": [{"name": "Bocor", "query": "#databreach lang:id"}].`,
    vacuum: `Usage: cyberread vacuum [--json]

Compacts the article cache (merges the full-text index, rebuilds the file, empties the write-ahead log)
and prints its size before and after. Safe while the reader runs; it waits for a refresh in progress.`,
    keys: `Usage: cyberread keys [--json]

Prints the reader's keys in effect: each action's name, its keys, what it does and where. Give an action
keys of your own in config.json, e.g. "keys": {"down": ["j", "Down", "Ctrl-N"], "toggleStar": ["*"]}:
they replace its default keys everywhere it has keys (a line being typed keeps its characters; Ctrl-C
always quits). A name or key that cannot be used, or a key another action has there, is reported in one
sentence and that action keeps its default keys. Actions with keys of your own are marked *.`,
    sync: `Usage:
  cyberread sync [--json]                              one sync run with the server
  cyberread sync setup ttrss URL --user NAME [-- PASSWORD-COMMAND…]
  cyberread sync status [--json]                       server, last sync, queued changes
  cyberread sync off                                   fetch feeds directly again (the cache stays)

With sync set up, a Tiny Tiny RSS server fetches the feeds and keeps the read and star state of every client:
"refresh", the reader's r and its background refresh sync instead of fetching, and marks are queued here
and sent with the next sync. "feeds add" and "feeds remove" subscribe and unsubscribe on the server.
The password is never written to config.json: it comes from CYBERREAD_SYNC_PASSWORD, from the program
given after "--" (run without a shell; its first line of output is the password, e.g. -- pass show tt-rss),
or from a question on the terminal.`,
  },
  feedAdded: (url) => `Added ${url}. Run "cyberread refresh" to fetch it.`,
  feedExists: (url) => `${url} is already in your feeds.`,
  feedRemoved: (url, n) => `Removed ${url} and ${plural(n, 'cached article', 'cached articles')} (starred ones are kept).`,
  feedNotFound: (url) => `${url} is not one of your feeds. Run "cyberread feeds" to see them.`,
  noFeeds: 'You have no feeds. Add one with "cyberread feeds add URL".',
  neverFetched: 'never fetched',
  refreshSummary: (feeds, added, failed) =>
    `${plural(feeds, 'feed', 'feeds')} refreshed, ${plural(added, 'new article', 'new articles')}` + (failed ? `, ${nEn(failed)} failed.` : '.'),
  refreshLine: (status, added, updated) =>
    status === 'error' ? 'failed' : status === 'unchanged' ? 'unchanged' : `${added} new, ${updated} updated`,
  refreshDropped: (n) => `${nEn(n)} dropped by ignore rules`,
  refreshRemoved: (n) => `${plural(n, 'old article', 'old articles')} removed (keep)`,
  noArticles: 'No articles match.',
  articleNotFound: (id) => `No article with id ${id}. Run "cyberread list" to see the ids.`,
  marked: (n) => `Marked ${plural(n, 'article', 'articles')}.`,
  markedAll: (n, read) => `Marked ${plural(n, 'article', 'articles')} ${read ? 'read' : 'unread'}.`,
  idsOrAll: 'Give article IDs or --all, not both.',
  allNeedsRead: '--all marks articles read or unread: add --read or --unread.',
  filterNeedsAll: (option) => `${option} chooses articles for --all; with article IDs, leave it out.`,
  imported: (added, skipped, rejected) => `Imported ${plural(added, 'feed', 'feeds')}; ${nEn(skipped)} already present, ${nEn(rejected)} refused.`,
  rejected: (url, reason) => `Refused ${url}: ${asClause(reason)}`,
  imageLabel: 'image',
  needsTerminal: 'The reader needs an interactive terminal. Use "cyberread list" or "cyberread --help" in scripts.',
  cacheRecovered: (from, to, restored, then) =>
    `The article cache ${from} was damaged: it was moved to ${to} and a fresh cache was built (${plural(restored, 'read/starred mark', 'read/starred marks')} kept)` +
    (then === 'refresh' ? '; this refresh fills it again.' : then === 'reader' ? '; the reader fetches the articles again.' : '; run "cyberread refresh" to fetch the articles again.'),
  cacheRecoveredQueue: (n) => `${plural(n, 'change', 'changes')} waiting for the sync server ${n === 1 ? 'was' : 'were'} kept: the next sync sends ${n === 1 ? 'it' : 'them'}.`,
  cacheDamagedNextStart: (path, movedTo) =>
    `The article cache ${path} is damaged: the next cyberread command moves it to ${movedTo} and builds a fresh cache, keeping read and starred marks.`,
  needOneOf: (flags) => `Say what to do with one of ${flags}.`,
  needArgument: (what, command) => `"cyberread ${command}" needs ${what}. Run "cyberread ${command} --help".`,
  extraArguments: (words, command) => `"cyberread ${command}" takes no argument like "${words}". Run "cyberread ${command} --help".`,
  tooManyArguments: (extra, what, command) => `"cyberread ${command}" takes one ${what}, not also "${extra}". Run "cyberread ${command} --help".`,
  unknownCommand: (word) => `Unknown command "${word}". Run "cyberread --help" to see the commands.`,
  unknownSubcommand: (word, command, choices) => `Unknown "${command}" subcommand "${word}": use ${orList(choices, 'or')}.`,
  unknownOption: (option, command) => `Unknown option ${option} for ${named(command)}. Run ${helpFor(command)} to see its options.`,
  optionNotHere: (option, command) => `${named(command)} does not use ${option}. Run ${helpFor(command)} to see its options.`,
  optionNeedsValue: (option) => `The option ${option} needs a value.`,
  optionValueLooksLikeOption: (option) => `The option ${option} needs a value; for one that starts with "-", write ${option}=VALUE.`,
  optionTakesNoValue: (option) => `The option ${option} takes no value; write it alone.`,
  unreadableCommandLine: (command) => `The command line could not be read. Run "${command} --help".`,
  unexpected: (detail) => `unexpected error: ${detail}. Please report it with the command you ran.`,
  badLimit: '--limit must be a whole number from 1 up; --all lists every article.',
  badOffset: '--offset must be a whole number from 0 up (the number of articles to skip).',
  allOrLimit: 'Use --all or --limit N, not both.',
  emptySearch: (search) => `The search "${search}" has no letter or digit to look for; quotes, * and other signs are searched as plain text.`,
  emptyTag: 'A tag needs a letter or digit: write --tag ransomware (or --tag "#ransomware").',
  tagWithSpace: (tag) => `A tag is one word, and "${tag}" has a space: write --tag ${tag.split(/\s+/).join('-')} or give each word its own --tag.`,
  badLang: (v) => `Unknown language "${v}": use id or en.`,
  badUrl: (v) => `"${v}" is not a feed address: use an http(s):// URL, a file:// URL or a local path.`,
  badFullMode: (v) => `Unknown --full mode "${v}": use auto, always or never.`,
  fullModeSet: (url, mode) => `Full articles for ${url}: ${mode}.`,
  fullFailed: (reason) => `Could not load the full article (${reason}); the feed text is shown instead.`,
  fullNoPage: 'This sample article has no web page: the feed carried its whole text, printed above.',
  pagesSummary: (fetched, ok, failed) =>
    `Full articles: ${plural(fetched, 'page', 'pages')} fetched, ${nEn(ok)} read in full` + (failed ? `, ${nEn(failed)} failed.` : '.'),
  fullLabel: 'full article',
  feedLabel: 'feed text',
  cacheDirDenied: (dir) => `Cannot create the cache directory ${dir}: permission denied. Check its permissions or use --home DIR.`,
  cacheDirFailed: (dir, d) => `Cannot create the cache directory ${dir}: ${d}.`,
  noIgnoreRules: 'You have no ignore rules. Add one with "cyberread ignore add QUERY" (--drop to keep matches out of the cache).',
  ignoreHidden: (n) => `${plural(n, 'article', 'articles')} hidden now`,
  ignoreDropped: (n, last) => `${nEn(n)} kept out of the cache, the last on ${last}`,
  ignoreNoneDropped: 'none dropped yet',
  ignoreAdded: (q, mode) => `Added a ${mode} rule for ${q}.`,
  ignoreChanged: (q, mode) => `The rule for ${q} is now a ${mode} rule.`,
  ignoreRemoved: (q) => `Removed the rule for ${q}; what it hid is listed again.`,
  ignoreNotFound: (q) => `No ignore rule is for ${q}. Run "cyberread ignore" to see them.`,
  emptyQuery: 'The query is empty: give one, such as "#sponsored".',
  noViews: 'You have no saved views. Save one with "cyberread views add NAME QUERY".',
  viewCounts: (unread, total) => `${nEn(unread)} unread of ${nEn(total)}`,
  viewSaved: (name) => `Saved the view "${name}".`,
  viewReplaced: (name) => `The view "${name}" now has the new query.`,
  viewRemoved: (name) => `Removed the view "${name}".`,
  viewNotFound: (name) => `No saved view is named "${name}". Run "cyberread views" to see them.`,
  badViewName: (max) => `A view's name must be 1 to ${max} characters of text.`,
  vacuumDone: (path, before, after) => `Compacted ${path}: ${before} before, ${after} after.`,
  keysHeadAction: 'ACTION',
  keysHeadKeys: 'KEYS',
  keysHeadWhat: 'WHAT IT DOES (WHERE)',
  keysCustomNote: '* keys of your own (the "keys" setting)',
  size: (bytes) => `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(bytes / 1_000_000)} MB`,
  syncSetUp: (server, user, level, feeds) =>
    `Sync is set up with ${server} as "${user}" (Tiny Tiny RSS, API level ${level}, ${plural(feeds, 'feed', 'feeds')}). Run "cyberread sync" to bring its feeds and articles here.`,
  syncNotSetUp: 'Sync is not set up: cyberread fetches the feeds itself. Set it up with "cyberread sync setup ttrss URL --user NAME".',
  syncOff: (server, dropped) =>
    `Sync with ${server} is off: cyberread fetches the feeds itself again, and the cache stays.` +
    (dropped > 0 ? ` ${plural(dropped, 'change', 'changes')} made here never reached the server.` : ''),
  syncLogoutFailed: (server, reason) =>
    `Could not log out of ${server} (${reason.replace(/\.$/, '')}); the session is forgotten here, and the server ends it by itself a day after its last use.`,
  syncBadType: (t) => `Unknown server type "${t}": cyberread syncs with ttrss (Tiny Tiny RSS).`,
  syncBadUrl: (u) => `"${u}" is not a server address: use the http(s):// address you log in at, without a user name or password in it.`,
  syncEmptyCommand: 'Nothing follows "--": give the program that prints the password, e.g. -- pass show tt-rss.',
  passwordPrompt: (user, server) => `Password for "${user}" at ${server}: `,
  syncStatusServer: (server, user, from) =>
    `Syncing with ${server} (Tiny Tiny RSS) as "${user}"; password ${from === 'env' ? 'from CYBERREAD_SYNC_PASSWORD' : from === 'command' ? 'from passwordCommand' : 'asked on the terminal'}.`,
  syncStatusLast: (when, feeds) => (when === null ? 'Never synced yet: run "cyberread sync".' : `Last sync: ${when}, ${plural(feeds, 'feed', 'feeds')} on the server.`),
  syncStatusQueued: (q) => (q === 0 ? 'No changes waiting to be sent.' : `${plural(q, 'change waits', 'changes wait')} to be sent with the next sync.`),
  syncStatusError: (when, reason) => `The last attempt (${when}) failed: ${asClause(reason)}`,
  syncStatusNeededPassword: (user, server, why, from) =>
    `The reader needed the password of "${user}" at ${server}${why === '' ? '' : ` (${asClause(why)})`}; ${
      from === 'env' ? 'CYBERREAD_SYNC_PASSWORD is set now: run "cyberread sync"' : from === 'command' ? 'check the passwordCommand, then run "cyberread sync"' : 'run "cyberread sync" on a terminal to type it'
    }.`,
  syncSubscribed: (url) => `Subscribed to ${url} on the server.`,
  syncUnsubscribed: (url) => `Unsubscribed from ${url} on the server.`,
  syncSummary: (server, added, updated, feeds, pushed, pulled, overruled, queued, ms) =>
    `Synced with ${server}: ${plural(added, 'new article', 'new articles')}, ${nEn(updated)} updated in ${plural(feeds, 'feed', 'feeds')}; ` +
    `${plural(pushed, 'change', 'changes')} sent, ${nEn(pulled)} from the server` +
    (overruled > 0 ? `, ${nEn(overruled)} of yours replaced by newer ones there` : '') +
    (queued > 0 ? `; ${nEn(queued)} still queued` : '') +
    ` (${(ms / 1000).toFixed(1)} s).`,
  feedAddedOnServer: (url, server) => `Added ${url} and subscribed to it on ${server}. Run "cyberread refresh" to bring its articles here.`,
  feedRemovedOnServer: (url, server, n) =>
    `Removed ${url}, unsubscribed from it on ${server}, and removed ${plural(n, 'cached article', 'cached articles')} (starred ones are kept).`,
  feedQueuedForServer: (url, server, reason) => `Changed ${url} here; ${server} will hear of it with the next sync (${reason.replace(/\.$/, '')}).`,
};

const id: CliMessages = {
  usage: `cyberread — pembaca berita terminal untuk feed RSS, Atom dan JSON

Cara pakai:
  cyberread                      buka pembaca (perlu terminal)
  cyberread --demo               buka pembaca dengan berita contoh bawaan (tanpa jaringan)
  cyberread feeds                daftar feed yang diikuti
  cyberread feeds add URL        ikuti feed (--lang id|en, --title T, --tag T …)
  cyberread feeds remove URL     berhenti mengikuti (artikel berbintang tetap disimpan)
  cyberread refresh [URL…]       muat ulang feed; kode keluar 1 bila ada yang gagal
  cyberread list                 artikel, terbaru dulu (--query, --tag, --lang, --unread, --starred, --search, --feed, --offset, --limit, --all)
  cyberread show ID [--full]     satu artikel sebagai teks (--full: artikel lengkap dari halamannya)
  cyberread tags                 tagar beserta jumlah artikelnya (--lang, --query)
  cyberread mark ID… --read|--unread|--star|--unstar
  cyberread mark --all [--query, --tag, --lang, --starred, --search, --feed] --read|--unread
  cyberread import FILE.opml     ikuti semua feed dari file OPML
  cyberread export               cetak daftar feed sebagai OPML 2.0
  cyberread views                tampilan tersimpan beserta jumlahnya (views add NAMA KUERI, views remove NAMA)
  cyberread ignore               aturan ignore beserta yang cocok dengannya (ignore add KUERI [--drop], ignore remove KUERI)
  cyberread vacuum               padatkan cache dan cetak ukurannya sebelum dan sesudah
  cyberread keys                 tombol pembaca yang berlaku, dengan nama aksi yang dipakai pengaturan "keys"
  cyberread sync                 sinkronisasi dengan server Tiny Tiny RSS (sync setup ttrss URL --user NAMA, sync status, sync off)

Opsi untuk semua perintah:
  --home DIR     simpan pengaturan dan cache di DIR (juga CYBERREAD_HOME)
  --lang id|en   bahasa antarmuka dan edisi yang ditampilkan
  --json         keluaran untuk mesin
  -h, --help     bantuan sebuah perintah   -v, --version   cetak versi`,
  commandHelp: {
    feeds: `Cara pakai:
  cyberread feeds                        daftar feed yang diikuti beserta status terakhirnya
  cyberread feeds add URL [--lang id|en] [--title T] [--tag T]… [--full auto|always|never]
  cyberread feeds remove URL

URL berupa http(s)://, file:// atau path lokal. Tagar harus satu kata: --tag test-feed, bukan --tag "test feed".
Menghapus feed juga menghapus artikelnya dari cache, kecuali yang berbintang.
--full menentukan kapan halaman artikelnya dimuat: auto (bila teks feed hanya cuplikan), always atau never;
pada feed yang sudah diikuti, hanya itu yang diubah.
Selama sinkronisasi diatur (lihat "sync --help"), add dan remove juga mengikuti dan berhenti mengikuti feed di server.`,
    refresh: `Cara pakai: cyberread refresh [URL…] [--force] [--full] [--json]

Memuat ulang semua feed (atau yang disebut) dan mencetak satu baris per feed.
--force tetap mengambil feed walau server minta menunggu (Retry-After).
--full juga memuat halaman artikel baru dari feed bermode --full auto atau always.
Kode keluar: 0 bila semua berhasil, 1 bila ada yang gagal.`,
    list: `Cara pakai: cyberread list [--query Q] [--tag T]… [--lang id|en] [--unread] [--starred] [--search Q] [--feed URL]
                           [--offset N] [--limit N | --all] [--json]

Artikel, terbaru dulu. --query memakai bahasa kueri, misalnya
  --query '#databreach OR #ransomware lang:id age:<7d -#sponsored'
  --query '"kebocoran data" feed:cyberthreat since:2024-11-01'
(kata dan "frasa", #tagar, lang:, feed:, author:, title:, unread, read, starred, age:<7d, age:>1m,
since:, until:, OR, tanda kurung, - untuk mengecualikan; lihat README). Setiap opsi makin mempersempit daftar.
Beberapa --tag memilih artikel yang memiliki semuanya.
--lang memilih edisi; artikel yang bahasanya tidak diketahui muncul di keduanya.
--search mencari di judul, ringkasan dan isi: setiap kata harus ada, kata terakhir sebagai awalan;
tanda kutip, *, -, AND, OR dan NOT dicari sebagai teks biasa.
--limit N menampilkan N artikel (bawaan 50), --all semuanya; --offset N melewati N artikel pertama.
Dalam pipe tidak ada yang dipotong ke lebar terminal; --json ditulis sambil dibaca, berapa pun jumlahnya.`,
    show: `Cara pakai: cyberread show ID [--full] [--json]

Mencetak artikel sebagai teks: subjudul, paragraf, daftar, kutipan, gambar sebagai [gambar: alt]
dan tautan sebagai catatan kaki [n] di akhir. --json menambahkan contentHtml dan edisi lainnya.
--full mencetak artikel lengkap dari halamannya (dimuat bila belum ada di cache); bila halaman tidak
dapat dimuat, teks feed yang dicetak dan kode keluarnya 1. Dengan --json ditambahkan "full".`,
    tags: `Cara pakai: cyberread tags [--lang id|en] [--query Q] [--json]

Semua tagar beserta jumlah artikelnya, yang terbanyak dulu; dengan --query, dihitung di antara artikel yang dipilihnya.`,
    mark: `Cara pakai: cyberread mark ID… --read|--unread|--star|--unstar
            cyberread mark --all [--query Q] [--tag T]… [--lang id|en] [--starred] [--search Q] [--feed URL] --read|--unread

Menandai artikel. Edisi bahasa lain dari berita yang sama ikut ditandai.
--all menandai semua artikel yang cocok dengan filter yang sama seperti "list" (tanpa batas) dan mencetak jumlah yang berubah.`,
    import: `Cara pakai: cyberread import FILE.opml

Mengikuti semua feed dari file OPML. Hanya URL http(s) dan path lokal yang diterima;
bahasa dan tagar dibaca dari atribut "language" dan "category".`,
    export: `Cara pakai: cyberread export > feeds.opml

Mencetak semua feed yang diikuti sebagai OPML 2.0, beserta bahasa dan tagarnya.`,
    ignore: `Cara pakai:
  cyberread ignore                       aturan ignore, beserta jumlah artikel yang disembunyikan dan dibuang tiap aturan
  cyberread ignore add KUERI [--drop]    tambah aturan (kueri dalam bahasa kueri, lihat "list --help")
  cyberread ignore remove KUERI          hapus aturan dengan kueri persis ini

Aturan "hide" (bawaan) menyembunyikan artikel yang cocok dari setiap daftar dan hitungan; menghapus aturannya
memunculkannya kembali. Aturan "drop" juga mencegah artikel baru yang cocok masuk ke cache setiap kali
dimuat ulang. Aturan tidak pernah mengenai artikel berbintang. Aturan disimpan di config.json sebagai
"ignore": [{"query": "#sponsored", "mode": "hide"}].`,
    views: `Cara pakai:
  cyberread views                        tampilan tersimpan beserta jumlah artikel belum dibaca dan seluruhnya
  cyberread views add NAMA KUERI         simpan kueri dengan sebuah nama (nama yang sama menggantinya)
  cyberread views remove NAMA

Tampilan muncul di bagian atas tampilan feed di pembaca dan dibuka seperti feed. Disimpan di config.json
sebagai "views": [{"name": "Bocor", "query": "#databreach lang:id"}].`,
    vacuum: `Cara pakai: cyberread vacuum [--json]

Memadatkan cache artikel (menggabungkan indeks teks penuh, membangun ulang file-nya, mengosongkan log tulis)
dan mencetak ukurannya sebelum dan sesudah. Aman saat pembaca berjalan; menunggu muat ulang yang sedang berjalan selesai.`,
    keys: `Cara pakai: cyberread keys [--json]

Mencetak tombol pembaca yang berlaku: nama tiap aksi, tombolnya, fungsinya dan tempatnya. Beri aksi tombol
Anda sendiri di config.json, misalnya "keys": {"down": ["j", "Down", "Ctrl-N"], "toggleStar": ["*"]}:
tombol itu menggantikan tombol bawaannya di semua tempat aksi itu punya tombol (baris yang sedang diketik
tetap menerima karakternya; Ctrl-C selalu untuk keluar). Nama atau tombol yang tidak bisa dipakai, atau
tombol yang di tempat itu sudah milik aksi lain, dilaporkan dalam satu kalimat dan aksi itu tetap memakai
tombol bawaannya. Aksi dengan tombol Anda sendiri ditandai *.`,
    sync: `Cara pakai:
  cyberread sync [--json]                              satu kali sinkronisasi dengan server
  cyberread sync setup ttrss URL --user NAMA [-- PERINTAH-KATA-SANDI…]
  cyberread sync status [--json]                       server, sinkronisasi terakhir, perubahan yang antre
  cyberread sync off                                   muat feed langsung lagi (cache tetap)

Dengan sinkronisasi, server Tiny Tiny RSS yang memuat feed dan menyimpan status baca dan bintang semua klien:
"refresh", tombol r di pembaca dan muat ulang latarnya melakukan sinkronisasi alih-alih memuat feed, dan
tanda yang Anda beri diantrekan di sini lalu dikirim pada sinkronisasi berikutnya. "feeds add" dan
"feeds remove" mengikuti dan berhenti mengikuti feed di server. Kata sandi tidak pernah ditulis ke
config.json: diambil dari CYBERREAD_SYNC_PASSWORD, dari program yang ditulis setelah "--" (dijalankan tanpa
shell; baris pertama keluarannya adalah kata sandi, mis. -- pass show tt-rss), atau ditanyakan di terminal.`,
  },
  feedAdded: (url) => `${url} ditambahkan. Jalankan "cyberread refresh" untuk memuatnya.`,
  feedExists: (url) => `${url} sudah ada di daftar feed Anda.`,
  feedRemoved: (url, n) => `${url} dihapus beserta ${nId(n)} artikel di cache (artikel berbintang tetap disimpan).`,
  feedNotFound: (url) => `${url} tidak ada di daftar feed Anda. Jalankan "cyberread feeds" untuk melihatnya.`,
  noFeeds: 'Anda belum mengikuti feed apa pun. Tambahkan dengan "cyberread feeds add URL".',
  neverFetched: 'belum pernah dimuat ulang',
  refreshSummary: (feeds, added, failed) => `${nId(feeds)} feed dimuat ulang, ${nId(added)} artikel baru` + (failed ? `, ${nId(failed)} gagal.` : '.'),
  refreshLine: (status, added, updated) =>
    status === 'error' ? 'gagal' : status === 'unchanged' ? 'tidak berubah' : `${added} baru, ${updated} diperbarui`,
  refreshDropped: (n) => `${nId(n)} dibuang oleh aturan ignore`,
  refreshRemoved: (n) => `${nId(n)} artikel lama dihapus (keep)`,
  noArticles: 'Tidak ada artikel yang cocok.',
  articleNotFound: (id) => `Tidak ada artikel dengan id ${id}. Jalankan "cyberread list" untuk melihat id-nya.`,
  marked: (n) => `${nId(n)} artikel ditandai.`,
  markedAll: (n, read) => `${nId(n)} artikel ditandai ${read ? 'sudah' : 'belum'} dibaca.`,
  idsOrAll: 'Sebutkan ID artikel atau --all, bukan keduanya.',
  allNeedsRead: '--all menandai artikel sudah atau belum dibaca: tambahkan --read atau --unread.',
  filterNeedsAll: (option) => `${option} memilih artikel untuk --all; bersama ID artikel, jangan dipakai.`,
  imported: (added, skipped, rejected) => `${nId(added)} feed diimpor; ${nId(skipped)} sudah ada, ${nId(rejected)} ditolak.`,
  rejected: (url, reason) => `Ditolak ${url}: ${asClause(reason)}`,
  imageLabel: 'gambar',
  needsTerminal: 'Pembaca memerlukan terminal interaktif. Dalam skrip, gunakan "cyberread list" atau "cyberread --help".',
  cacheRecovered: (from, to, restored, then) =>
    `Cache artikel ${from} rusak: file-nya dipindahkan ke ${to} dan cache baru dibuat (${nId(restored)} tanda sudah dibaca/berbintang dipulihkan)` +
    (then === 'refresh' ? '; refresh ini mengisinya kembali.' : then === 'reader' ? '; pembaca memuat ulang artikelnya.' : '; jalankan "cyberread refresh" untuk memuat artikelnya lagi.'),
  cacheRecoveredQueue: (n) => `${nId(n)} perubahan yang menunggu dikirim ke server sinkronisasi dipertahankan: sinkronisasi berikutnya mengirimnya.`,
  cacheDamagedNextStart: (path, movedTo) =>
    `Cache artikel ${path} rusak: perintah cyberread berikutnya memindahkannya ke ${movedTo} dan membuat cache baru, dengan tanda sudah dibaca dan berbintang dipertahankan.`,
  needOneOf: (flags) => `Sebutkan tindakannya dengan salah satu dari ${flags}.`,
  needArgument: (what, command) => `"cyberread ${command}" memerlukan ${what}. Jalankan "cyberread ${command} --help".`,
  extraArguments: (words, command) => `"cyberread ${command}" tidak menerima argumen seperti "${words}". Jalankan "cyberread ${command} --help".`,
  tooManyArguments: (extra, what, command) => `"cyberread ${command}" menerima satu ${what}, bukan juga "${extra}". Jalankan "cyberread ${command} --help".`,
  unknownCommand: (word) => `Perintah "${word}" tidak dikenal. Jalankan "cyberread --help" untuk melihat daftar perintah.`,
  unknownSubcommand: (word, command, choices) => `Subperintah "${word}" untuk "${command}" tidak dikenal: gunakan ${orList(choices, 'atau')}.`,
  unknownOption: (option, command) => `Opsi ${option} tidak dikenal untuk ${named(command)}. Jalankan ${helpFor(command)} untuk melihat opsinya.`,
  optionNotHere: (option, command) => `${named(command)} tidak memakai ${option}. Jalankan ${helpFor(command)} untuk melihat opsinya.`,
  optionNeedsValue: (option) => `Opsi ${option} memerlukan nilai.`,
  optionValueLooksLikeOption: (option) => `Opsi ${option} memerlukan nilai; untuk nilai yang diawali "-", tulis ${option}=NILAI.`,
  optionTakesNoValue: (option) => `Opsi ${option} tidak menerima nilai; tulis tanpa nilai.`,
  unreadableCommandLine: (command) => `Baris perintah tidak dapat dibaca. Jalankan "${command} --help".`,
  unexpected: (detail) => `kesalahan tak terduga: ${detail}. Mohon laporkan beserta perintah yang Anda jalankan.`,
  badLimit: '--limit harus bilangan bulat mulai dari 1; --all menampilkan semua artikel.',
  badOffset: '--offset harus bilangan bulat mulai dari 0 (jumlah artikel yang dilewati).',
  allOrLimit: 'Gunakan --all atau --limit N, bukan keduanya.',
  emptySearch: (search) => `Pencarian "${search}" tidak berisi huruf atau angka untuk dicari; tanda kutip, * dan tanda lain dicari sebagai teks biasa.`,
  emptyTag: 'Tagar memerlukan huruf atau angka: tulis --tag ransomware (atau --tag "#ransomware").',
  tagWithSpace: (tag) => `Tagar harus satu kata, sedangkan "${tag}" berisi spasi: tulis --tag ${tag.split(/\s+/).join('-')} atau beri setiap kata --tag sendiri.`,
  badLang: (v) => `Bahasa "${v}" tidak dikenal: gunakan id atau en.`,
  badUrl: (v) => `"${v}" bukan alamat feed: gunakan URL http(s)://, URL file:// atau path lokal.`,
  cacheDirDenied: (dir) => `Tidak bisa membuat direktori cache ${dir}: izin ditolak. Periksa izinnya atau gunakan --home DIR.`,
  cacheDirFailed: (dir, d) => `Tidak bisa membuat direktori cache ${dir}: ${d}.`,
  noIgnoreRules: 'Anda belum punya aturan ignore. Tambahkan dengan "cyberread ignore add KUERI" (--drop agar yang cocok tidak masuk cache).',
  ignoreHidden: (n) => `${nId(n)} artikel disembunyikan saat ini`,
  ignoreDropped: (n, last) => `${nId(n)} tidak dimasukkan ke cache, terakhir pada ${last}`,
  ignoreNoneDropped: 'belum ada yang dibuang',
  ignoreAdded: (q, mode) => `Aturan ${mode} untuk ${q} ditambahkan.`,
  ignoreChanged: (q, mode) => `Aturan untuk ${q} sekarang berjenis ${mode}.`,
  ignoreRemoved: (q) => `Aturan untuk ${q} dihapus; yang disembunyikannya tampil lagi.`,
  ignoreNotFound: (q) => `Tidak ada aturan ignore untuk ${q}. Jalankan "cyberread ignore" untuk melihatnya.`,
  emptyQuery: 'Kuerinya kosong: berikan satu, misalnya "#sponsored".',
  noViews: 'Anda belum punya tampilan tersimpan. Simpan dengan "cyberread views add NAMA KUERI".',
  viewCounts: (unread, total) => `${nId(unread)} belum dibaca dari ${nId(total)}`,
  viewSaved: (name) => `Tampilan "${name}" disimpan.`,
  viewReplaced: (name) => `Tampilan "${name}" sekarang memakai kueri baru.`,
  viewRemoved: (name) => `Tampilan "${name}" dihapus.`,
  viewNotFound: (name) => `Tidak ada tampilan tersimpan bernama "${name}". Jalankan "cyberread views" untuk melihatnya.`,
  badViewName: (max) => `Nama tampilan harus teks sepanjang 1 sampai ${max} karakter.`,
  vacuumDone: (path, before, after) => `${path} dipadatkan: ${before} sebelumnya, ${after} sesudahnya.`,
  keysHeadAction: 'AKSI',
  keysHeadKeys: 'TOMBOL',
  keysHeadWhat: 'FUNGSI (TEMPAT)',
  keysCustomNote: '* tombol Anda sendiri (pengaturan "keys")',
  size: (bytes) => `${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(bytes / 1_000_000)} MB`,
  badFullMode: (v) => `Mode --full "${v}" tidak dikenal: gunakan auto, always atau never.`,
  fullModeSet: (url, mode) => `Artikel lengkap untuk ${url}: ${mode}.`,
  fullFailed: (reason) => `Artikel lengkap tidak dapat dimuat (${reason}); yang ditampilkan teks feed.`,
  fullNoPage: 'Artikel contoh ini tidak punya halaman web: feed sudah memuat seluruh teksnya, tercetak di atas.',
  pagesSummary: (fetched, ok, failed) =>
    `Artikel lengkap: ${nId(fetched)} halaman dimuat, ${nId(ok)} terbaca lengkap` + (failed ? `, ${nId(failed)} gagal.` : '.'),
  fullLabel: 'artikel lengkap',
  feedLabel: 'teks feed',
  syncSetUp: (server, user, level, feeds) =>
    `Sinkronisasi dengan ${server} sebagai "${user}" sudah diatur (Tiny Tiny RSS, API level ${level}, ${nId(feeds)} feed). Jalankan "cyberread sync" untuk membawa feed dan artikelnya ke sini.`,
  syncNotSetUp: 'Sinkronisasi belum diatur: cyberread memuat feed sendiri. Atur dengan "cyberread sync setup ttrss URL --user NAMA".',
  syncOff: (server, dropped) =>
    `Sinkronisasi dengan ${server} dimatikan: cyberread kembali memuat feed sendiri, dan cache tetap ada.` +
    (dropped > 0 ? ` ${nId(dropped)} perubahan yang dibuat di sini tidak pernah sampai ke server.` : ''),
  syncLogoutFailed: (server, reason) =>
    `Tidak bisa logout dari ${server} (${reason.replace(/\.$/, '')}); sesinya sudah dilupakan di sini, dan server mengakhirinya sendiri sehari setelah terakhir dipakai.`,
  syncBadType: (t) => `Jenis server "${t}" tidak dikenal: cyberread melakukan sinkronisasi dengan ttrss (Tiny Tiny RSS).`,
  syncBadUrl: (u) => `"${u}" bukan alamat server: gunakan alamat http(s):// tempat Anda login, tanpa nama pengguna atau kata sandi di dalamnya.`,
  syncEmptyCommand: 'Tidak ada apa pun setelah "--": tulis program yang mencetak kata sandi, mis. -- pass show tt-rss.',
  passwordPrompt: (user, server) => `Kata sandi "${user}" di ${server}: `,
  syncStatusServer: (server, user, from) =>
    `Sinkronisasi dengan ${server} (Tiny Tiny RSS) sebagai "${user}"; kata sandi ${from === 'env' ? 'dari CYBERREAD_SYNC_PASSWORD' : from === 'command' ? 'dari passwordCommand' : 'ditanyakan di terminal'}.`,
  syncStatusLast: (when, feeds) =>
    when === null ? 'Belum pernah sinkronisasi: jalankan "cyberread sync".' : `Sinkronisasi terakhir: ${when}, ${nId(feeds)} feed di server.`,
  syncStatusQueued: (q) => (q === 0 ? 'Tidak ada perubahan yang menunggu dikirim.' : `${nId(q)} perubahan menunggu dikirim pada sinkronisasi berikutnya.`),
  syncStatusError: (when, reason) => `Percobaan terakhir (${when}) gagal: ${asClause(reason)}`,
  syncStatusNeededPassword: (user, server, why, from) =>
    `Pembaca membutuhkan kata sandi "${user}" di ${server}${why === '' ? '' : ` (${asClause(why)})`}; ${
      from === 'env'
        ? 'CYBERREAD_SYNC_PASSWORD kini sudah diisi: jalankan "cyberread sync"'
        : from === 'command'
          ? 'periksa passwordCommand, lalu jalankan "cyberread sync"'
          : 'jalankan "cyberread sync" di terminal untuk mengetikkannya'
    }.`,
  syncSubscribed: (url) => `${url} diikuti di server.`,
  syncUnsubscribed: (url) => `${url} tidak lagi diikuti di server.`,
  syncSummary: (server, added, updated, feeds, pushed, pulled, overruled, queued, ms) =>
    `Sinkronisasi dengan ${server}: ${nId(added)} artikel baru, ${nId(updated)} diperbarui di ${nId(feeds)} feed; ` +
    `${nId(pushed)} perubahan dikirim, ${nId(pulled)} dari server` +
    (overruled > 0 ? `, ${nId(overruled)} perubahan Anda digantikan perubahan yang lebih baru di sana` : '') +
    (queued > 0 ? `; ${nId(queued)} masih antre` : '') +
    ` (${(ms / 1000).toFixed(1).replace('.', ',')} detik).`,
  feedAddedOnServer: (url, server) => `${url} ditambahkan dan diikuti di ${server}. Jalankan "cyberread refresh" untuk membawa artikelnya ke sini.`,
  feedRemovedOnServer: (url, server, n) =>
    `${url} dihapus, tidak lagi diikuti di ${server}, dan ${nId(n)} artikel di cache dihapus (yang berbintang tetap disimpan).`,
  feedQueuedForServer: (url, server, reason) => `${url} diubah di sini; ${server} akan mengetahuinya pada sinkronisasi berikutnya (${reason.replace(/\.$/, '')}).`,
};

export function cliMessages(lang: Edition): CliMessages {
  return lang === 'id' ? id : en;
}
