import { MAX_DEPTH, MAX_QUERY_CHARS, MAX_TERMS } from '../query/parse.js';
import type { QueryProblemCode } from '../query/ast.js';
import { formatCount, type Messages } from './messages.js';
import { asClause } from './clause.js';

const n = (x: number): string => formatCount(x, 'id');
/** Decimal comma, as Indonesian writes numbers: 0,3 detik. */
const dec = (x: number): string => String(Number(x.toFixed(1))).replace('.', ',');
const seconds = (ms: number): string => `${dec(ms / 1000)} detik`;
const MiB = 1024 * 1024;
const cacheAt = (path: string): string => (path === ':memory:' ? 'cache di memori' : `cache di ${path}`);
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
/** Where a key applies (keymap's KeyContext), for the settings' messages about keys. */
const KEY_PLACES: Record<string, string> = {
  list: 'daftar artikel', reader: 'artikel', hashtags: 'tampilan tagar', language: 'tampilan bahasa', help: 'bantuan',
  search: 'baris pencarian', errors: 'tampilan feed gagal', feeds: 'tampilan feed', links: 'pemilih tautan',
  confirm: 'pertanyaan', prompt: 'isian', number: 'nomor tautan',
};
const settingsAction = (action: string): string =>
  action === 'mkdir' ? 'membuat direktori pengaturan' : action === 'write' ? 'menulis file pengaturan' : 'membaca file pengaturan';
const size = (bytes: number): string =>
  bytes >= MiB ? `${dec(bytes / MiB)} MiB` : bytes >= 1024 && bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${n(bytes)} byte`;

/** Why a TLS connection was refused, by the error code Node gives. */
function tlsReason(code: string): string {
  switch (code) {
    case 'CERT_HAS_EXPIRED':
      return 'sertifikatnya sudah kedaluwarsa';
    case 'CERT_NOT_YET_VALID':
      return 'sertifikatnya belum berlaku';
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return 'sertifikatnya ditandatangani sendiri dan tidak dipercaya';
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return 'rantai sertifikatnya memuat sertifikat yang ditandatangani sendiri dan tidak dipercaya';
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      return 'sertifikatnya ditandatangani pihak yang tidak dikenal';
    case 'CERT_REVOKED':
      return 'sertifikatnya sudah dicabut';
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return 'sertifikatnya milik nama lain';
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
      return 'port ini tidak memakai TLS (benarkah alamatnya https?)';
    case 'EPROTO':
      return 'jabat tangan TLS gagal';
    default:
      return `sertifikat atau pengaturan TLS-nya ditolak (${code})`;
  }
}

/**
 * Bahasa Indonesia, as readers of Indonesian tech news write it: the words of glossary.ts (feed, cache,
 * browser, kesalahan …), not dictionary coinages. Indonesian nouns do not inflect for number.
 */
/** Bahasa Indonesia, as a newsroom writes it. Indonesian nouns do not inflect for number. */
/** The query language (src/core/query): where (the column) and why, in one sentence. */
const queryProblem = (code: QueryProblemCode, column: number, token: string): string => {
  const p = { column, token };
  const at = `"${token}" di kolom ${column}`;
  switch (code) {
    case 'unclosedQuote':
      return `Tanda kutip yang dibuka di kolom ${p.column} belum ditutup: tambahkan " penutupnya.`;
    case 'emptyTag':
      return `${at} memerlukan nama tagar, misalnya #ransomware.`;
    case 'emptyValue':
      return `${at} memerlukan nilai setelah titik dua, misalnya author:arif.`;
    case 'unknownField':
      return `${at} bukan filter yang dikenal cyberread (lang, feed, author, title, tag, age, since, until, is); beri tanda kutip untuk mencarinya sebagai teks.`;
    case 'badAge':
      return `${at} bukan umur artikel: tulis age:<7d atau age:>1m (h jam, d hari, w minggu, m bulan, y tahun).`;
    case 'badDate':
      return `${at} bukan tanggal: tulis harinya sebagai TTTT-BB-HH, misalnya since:2024-11-01.`;
    case 'badLang':
      return `${at} bukan kode bahasa: gunakan lang:id atau lang:en.`;
    case 'badState':
      return `${at} bukan status: gunakan is:unread, is:read atau is:starred.`;
    case 'loneOr':
      return `${at} memerlukan sesuatu yang dicari di kedua sisinya.`;
    case 'danglingNot':
      return `${at} harus langsung diikuti hal yang dikecualikan, misalnya -#sponsored.`;
    case 'unclosedParen':
      return `Tanda kurung yang dibuka di kolom ${p.column} belum ditutup: tambahkan ")".`;
    case 'strayParen':
      return `${at} menutup tanda kurung yang tidak pernah dibuka.`;
    case 'emptyParens':
      return `Tanda kurung di kolom ${p.column} tidak berisi apa pun untuk dicari.`;
    case 'nothingToSearch':
      return `${at} tidak memuat huruf atau angka untuk dicari: hapus atau letakkan di dalam frasa.`;
    case 'tooLong':
      return `Kueri terlalu panjang di kolom ${p.column}: gunakan paling banyak ${MAX_TERMS} istilah, ${MAX_DEPTH} tingkat tanda kurung, dan ${n(MAX_QUERY_CHARS)} karakter.`;
    default:
      return `${at} tidak bisa dibaca.`;
  }
};

export const id: Messages = {
  appName: 'cyberread',
  langShortId: 'IND',
  langShortEn: 'ENG',
  langNameId: 'Bahasa Indonesia',
  langNameEn: 'Bahasa Inggris',

  viewList: 'Daftar artikel',
  viewReader: 'Artikel',
  viewHashtags: 'Tagar',
  viewLanguage: 'Bahasa',
  viewHelp: 'Bantuan',
  viewErrors: 'Feed gagal',
  viewSearch: 'Cari',

  unreadCount: (x) => `${n(x)} belum dibaca`,
  unreadCountShort: (x) => `● ${n(x)}`,
  searchActive: (q) => `cari: ${q}`,
  unreadOnlyActive: 'hanya yang belum dibaca',

  emptyList: 'Tidak ada artikel yang cocok',
  emptyListHint: (clear) => `Tekan ${clear} untuk menghapus filter`,
  emptyUnread: 'Tidak ada artikel yang belum dibaca: semua sudah dibaca',
  emptyUnreadHint: (all) => `Tekan ${all} untuk menampilkan semua artikel`,
  emptyStarred: 'Belum ada artikel berbintang',
  emptyStarredHint: (star, all) => `Tekan ${star} pada artikel untuk memberi bintang, ${all} untuk menampilkan semua`,
  emptyEdition: (lang) => `Belum ada artikel dalam ${lang}`,
  emptyEditionHint: (count, other, lang) => `Ada ${n(count)} artikel dalam ${other}: tekan ${lang} untuk membacanya`,
  emptyCache: (refresh) => `Belum ada artikel — tekan ${refresh} untuk memuat ulang feed`,
  noTitle: '(tanpa judul)',

  postedLabel: 'Diposting',
  dateUnknown: 'tanggal tidak diketahui',
  imageLabel: 'Ilustrasi',
  shareLine: (copy, open) => `Bagikan: ${copy} salin tautan · ${open} buka di browser`,
  readAlso: 'Baca juga',
  linksTitle: 'Tautan',
  otherEditionHint: (lang) => `${lang} membuka edisi bahasa lain`,
  noOtherEdition: 'Artikel ini tidak punya edisi bahasa lain',
  articleGone: 'Artikel ini sudah tidak ada di cache',
  endOfList: 'Tidak ada artikel berikutnya di daftar',
  startOfList: 'Ini artikel pertama di daftar',

  fullLoading: 'Memuat artikel lengkap…',
  fullShown: 'artikel lengkap',
  feedShown: 'teks feed',
  fullNotAvailable: (reason) => `Artikel lengkap tidak tersedia: ${asClause(reason)}`,
  fullIsFeed: 'Feed sudah memuat artikel selengkapnya',
  fullCancelled: 'Memuat artikel lengkap dibatalkan',
  pageErrHttp: (status) => `situs menjawab ${status}`,
  pageErrTooLarge: 'halaman lebih besar dari 5 MiB',
  pageErrTimeout: 'situs tidak menjawab tepat waktu',
  pageErrNetwork: 'situs tidak dapat dihubungi',
  pageErrRefused: 'tautannya bukan alamat http(s)',
  pageErrNotHtml: 'tautannya bukan halaman web',
  pageErrNoArticle: 'tidak ada artikel di halaman itu',
  pageErrTooComplex: 'halaman terlalu rumit untuk dibaca',
  pageErrExtractTimeout: 'membaca halaman terlalu lama',
  pageErrNoLink: 'artikel ini tidak punya tautan',
  pageErrNoPage: 'artikel contoh ini tidak punya halaman web: feed sudah memuat seluruh teksnya',
  pageErrNoHost: 'host situs tidak ditemukan',
  pageErrTls: 'koneksi aman ke situs tidak dapat dibuat',
  pageErrProxy: 'proxy tidak dapat dipakai (periksa HTTP_PROXY / HTTPS_PROXY)',
  pageErrIncomplete: 'situs mengirim halaman yang terpotong atau rusak',
  pageErrBadAnswer: 'jawaban situs tidak dapat dibaca',
  pageErrRedirect: 'situs mengalihkan ke alamat yang tidak dapat diikuti cyberread',
  fullNoPage: 'Artikel contoh ini tidak punya halaman web: feed sudah memuat seluruh teksnya',

  linkCopied: 'Tautan disalin ke papan klip',
  noLink: 'Artikel ini tidak punya tautan',
  linkRefused: 'Hanya tautan http(s) yang bisa dibuka atau disalin',
  linkOpened: 'Dibuka di browser',
  openFailed: (m) => `Tautan tidak bisa dibuka: ${asClause(m)}`,
  markedRead: 'Ditandai sudah dibaca',
  markedUnread: 'Ditandai belum dibaca',
  starred: 'Ditandai bintang',
  unstarred: 'Bintang dihapus',
  languageSwitched: (name) => `Bahasa: ${name}`,

  refreshProgress: (done, total) => `${n(done)}/${n(total)} feed`,
  newArticles: (x) => `${n(x)} baru`,
  newInEdition: (x, edition) => `${n(x)} baru di ${edition}`,
  syncPasswordWait: (user, key) => `sinkronisasi menunggu kata sandi "${user}" — tekan ${key} untuk mengetiknya`,
  feedsFailed: (x, errors) => `${n(x)} feed gagal — tekan ${errors}`,
  refreshRunning: 'Feed sedang dimuat ulang',
  refreshFailed: (m) => `Gagal memuat ulang: ${asClause(m)}`,
  lastRefreshed: (rel) => `diperbarui ${rel}`,
  neverRefreshed: (refresh) => `belum pernah dimuat ulang — tekan ${refresh}`,
  cacheDamaged: (path, movedTo) =>
    `Cache rusak: keluar lalu jalankan cyberread lagi agar cache baru dibuat, dengan tanda sudah dibaca dan berbintang dipertahankan (${path} akan dipindahkan ke ${movedTo})`,
  cacheRebuilt: (movedTo, restored, refreshing, refresh) =>
    `Cache rusak dan cache baru sudah dibuat` +
    (refreshing ? '; artikel sedang dimuat ulang' : `; tekan ${refresh} untuk memuat ulang artikel`) +
    ` (${n(restored)} tanda sudah dibaca/berbintang dipertahankan; file yang rusak kini ${movedTo})`,

  errorsEmpty: 'Tidak ada feed yang gagal saat terakhir dimuat ulang',
  errorsIntro: 'Feed berikut gagal saat terakhir dimuat ulang:',

  tooSmall: (w, h) => `Terminal terlalu kecil (${w}×${h}); minimal 40×10`,

  hashtagsPrompt: 'Ketik untuk menyaring: ',
  hashtagsEmpty: 'Belum ada tagar di edisi ini',
  hashtagsNoMatch: 'Tidak ada tagar yang cocok',
  hashtagsActive: (t) => `Aktif: ${t}`,

  languagePrompt: 'Pilih bahasa antarmuka dan edisi berita',
  languageCurrent: (name) => `Saat ini: ${name}`,

  searchPrompt: 'Cari: ',
  searchHint: (keep, clear) => `${keep} simpan hasil · ${clear} hapus`,
  searchHelpHint: (key) => `${key} bantuan`,

  helpTitle: (view) => `Tombol — ${view}`,
  helpPromptAddFeed: 'Tambah feed',
  helpPromptRename: 'Ganti nama feed',
  helpPromptFeedLang: 'Bahasa feed',
  helpPromptSyncPassword: 'Kata sandi sinkronisasi',
  helpClose: (keys) => `${keys} menutup bantuan`,
  keysOr: (head, last) => `${head}, atau ${last}`,
  whereAll: 'semua',
  whereList: 'daftar',
  whereReader: 'artikel',
  whereHashtags: 'tagar',
  whereLanguage: 'bahasa',
  whereHelp: 'bantuan',
  whereSearch: 'cari',
  whereErrors: 'feed gagal',

  actHelp: 'daftar tombol di layar ini',
  actBack: 'kembali',
  actQuit: 'keluar',
  actQuitList: 'keluar (dari daftar)',
  actLang: 'ganti bahasa IND ↔ ENG (di artikel: buka edisi bahasa lain)',
  actLanguageView: 'pilih bahasa',
  actRefresh: 'muat ulang feed sekarang',
  actDown: 'turun',
  actUp: 'naik',
  actPageDown: 'halaman berikutnya',
  actPageUp: 'halaman sebelumnya',
  actTop: 'ke paling atas',
  actBottom: 'ke paling bawah',
  actOpen: 'buka artikel',
  actHashtags: 'pilih tagar sebagai filter',
  actSearch: 'cari di judul, ringkasan, dan isi',
  actClear: 'hapus semua filter: tagar, pencarian, feed, hanya belum dibaca atau berbintang',
  actUnread: 'tampilkan yang belum dibaca saja / semua',
  actToggleRead: 'tandai sudah / belum dibaca',
  actToggleStar: 'tandai / hapus bintang',
  actOpenLink: 'buka tautan artikel di browser',
  actScrollDown: 'gulir ke bawah',
  actScrollUp: 'gulir ke atas',
  actNext: 'artikel berikutnya di daftar',
  actPrev: 'artikel sebelumnya di daftar',
  actFocusRelated: 'pindah ke "Baca juga" dan kembali',
  actOpenRelated: 'buka artikel "Baca juga" yang dipilih',
  actCopyLink: 'salin tautan (OSC 52)',
  actToggleFull: 'artikel lengkap / teks feed',
  actErrors: 'lihat kesalahan feed yang gagal',
  actNarrow: 'ketik untuk menyaring daftar',
  actDeleteChar: 'hapus huruf terakhir yang diketik',
  actAddTag: 'tambahkan tagar ke filter (atau lepas yang bertanda ✓)',
  actApplySearch: 'simpan hasil pencarian',
  actCancelSearch: 'hapus pencarian',
  actChooseLanguage: 'pilih bahasa yang disorot',

  hintMove: 'pindah',
  hintOpen: 'buka',
  hintScroll: 'gulir',
  hintArticle: 'artikel',
  hintHashtags: 'tagar',
  hintSearch: 'cari',
  hintLang: 'bahasa',
  hintBack: 'kembali',
  hintQuit: 'keluar',
  hintHelp: 'bantuan',
  hintRefresh: 'muat ulang',
  hintAdd: 'tambah/lepas',
  hintReadAlso: 'baca juga',
  hintFull: 'lengkap/feed',
  hintChoose: 'pilih',
  hintBackToArticle: 'isi artikel',

  keysWhere: 'tempat',
  keysKey: 'tombol',
  keysAction: 'aksi',
  keyType: 'ketik',




  // bahasa kueri (src/core/query): di mana (kolom) dan mengapa, dalam satu kalimat
  queryProblem,
  queryActive: (q) => `kueri: ${q}`,

  openOnlyHttp: 'Hanya tautan http dan https yang bisa dibuka',
  openBadChars: 'Tautan berisi spasi atau karakter kendali sehingga tidak dibuka',
  openNoOpener: (cmd) => `Program pembuka tautan tidak ditemukan (${cmd}); atur $BROWSER atau buka tautannya sendiri`,
  openFailedToStart: (cmd, m) => `${cmd} tidak bisa dijalankan: ${m}`,

  notifyNew: (x) => `cyberread: ${n(x)} artikel baru`,
  notifyNewIn: (x, edition) => `cyberread: ${n(x)} artikel baru di ${edition}`,
  notifyNoCommand: 'notify bernilai "command" tetapi notifyCommand kosong',
  notifyFailed: (cmd, why) => `Program notifikasi ${cmd} tidak bisa dijalankan: ${asClause(why)}`,
  notifyNotFound: 'tidak ditemukan',
  enclosuresTitle: 'Lampiran',
  enclosureUnknownType: 'file',

  viewFeeds: 'Feed',
  viewLinks: 'Tautan',
  feedActive: (title) => `feed: ${title}`,
  viewActive: (name) => `tampilan: ${name}`,
  viewRowHint: (open) => `tampilan tersimpan (pengaturan "views", cyberread views add) · ${open} menampilkannya`,
  starredOnlyActive: 'hanya berbintang',
  feedsEmpty: (add) => `Belum ada feed — tekan ${add} untuk menambah`,
  feedsNever: 'belum',
  feedsNeverFetched: (refresh) => `belum pernah dimuat — tekan ${refresh} untuk memuatnya`,
  feedsFetched: (rel) => `dimuat ${rel}`,
  promptAddFeed: 'Tambah feed: ',
  promptAddHint: (ok, cancel) => `URL [--lang id|en] [--title T] [--tag T] [--full auto|always|never] · ${ok} menambah · ${cancel} batal`,
  promptRename: 'Nama: ',
  promptRenameHint: (ok, cancel) => `${ok} menyimpan (kosong: judul asli feed) · ${cancel} batal`,
  promptAddHintShort: (ok, cancel) => `${ok} menambah · ${cancel} batal`,
  promptFeedLang: 'Bahasa: ',
  promptFeedLangHint: (ok, cancel) => `id, en, atau kosong (dikenali per artikel) · ${ok} menyimpan · ${cancel} batal`,
  promptSaveHint: (ok, cancel) => `${ok} menyimpan · ${cancel} batal`,
  promptSyncPassword: (user, server) => `Kata sandi "${user}" di ${server}: `,
  promptSyncPasswordHint: (ok, cancel) => `${ok} sinkronisasi · ${cancel} batal (disimpan di memori sampai Anda keluar)`,
  promptSyncPasswordHintShort: (ok, cancel) => `${ok} sinkronisasi · ${cancel} batal`,
  feedNeedUrl: 'Ketik alamat feed',
  feedBadUrl: (v) => `"${v}" bukan alamat feed: gunakan URL http(s)://, URL file:// atau path lokal`,
  feedBadLang: (v) => `Bahasa "${v}" tidak dikenal: gunakan id atau en`,
  feedBadOption: (v) => `"${v}" bukan opsi di sini: gunakan --lang, --title, --tag atau --full`,
  feedBadFull: (v) => `Mode --full "${v}" tidak dikenal: gunakan auto, always atau never`,
  feedNeedValue: (opt) => `${opt} perlu nilai`,
  feedBadTag: (tag) => `Tagar harus satu kata, sedangkan "${tag}" berisi spasi: tulis ${tag.split(/\s+/).join('-')} atau beri setiap kata --tag sendiri`,
  feedEmptyTag: 'Tagar memerlukan huruf atau angka',
  feedExists: (url) => `${url} sudah ada di daftar feed Anda`,
  feedAdded: (title) => `${title} ditambahkan; sedang dimuat`,
  feedAddedLater: (title) => `${title} ditambahkan; dimuat setelah muat ulang yang sedang berjalan selesai`,
  feedRenamed: (title) => `Nama diganti menjadi ${title}`,
  feedLangSet: (code) => `Bahasa feed: ${code}; artikelnya kini masuk edisi itu`,
  feedLangAuto: 'Bahasa feed: dikenali per artikel, untuk artikel yang dimuat mulai sekarang',
  feedFullTextSet: (mode, full) =>
    mode === 'auto'
      ? 'Artikel lengkap feed ini: auto — halaman artikel dimuat bila feed hanya membawa cuplikan'
      : mode === 'always'
        ? 'Artikel lengkap feed ini: always — halaman setiap artikel dimuat'
        : `Artikel lengkap feed ini: never — halaman dimuat hanya bila Anda menekan ${full} pada artikelnya`,
  feedsFullText: (mode) => `artikel lengkap: ${mode}`,
  feedRemoved: (title, x) => `${title} dihapus beserta ${n(x)} artikel di cache; artikel berbintang tetap disimpan`,
  feedGone: 'Feed itu sudah tidak ada di daftar Anda',
  confirmRemoveFeed: (title, total, starred) =>
    `Hapus ${title}? ${n(total - starred)} artikel di cache ikut terhapus, ${n(starred)} yang berbintang tetap`,
  confirmMarkAll: (x) => `Tandai ${n(x)} artikel di daftar ini sudah dibaca?`,
  confirmMarkFeed: (title, x) => `Tandai ${n(x)} artikel ${title} yang belum dibaca sebagai sudah dibaca?`,
  confirmAnswers: (yes) => `${yes}: ya · tombol lain: tidak`,
  confirmRemoveAnswers: (yes) => `${yes}: hapus · tombol lain: batal`,
  cancelled: 'Dibatalkan',
  markedAllRead: (x, undo) => `${n(x)} artikel ditandai sudah dibaca — ${undo} mengurungkan`,
  nothingToMark: 'Tidak ada artikel yang belum dibaca di sini',
  undone: (x) => `Diurungkan: ${n(x)} artikel kembali belum dibaca`,
  nothingToUndo: 'Tidak ada yang bisa diurungkan',
  noMoreUnread: 'Tidak ada lagi artikel yang belum dibaca',
  noPrevUnread: 'Tidak ada artikel belum dibaca sebelum ini',
  noUnreadHere: (here, count, other, key) => `Semua artikel di ${here} sudah dibaca; ${n(count)} belum dibaca di ${other}: tekan ${key} untuk berpindah`,
  noUnreadHereReader: (here, count, other, key) => `Semua artikel di ${here} sudah dibaca; ${n(count)} belum dibaca di ${other}: tekan ${key} di daftar untuk berpindah`,
  nextFeed: (title) => `Feed berikutnya yang punya artikel belum dibaca: ${title}`,
  switchedEdition: (name, clear, back) => `Artikel feed ini ada di edisi ${name}: ditampilkan di sana (${clear} kembali ke ${back})`,
  linksEmpty: 'Artikel ini tidak punya tautan atau lampiran',
  linkNumber: (digits, open, cancel) => `Tautan ${digits}█ — ${open} membuka · ${cancel} batal`,
  noSuchLink: (x) => `Tidak ada tautan [${x}] di artikel ini`,
  openedInPlayer: 'Dibuka di pemutar',

  actFeeds: 'tampilkan daftar feed',
  actMarkAll: 'tandai semua artikel di daftar sudah dibaca (ditanya dulu)',
  actUndo: 'urungkan penandaan terakhir selama pesannya tampil',
  actNextUnread: 'artikel belum dibaca berikutnya (di pembaca: langsung dibuka)',
  actPrevUnread: 'artikel belum dibaca sebelumnya (di pembaca: langsung dibuka)',
  actStarredOnly: 'hanya yang berbintang / semua',
  actLinkDigits: (open) => `ketik nomor tautan, lalu ${open} membukanya`,
  actLinks: 'pilih tautan atau lampiran untuk dibuka',
  actOpenTarget: 'buka tautan yang dipilih (lampiran: dengan pemutar)',
  actCopyTarget: 'salin tautan yang dipilih (OSC 52)',
  actOpenFeed: 'tampilkan artikel feed ini',
  actAddFeed: 'tambah feed (URL dan opsi feeds add)',
  actRenameFeed: 'ganti nama feed',
  actFeedLang: 'atur bahasa feed',
  actFeedFullText: 'artikel lengkap dari feed: auto, always, never',
  actRemoveFeed: 'hapus feed (artikel berbintang tetap disimpan)',
  actRefreshFeed: 'muat ulang feed ini sekarang',
  actMarkFeedRead: 'tandai artikel feed ini sudah dibaca (ditanya dulu)',
  actConfirm: 'setuju',
  actCancelConfirm: 'batal',
  actPromptType: 'ketik teksnya',
  actPromptSubmit: 'simpan',
  actPromptCancel: 'batal',
  whereFeeds: 'feed',
  whereLinks: 'tautan',
  whereConfirm: 'pertanyaan',
  wherePrompt: 'isian',
  whereNumber: 'nomor tautan',
  actOpenNumber: 'buka tautan bernomor itu (lampiran: dengan pemutar)',
  keyOther: 'tombol lain',
  keyDigits: '0–9',
  hintFeeds: 'feed',
  hintAddFeed: 'tambah',
  hintRename: 'ganti nama',
  hintRemove: 'hapus',
  hintMarkRead: 'tandai dibaca',
  hintLinks: 'tautan',
  hintCopy: 'salin',
  hintUnread: 'belum dibaca',

  errUnexpected: (detail) => `Terjadi kesalahan tak terduga: ${detail}`,

  errClosing: 'cyberread sedang ditutup; feed tidak diambil.',
  errEmptyAddress: 'Alamat feed kosong.',
  errBadAddress: (address) => `Alamat tidak valid: ${address}.`,
  errBadFileAddress: (address) => `Alamat file tidak bisa dipakai: ${address}.`,
  errScheme: (scheme) => `cyberread tidak mengambil alamat ${scheme}; gunakan http(s)://, file:// atau path lokal.`,
  errBadProxy: (name, value) => `Pengaturan proxy ${name} bukan alamat yang bisa dipakai (${value}); perbaiki atau hapus.`,
  errCancelled: (url) => `Pengambilan ${url} dibatalkan.`,
  errCancelledClosing: (url) => `Pengambilan ${url} dibatalkan karena cyberread sedang ditutup.`,
  errProxyRefused: (proxy) => `Tidak bisa terhubung ke proxy ${proxy}: koneksi ditolak. Periksa HTTP_PROXY / HTTPS_PROXY.`,
  errProxyNotFound: (proxy) => `Proxy ${proxy} tidak ditemukan: host tidak ada. Periksa HTTP_PROXY / HTTPS_PROXY.`,
  errProxyTls: (host) => `Tidak bisa terhubung dengan aman ke proxy untuk ${host}. Periksa HTTPS_PROXY.`,
  errConnectTimeout: (host, ms) => `Tidak bisa terhubung ke ${host} dalam ${seconds(ms)}. Periksa alamatnya atau coba lagi nanti.`,
  errAnswerTimeout: (host, ms) => `${host} tidak menjawab dalam ${seconds(ms)}.`,
  errBodyTimeout: (host, ms) => `${host} tidak mengirim feed secara lengkap dalam ${seconds(ms)}; coba lagi nanti.`,
  errRefused: (host) => `Tidak bisa terhubung ke ${host}: koneksi ditolak. Periksa alamatnya atau coba lagi nanti.`,
  errNoSuchHost: (host) => `${host} tidak ditemukan: host tidak ada. Periksa alamatnya atau jaringan Anda.`,
  errDnsAgain: (host) => `Tidak bisa mencari ${host} (DNS gagal sementara). Periksa jaringan Anda atau coba lagi nanti.`,
  errUnreachable: (host) => `Tidak bisa menjangkau ${host}: jaringan tidak terjangkau. Periksa koneksi Anda.`,
  errLengthMismatch: (host) => `${host} mengirim isi yang tidak cocok dengan Content-Length-nya; feed tidak lengkap. Coba lagi nanti.`,
  errLengthExceeded: (host) => `${host} mengirim lebih banyak byte daripada Content-Length-nya; feed mungkin terpotong. Coba lagi nanti.`,
  errHeadersTooLarge: (host) => `${host} mengirim header respons yang terlalu besar; cyberread berhenti.`,
  errTls: (host, code) => `Tidak bisa terhubung dengan aman ke ${host}: ${tlsReason(code)}. Periksa alamatnya atau beri tahu pemilik situs.`,
  errNotHttp: (host) => `${host} mengirim respons HTTP yang tidak valid; cyberread berhenti.`,
  errClosedEarly: (host) => `${host} menutup koneksi sebelum feed lengkap. Coba lagi nanti.`,
  errClosedNoAnswer: (host) => `${host} menutup koneksi tanpa menjawab. Coba lagi nanti.`,
  errFetch: (url, detail) => `Tidak bisa mengambil ${url}: ${detail || 'kesalahan tidak diketahui'}.`,
  errTooManyEncodings: (host, encodings) => `${host} mengirim feed dengan terlalu banyak content encoding (${encodings}).`,
  errUnknownEncoding: (host, encoding) => `${host} mengirim feed dalam encoding yang tidak bisa dibaca cyberread (${encoding}).`,
  errDamagedEncoding: (host, encodings) => `${host} mengirim isi ${encodings} yang rusak; coba lagi nanti.`,
  errTooLarge: (bytes) => `Feed lebih besar dari ${size(bytes)}; cyberread berhenti membacanya.`,
  errUnpacksTooLarge: (bytes) => `Setelah diekstrak, feed lebih besar dari ${size(bytes)}; cyberread berhenti membacanya.`,
  errRedirectNowhere: (status) => `Server menjawab ${status} (pengalihan) tanpa menyebut tujuannya; periksa alamat feed.`,
  errRedirectBad: (host, location) => `${host} mengalihkan ke alamat yang tidak valid (${location}).`,
  errRedirectScheme: (host, scheme) => `${host} mengalihkan ke alamat ${scheme}; cyberread hanya mengikuti pengalihan ke http dan https.`,
  errRedirectLoop: (from, to) => `Pengalihan berputar: ${from} kembali ke ${to}. Periksa alamat feed.`,
  errTooManyRedirects: (max, start) => `Terlalu banyak pengalihan (lebih dari ${max}) mulai dari ${start}.`,
  errWaitAsked: (status, until) => `Server meminta menunggu (${status}); cyberread tidak akan meminta lagi sebelum ${until}.`,
  errStatus: (status, reason) => `Server menjawab ${status}${reason ? ` ${reason}` : ''}.`,
  errSkippedWait: (until) => `Server meminta cyberread menunggu sampai ${until}; dilewati.`,
  errIsDirectory: (path) => `${path} adalah direktori, bukan file feed.`,
  errNotAFile: (path) => `${path} bukan file biasa; cyberread hanya membaca file feed.`,
  errNoSuchFile: (path) => `File tidak ada: ${path}. Periksa path-nya.`,
  errNoSuchFileHost: (path) => `File tidak ada: ${path}. Untuk alamat web, awali dengan https://.`,
  errFileDenied: (path) => `Tidak bisa membaca ${path}: izin ditolak.`,
  errFileRead: (path, detail) => `Tidak bisa membaca ${path}: ${detail}.`,

  errEmptyDocument: 'Feed kosong: dokumennya tidak berisi apa pun.',
  errBinary: 'Ini bukan feed: dokumennya data biner, bukan teks.',
  errPlainText: 'Ini bukan feed: dokumennya teks biasa, bukan RSS, Atom atau JSON Feed.',
  errHtml: 'Ini bukan feed: dokumennya HTML, bukan RSS, Atom atau JSON Feed.',
  errNotAFeed: 'Ini bukan feed: dokumennya bukan RSS, Atom atau JSON Feed.',
  errDamagedXml: 'Feed rusak dan tidak bisa diperbaiki: XML-nya tidak valid dan tidak ada feed yang bisa dibaca darinya.',
  errBadJson: 'Ini bukan feed: dokumennya tampak seperti JSON tetapi JSON-nya tidak valid.',
  errJsonNotFeed: 'Ini bukan feed: dokumennya JSON tetapi bukan JSON Feed.',
  errTooDeep: (levels) => `Feed bersarang terlalu dalam (lebih dari ${levels} tingkat) untuk dibaca dengan aman.`,
  errTooComplex: 'Feed terlalu besar atau terlalu rumit untuk dibaca dengan aman.',
  errParserFailed: 'Feed tidak bisa dibaca karena parser gagal secara tak terduga.',
  errDocumentTooLarge: (bytes) => `Feed terlalu besar (lebih dari ${size(bytes)}) untuk dibaca dengan aman.`,
  errSamplesMissing: (from) => `Feed contoh tidak ditemukan di folder samples/ mana pun di atas ${from}; pasang ulang cyberread.`,
  errRefreshStopped: 'Muat ulang berhenti tiba-tiba; yang sudah tersimpan tetap ada. Jalankan lagi.',

  errSettingsDenied: (action, path) => `Tidak bisa ${settingsAction(action)} ${path}: izin ditolak. Periksa izin direktorinya atau gunakan --home DIR.`,
  errSettingsDiskFull: (action, path) => `Tidak bisa ${settingsAction(action)} ${path}: disk penuh. Kosongkan sebagian ruang lalu coba lagi.`,
  errSettingsNotDir: (action, path) =>
    `Tidak bisa ${settingsAction(action)} ${path}: ada file di tempat yang seharusnya direktori. Pindahkan file itu atau gunakan --home DIR.`,
  errSettingsFs: (action, path, detail) => `Tidak bisa ${settingsAction(action)} ${path}: ${detail}.`,
  errSettingsChanged: (path) => `File pengaturan ${path} tidak lagi berisi JSON yang valid, jadi tidak diubah. Perbaiki atau pindahkan.`,
  errSettingsJson: (path, detail) =>
    `File pengaturan ${path} bukan JSON yang valid (${detail}). Perbaiki atau pindahkan agar cyberread mulai dengan pengaturan baru.`,
  errSettingsNotObject: (path, what) =>
    `File pengaturan ${path} berisi ${what === 'null' ? 'null' : what === 'list' ? 'daftar' : what === 'string' ? 'teks' : what === 'number' ? 'angka' : what} dan bukan objek seperti {"feeds": []}. Perbaiki atau pindahkan agar cyberread mulai dengan pengaturan baru.`,

  errUrlEmpty: 'outline-nya tidak punya xmlUrl',
  errUrlControl: 'URL-nya berisi karakter kendali',
  errUrlTooLong: (max) => `URL-nya lebih panjang dari ${max} karakter`,
  errUrlNoHost: 'URL-nya tidak punya host',
  errUrlInvalid: 'URL-nya tidak valid',
  errUrlRemoteFile: 'URL file: harus menunjuk ke file lokal',
  errUrlScheme: (scheme) => `skema ${scheme} tidak didukung`,
  errNotOpml: (why) => `File ini bukan OPML: ${why}.`,
  errOpmlIsFeed: (root) => `ini sebuah feed (elemen akar <${root}>), bukan daftar feed; tambahkan sebagai feed`,
  errOpmlRoot: (root) => `elemen akarnya <${root}>, seharusnya <opml>`,
  errOpmlEmpty: 'isinya kosong',
  errOpmlJson: 'isinya tampak seperti JSON, bukan XML',
  errOpmlNoXml: 'isinya tidak memuat elemen XML',
  errOpmlTooLarge: (mb, limit) => `File OPML ini terlalu besar untuk diimpor (${mb} MB; batasnya ${limit} MB).`,
  errOpmlTooDeep: (max) => `File OPML ini menyusun outline lebih dari ${max} tingkat, jadi tidak diimpor; ratakan foldernya lalu coba lagi.`,
  errOpmlMoreRefused: (count) => `${n(count)} outline lain ditolak karena alasan di atas atau yang serupa`,
  errOpmlTooMany: (more, max) => `feed ini dan ${n(more)} feed lain tidak diimpor: satu impor paling banyak ${max} feed`,
  errOpmlNoFile: (path) => `File ${path} tidak ada.`,
  errOpmlRead: (path, detail) => `Tidak bisa membaca ${path}: ${detail}.`,
  errSettingUnknown: (key, path) => `Pengaturan "${key}" di ${path} tidak dikenal dan diabaikan.`,
  errSettingFeedNoUrl: (n, path) => `Feed #${n} di ${path} diabaikan: perlu "url" berupa teks.`,
  errSettingFeedRefused: (n, url, path, why) => `Feed #${n} (${url}) di ${path} diabaikan: ${why}.`,
  errSettingLang: (path) => `"lang" di ${path} diabaikan: isinya harus "id" atau "en".`,
  errSettingTimeZone: (path) => `"timeZone" di ${path} diabaikan: isinya harus zona IANA seperti "Asia/Jakarta".`,
  errSettingNumber: (key, path, max) => `"${key}" di ${path} diabaikan: isinya harus bilangan bulat dari 1 sampai ${max}.`,
  errSettingArgv: (key, path) => `"${key}" di ${path} diabaikan: isinya harus daftar kata seperti ["notify-send", "cyberread"], programnya dulu.`,
  errSettingNotifyCommand: (path) => `"notify" di ${path} diabaikan: "command" memerlukan "notifyCommand", misalnya ["notify-send", "cyberread"].`,
  errSettingNotify: (path) => `"notify" di ${path} diabaikan: isinya harus "bell", "osc9" atau "command".`,

  errCacheDiskFull: (path) => `Tidak bisa menulis ${cacheAt(path)}: disk penuh. Kosongkan sebagian ruang lalu coba lagi.`,
  errCacheReadOnly: (path) => `Tidak bisa menulis ${cacheAt(path)}: file atau direktorinya hanya-baca. Periksa izinnya atau gunakan --home DIR.`,
  errCacheCantOpen: (path) => `Tidak bisa membuka ${cacheAt(path)}: direktorinya tidak ada atau tidak bisa ditulisi. Periksa izinnya atau gunakan --home DIR.`,
  errCacheLocked: (path) => `${cap(cacheAt(path))} terlalu lama dikunci proses cyberread lain. Coba lagi sebentar lagi.`,
  errCacheDamaged: (path) => `${cap(cacheAt(path))} rusak: saat cyberread membukanya lagi, file-nya dipindahkan dan cache baru dibuat.`,
  errCacheIo: (path, code) => `Tidak bisa membaca atau menulis ${cacheAt(path)}: disk melaporkan kesalahan (${code}). Periksa disk lalu coba lagi.`,
  errCacheFailed: (path, detail, code) => `${cap(cacheAt(path))} gagal: ${detail} (${code}).`,
  errCacheNoDir: (path, dir) => `Tidak bisa membuat cache di ${path}: direktori ${dir} tidak ada. Buat direktorinya atau gunakan --home DIR.`,
  errCacheNotDir: (path, dir) => `Tidak bisa membuat cache di ${path}: ${dir} bukan direktori. Gunakan --home DIR untuk memilih tempat lain.`,
  errCacheDirReadOnly: (path) => `Tidak bisa menulis cache di ${path}: direktorinya hanya-baca. Periksa izinnya atau gunakan --home DIR.`,
  errCacheFileReadOnly: (path) => `Tidak bisa menulis cache di ${path}: file-nya hanya-baca. Periksa izinnya atau gunakan --home DIR.`,
  errCacheMoveAside: (path, to) => `Cache di ${path} rusak dan tidak bisa dipindahkan ke ${to}. Pindahkan atau hapus sendiri, atau gunakan --home DIR.`,
  errCacheNewer: (path, schema, known) =>
    `Cache di ${path} ditulis oleh cyberread yang lebih baru (skema ${schema}, versi ini mengenal ${known}). Perbarui cyberread atau gunakan --home DIR.`,
  errSettingNotList: (key, path) => `"${key}" di ${path} diabaikan: isinya harus berupa daftar.`,
  errSettingQuery: (key, n, path, code, column, token) =>
    `"${key}" #${n} di ${path} diabaikan: kuerinya tidak bisa dibaca: ${queryProblem(code, column, token)}`,
  errSettingEmptyQuery: (key, n, path) => `"${key}" #${n} di ${path} diabaikan: kuerinya kosong.`,
  errSettingIgnoreShape: (n, path) =>
    `"ignore" #${n} di ${path} diabaikan: tulis sebagai {"query": "#sponsored", "mode": "hide"} ("hide" atau "drop").`,
  errSettingIgnoreMode: (n, path, mode) => `"ignore" #${n} di ${path} diabaikan: "mode"-nya harus "hide" atau "drop", bukan ${mode}.`,
  errSettingViewShape: (n, path) => `"views" #${n} di ${path} diabaikan: tulis sebagai {"name": "Bocor", "query": "#databreach"}.`,
  errSettingViewName: (n, path, max) => `"views" #${n} di ${path} diabaikan: "name"-nya harus teks sepanjang 1 sampai ${max} karakter.`,
  errSettingViewTwice: (n, path, name) => `"views" #${n} di ${path} diabaikan: sudah ada tampilan bernama "${name}" sebelumnya.`,
  errSettingKeepShape: (path) => `Sebagian "keep" di ${path} diabaikan: tulis sebagai {"days": 90, "perFeed": 500} (salah satu atau keduanya).`,
  errSettingThemeShape: (path) =>
    `"theme" di ${path} diabaikan: tulis "dark", "light" atau "mono", atau warna per peran seperti {"tag": "#00afaf", "star": 214}.`,
  errSettingThemeName: (path, value) => `"theme" di ${path} diabaikan: "${value}" bukan tema; gunakan "dark", "light" atau "mono".`,
  errSettingThemeRole: (path, role) =>
    `"theme.${role}" di ${path} diabaikan: perannya selection, unread, star, tag, header, error, link, quote, code dan dim.`,
  errSettingThemeColor: (path, role, value) =>
    `"theme.${role}" di ${path} diabaikan: ${value} bukan warna (nama seperti "cyan", "#rrggbb" atau 0 sampai 255), jadi warna bawaan tema yang dipakai.`,
  errSettingKeepNumber: (field, path, max) => `"keep.${field}" di ${path} diabaikan: harus bilangan bulat dari 1 sampai ${n(max)}.`,
  errSettingFeedFullText: (n, path) => `"fullText" feed #${n} di ${path} diabaikan: isinya harus "auto", "always" atau "never"; feed-nya tetap dipakai.`,
  errSettingKeysShape: (path) =>
    `"keys" di ${path} diabaikan: tulis sebagai aksi beserta tombolnya, seperti {"down": ["j", "Down"], "toggleStar": ["*"]}; tombol bawaan yang dipakai.`,
  errSettingKeysList: (path, action) =>
    `"keys.${action}" di ${path} diabaikan: isinya harus daftar tombol seperti ["x", "Ctrl-D"]; tombol bawaannya tetap dipakai.`,
  errSettingKeysAction: (path, action) =>
    `"keys.${action}" di ${path} diabaikan: tidak ada aksi bernama itu yang bisa diberi tombol; "cyberread keys" menampilkan daftarnya.`,
  errSettingKeysName: (path, action, key) =>
    `"keys.${action}" di ${path} diabaikan: "${key}" bukan tombol yang bisa dibedakan cyberread (satu karakter, Enter, Esc, Tab, Shift-Tab, Space, Backspace, Up, Down, Left, Right, PgUp, PgDn, Home, End atau Ctrl-A sampai Ctrl-Z); tombol bawaannya tetap dipakai.`,
  errSettingKeysCtrlC: (path, action) =>
    `"keys.${action}" di ${path} diabaikan: Ctrl-C selalu untuk keluar, jadi tidak bisa dipakai untuk hal lain; tombol bawaannya tetap dipakai.`,
  errSettingKeysClash: (path, action, key, other, where) =>
    `"keys.${action}" di ${path} diabaikan: "${key}" sudah dipakai untuk "${other}" di ${KEY_PLACES[where] ?? where}; tombol bawaannya tetap dipakai.`,
  errSettingKeysTyped: (path, action, key) =>
    `"keys.${action}" di ${path} diabaikan: "${key}" di sana diketik ke dalam baris; beri tombol bernama seperti Enter, Tab atau Ctrl-S; tombol bawaannya tetap dipakai.`,
  errSyncLogin: (server, user) => `${server} menolak login "${user}": periksa nama pengguna dan kata sandinya.`,
  errSyncApiDisabled: (server, user) =>
    `${server} tidak mengizinkan akses API untuk "${user}": aktifkan "Enable API" di preferensi Tiny Tiny RSS lalu coba lagi.`,
  errSyncNotServer: (server) => `${server} tidak menjawab seperti server Tiny Tiny RSS: periksa alamatnya (alamat tempat Anda login).`,
  errSyncHttp: (server, status) => `${server} menjawab HTTP ${status}: periksa alamatnya, atau coba lagi nanti.`,
  errSyncRefused: (server, detail) => `${server} menolak permintaan: ${detail}.`,
  errSyncApiLevel: (server, level, needed) =>
    `${server} memakai API level ${level}; cyberread memerlukan level ${needed} atau lebih baru: perbarui Tiny Tiny RSS.`,
  errSyncBusy: 'cyberread lain sedang menyinkronkan cache ini; coba lagi setelah selesai.',
  errSyncNeedPassword: (user, server, why) =>
    why === '' ? `Sinkronisasi menunggu kata sandi "${user}" di ${server}.` : `Sinkronisasi menunggu kata sandi "${user}" di ${server} (${why.replace(/\.$/, '')}).`,
  errSyncNoPassword: (user, server) =>
    `Tidak ada kata sandi untuk "${user}" di ${server}: isi CYBERREAD_SYNC_PASSWORD, beri "sync" sebuah "passwordCommand", atau jalankan perintahnya di terminal agar ditanya.`,
  errSyncPasswordCommand: (program, why, code) =>
    `passwordCommand ${program} tidak memberi kata sandi: ${
      why === 'missing' ? 'program itu tidak ada' : why === 'timeout' ? `tidak menjawab dalam ${code} detik` : why === 'exit' ? `berakhir dengan kode keluar ${code}` : 'tidak mencetak apa pun'
    }.`,
  errSyncOffline: (reason, queued) =>
    queued > 0 ? `${reason.replace(/\.$/, '')} — ${n(queued)} perubahan tetap antre untuk sinkronisasi berikutnya.` : reason,
  errSyncSubscribe: (url, code) =>
    `Server tidak bisa mengikuti ${url}: ${
      code === 2 ? 'alamatnya tidak valid'
      : code === 3 || code === 4 ? 'halamannya HTML, bukan feed'
      : code === 5 ? 'server tidak bisa mengunduhnya'
      : code === 6 ? 'isinya bukan XML yang valid'
      : code === 8 ? 'server tidak diizinkan mengambilnya'
      : `server gagal (kode ${code})`
    }; cyberread tetap memuatnya sendiri.`,
  errSyncFeedFailed: (detail) => `Server sinkronisasi tidak bisa memuat feed ini: ${detail}.`,
  errSettingSync: (path) =>
    `"sync" di ${path} diabaikan: tulis sebagai {"type": "ttrss", "url": "https://…", "user": "…"} (boleh ditambah "passwordCommand": ["pass", "show", "tt-rss"]).`,
  errSettingSyncPassword: (path) =>
    `"password" pada "sync" di ${path} diabaikan: cyberread tidak pernah membaca kata sandi dari file pengaturan; gunakan "passwordCommand" atau CYBERREAD_SYNC_PASSWORD.`,
};
