import type { Edition } from '../types.js';
import { formatCount } from './messages.js';

const nEn = (x: number): string => formatCount(x, 'en');
const nId = (x: number): string => formatCount(x, 'id');
const plural = (x: number, one: string, many: string): string => `${nEn(x)} ${x === 1 ? one : many}`;

/** Every string the command-line interface prints, in both languages (a missing key fails to compile). */
export interface CliMessages {
  usage: string;
  commandHelp: Record<'feeds' | 'refresh' | 'list' | 'show' | 'tags' | 'mark' | 'import' | 'export', string>;
  feedAdded(url: string): string;
  feedExists(url: string): string;
  feedRemoved(url: string, articles: number): string;
  feedNotFound(url: string): string;
  noFeeds: string;
  neverFetched: string;
  refreshSummary(feeds: number, added: number, failed: number): string;
  refreshLine(status: 'new' | 'unchanged' | 'error', added: number, updated: number): string;
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
  cacheRecovered(from: string, to: string, restored: number): string;
  needOneOf(flags: string): string;
  needArgument(what: string, command: string): string;
  extraArguments(words: string, command: string): string;
  badLimit: string;
  badLang(value: string): string;
  badUrl(value: string): string;
  unknownCommand(word: string): string;
  unknownOption(option: string, command: string): string;
  optionNeedsValue(option: string, command: string): string;
  optionAmbiguous(option: string, command: string): string;
  badArguments(detail: string, command: string): string;
  unknownSubcommand(word: string): string;
  cacheDirDenied(dir: string): string;
  cacheDirFailed(dir: string, detail: string): string;
  /** A bug: what failed, and to report it. */
  unexpected(detail: string): string;
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
  cyberread list                 articles, newest first (--query, --tag, --lang, --unread, --starred, --search, --feed, --limit)
  cyberread show ID              one article as readable text
  cyberread tags                 tags with their article counts (--lang, --query)
  cyberread mark ID… --read|--unread|--star|--unstar
  cyberread mark --all [--query, --tag, --lang, --starred, --search, --feed] --read|--unread
  cyberread import FILE.opml     subscribe to the feeds of an OPML file
  cyberread export               print subscriptions as OPML 2.0

Options for every command:
  --home DIR     keep settings and cache in DIR (also CYBERREAD_HOME)
  --lang id|en   language of the interface and edition listed
  --json         machine-readable output
  -h, --help     help for a command        -v, --version   print the version`,
  commandHelp: {
    feeds: `Usage:
  cyberread feeds                        list subscriptions with their last status
  cyberread feeds add URL [--lang id|en] [--title T] [--tag T]…
  cyberread feeds remove URL

URL is http(s)://, file:// or a local path. Removing a feed deletes its cached articles but keeps starred ones.`,
    refresh: `Usage: cyberread refresh [URL…] [--force] [--json]

Fetches all feeds (or the given ones) and prints one line per feed.
--force asks again even when a server said to wait (Retry-After).
Exit code: 0 when every feed worked, 1 when any failed.`,
    list: `Usage: cyberread list [--query Q] [--tag T]… [--lang id|en] [--unread] [--starred] [--search Q] [--feed URL] [--limit N] [--json]

Articles newest first. --query takes the query language, for example
  --query '#databreach OR #ransomware lang:id age:<7d -#sponsored'
  --query '"kebocoran data" feed:cyberthreat since:2024-11-01'
(words and "phrases", #tag, lang:, feed:, author:, title:, unread, read, starred, age:<7d, age:>1m,
since:, until:, OR, parentheses, - to leave out; see the README). Every option narrows the list further.
Several --tag options select articles having all of them.
--lang selects an edition; articles whose language is unknown appear in both.
--search uses the full-text index over title, summary and body. --limit defaults to 50.`,
    show: `Usage: cyberread show ID [--json]

Prints an article as readable text: headings, paragraphs, lists, quotes, images as [image: alt]
and links as [n] footnotes listed at the end. --json adds contentHtml and the other editions.`,
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
  noArticles: 'No articles match.',
  articleNotFound: (id) => `No article with id ${id}. Run "cyberread list" to see the ids.`,
  marked: (n) => `Marked ${plural(n, 'article', 'articles')}.`,
  markedAll: (n, read) => `Marked ${plural(n, 'article', 'articles')} ${read ? 'read' : 'unread'}.`,
  idsOrAll: 'Give article IDs or --all, not both.',
  allNeedsRead: '--all marks articles read or unread: add --read or --unread.',
  filterNeedsAll: (option) => `${option} chooses articles for --all; with article IDs, leave it out.`,
  imported: (added, skipped, rejected) => `Imported ${plural(added, 'feed', 'feeds')}; ${nEn(skipped)} already present, ${nEn(rejected)} refused.`,
  rejected: (url, reason) => `Refused ${url}: ${reason}`,
  imageLabel: 'image',
  needsTerminal: 'The reader needs an interactive terminal. Use "cyberread list" or "cyberread --help" in scripts.',
  cacheRecovered: (from, to, restored) =>
    `The article cache ${from} was damaged; it was moved to ${to} and a fresh cache was built (${restored} read/starred marks recovered).`,
  needOneOf: (flags) => `Say what to do with one of ${flags}.`,
  needArgument: (what, command) => `"cyberread ${command}" needs ${what}. Run "cyberread ${command} --help".`,
  extraArguments: (words, command) => `"cyberread ${command}" takes no argument like "${words}". Run "cyberread ${command} --help".`,
  badLimit: '--limit must be a whole number from 1 to 1000.',
  badLang: (v) => `Unknown language "${v}": use id or en.`,
  badUrl: (v) => `"${v}" is not a feed address: use an http(s):// URL, a file:// URL or a local path.`,
  unknownCommand: (w) => `Unknown command "${w}". Run "cyberread --help" to see the commands.`,
  unknownOption: (o, c) => `Unknown option ${o} for ${named(c)}. Run ${helpFor(c)} to see its options.`,
  optionNeedsValue: (o) => `The option ${o} needs a value.`,
  optionAmbiguous: (o) => `The option ${o} needs a value; for one that starts with "-", write ${o}=VALUE.`,
  badArguments: (d, c) => `${d}. Run ${helpFor(c)}.`,
  unknownSubcommand: (w) => `Unknown "feeds" subcommand "${w}": use add or remove.`,
  cacheDirDenied: (dir) => `Cannot create the cache directory ${dir}: permission denied. Check its permissions or use --home DIR.`,
  cacheDirFailed: (dir, d) => `Cannot create the cache directory ${dir}: ${d}.`,
  unexpected: (d) => `unexpected error: ${d}. Please report it with the command you ran.`,
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
  cyberread list                 artikel, terbaru dulu (--query, --tag, --lang, --unread, --starred, --search, --feed, --limit)
  cyberread show ID              satu artikel sebagai teks
  cyberread tags                 tagar beserta jumlah artikelnya (--lang, --query)
  cyberread mark ID… --read|--unread|--star|--unstar
  cyberread mark --all [--query, --tag, --lang, --starred, --search, --feed] --read|--unread
  cyberread import FILE.opml     ikuti semua feed dari file OPML
  cyberread export               cetak daftar feed sebagai OPML 2.0

Opsi untuk semua perintah:
  --home DIR     simpan pengaturan dan cache di DIR (juga CYBERREAD_HOME)
  --lang id|en   bahasa antarmuka dan edisi yang ditampilkan
  --json         keluaran untuk mesin
  -h, --help     bantuan sebuah perintah   -v, --version   cetak versi`,
  commandHelp: {
    feeds: `Cara pakai:
  cyberread feeds                        daftar feed yang diikuti beserta status terakhirnya
  cyberread feeds add URL [--lang id|en] [--title T] [--tag T]…
  cyberread feeds remove URL

URL berupa http(s)://, file:// atau path lokal. Menghapus feed juga menghapus artikelnya dari cache, kecuali yang berbintang.`,
    refresh: `Cara pakai: cyberread refresh [URL…] [--force] [--json]

Memuat ulang semua feed (atau yang disebut) dan mencetak satu baris per feed.
--force tetap mengambil feed walau server minta menunggu (Retry-After).
Kode keluar: 0 bila semua berhasil, 1 bila ada yang gagal.`,
    list: `Cara pakai: cyberread list [--query Q] [--tag T]… [--lang id|en] [--unread] [--starred] [--search Q] [--feed URL] [--limit N] [--json]

Artikel, terbaru dulu. --query memakai bahasa kueri, misalnya
  --query '#databreach OR #ransomware lang:id age:<7d -#sponsored'
  --query '"kebocoran data" feed:cyberthreat since:2024-11-01'
(kata dan "frasa", #tagar, lang:, feed:, author:, title:, unread, read, starred, age:<7d, age:>1m,
since:, until:, OR, tanda kurung, - untuk mengecualikan; lihat README). Setiap opsi makin mempersempit daftar.
Beberapa --tag memilih artikel yang memiliki semuanya.
--lang memilih edisi; artikel yang bahasanya tidak diketahui muncul di keduanya.
--search memakai indeks teks penuh atas judul, ringkasan dan isi. --limit bawaan 50.`,
    show: `Cara pakai: cyberread show ID [--json]

Mencetak artikel sebagai teks: subjudul, paragraf, daftar, kutipan, gambar sebagai [gambar: alt]
dan tautan sebagai catatan kaki [n] di akhir. --json menambahkan contentHtml dan edisi lainnya.`,
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
  noArticles: 'Tidak ada artikel yang cocok.',
  articleNotFound: (id) => `Tidak ada artikel dengan id ${id}. Jalankan "cyberread list" untuk melihat id-nya.`,
  marked: (n) => `${nId(n)} artikel ditandai.`,
  markedAll: (n, read) => `${nId(n)} artikel ditandai ${read ? 'sudah' : 'belum'} dibaca.`,
  idsOrAll: 'Sebutkan ID artikel atau --all, bukan keduanya.',
  allNeedsRead: '--all menandai artikel sudah atau belum dibaca: tambahkan --read atau --unread.',
  filterNeedsAll: (option) => `${option} memilih artikel untuk --all; bersama ID artikel, jangan dipakai.`,
  imported: (added, skipped, rejected) => `${nId(added)} feed diimpor; ${nId(skipped)} sudah ada, ${nId(rejected)} ditolak.`,
  rejected: (url, reason) => `Ditolak ${url}: ${reason}`,
  imageLabel: 'gambar',
  needsTerminal: 'Pembaca memerlukan terminal interaktif. Dalam skrip, gunakan "cyberread list" atau "cyberread --help".',
  cacheRecovered: (from, to, restored) =>
    `Cache artikel ${from} rusak; file-nya dipindahkan ke ${to} dan cache baru dibuat (${restored} tanda sudah dibaca/berbintang dipulihkan).`,
  needOneOf: (flags) => `Sebutkan tindakannya dengan salah satu dari ${flags}.`,
  needArgument: (what, command) => `"cyberread ${command}" memerlukan ${what}. Jalankan "cyberread ${command} --help".`,
  extraArguments: (words, command) => `"cyberread ${command}" tidak menerima argumen seperti "${words}". Jalankan "cyberread ${command} --help".`,
  badLimit: '--limit harus bilangan bulat dari 1 sampai 1000.',
  badLang: (v) => `Bahasa "${v}" tidak dikenal: gunakan id atau en.`,
  badUrl: (v) => `"${v}" bukan alamat feed: gunakan URL http(s)://, URL file:// atau path lokal.`,
  unknownCommand: (w) => `Perintah "${w}" tidak dikenal. Jalankan "cyberread --help" untuk melihat daftar perintah.`,
  unknownOption: (o, c) => `Opsi ${o} tidak dikenal untuk ${named(c)}. Jalankan ${helpFor(c)} untuk melihat opsinya.`,
  optionNeedsValue: (o) => `Opsi ${o} memerlukan nilai.`,
  optionAmbiguous: (o) => `Opsi ${o} memerlukan nilai; untuk nilai yang diawali "-", tulis ${o}=NILAI.`,
  badArguments: (d, c) => `${d}. Jalankan ${helpFor(c)}.`,
  unknownSubcommand: (w) => `Subperintah "feeds" "${w}" tidak dikenal: gunakan add atau remove.`,
  cacheDirDenied: (dir) => `Tidak bisa membuat direktori cache ${dir}: izin ditolak. Periksa izinnya atau gunakan --home DIR.`,
  cacheDirFailed: (dir, d) => `Tidak bisa membuat direktori cache ${dir}: ${d}.`,
  unexpected: (d) => `kesalahan tak terduga: ${d}. Mohon laporkan beserta perintah yang Anda jalankan.`,
};

export function cliMessages(lang: Edition): CliMessages {
  return lang === 'id' ? id : en;
}
