import { MAX_DEPTH, MAX_QUERY_CHARS, MAX_TERMS } from '../query/parse.js';
import type { QueryProblemCode } from '../query/ast.js';
import { formatCount, type Messages } from './messages.js';

const n = (x: number): string => formatCount(x, 'id');

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

  viewList: 'Artikel',
  viewReader: 'Baca',
  viewHashtags: 'Tagar',
  viewLanguage: 'Bahasa',
  viewHelp: 'Bantuan',
  viewErrors: 'Umpan bermasalah',
  viewSearch: 'Cari',

  unreadCount: (x) => `${n(x)} belum dibaca`,
  unreadCountShort: (x) => `● ${n(x)}`,
  searchActive: (q) => `cari: ${q}`,
  unreadOnlyActive: 'hanya yang belum dibaca',

  emptyList: 'Tidak ada artikel yang cocok',
  emptyListHint: 'Tekan c untuk menghapus saringan',
  emptyCache: 'Belum ada artikel — tekan r untuk memuat ulang',
  noTitle: '(tanpa judul)',

  postedLabel: 'Diposting',
  dateUnknown: 'tanggal tidak diketahui',
  imageLabel: 'Ilustrasi',
  shareLine: 'Bagikan: y salin tautan · o buka di peramban',
  readAlso: 'Baca juga',
  linksTitle: 'Tautan',
  otherEditionHint: 'L membuka edisi bahasa lain',
  noOtherEdition: 'Artikel ini tidak punya edisi bahasa lain',
  articleGone: 'Artikel ini sudah tidak ada di tembolok',
  endOfList: 'Tidak ada artikel berikutnya di daftar',
  startOfList: 'Ini artikel pertama di daftar',

  linkCopied: 'Tautan disalin ke papan klip',
  noLink: 'Artikel ini tidak punya tautan',
  linkRefused: 'Hanya tautan http(s) yang bisa dibuka atau disalin',
  linkOpened: 'Dibuka di peramban',
  openFailed: (m) => `Tautan tidak bisa dibuka: ${m}`,
  markedRead: 'Ditandai sudah dibaca',
  markedUnread: 'Ditandai belum dibaca',
  starred: 'Diberi bintang',
  unstarred: 'Bintang dicabut',
  languageSwitched: (name) => `Bahasa: ${name}`,

  refreshProgress: (done, total) => `${n(done)}/${n(total)} umpan`,
  newArticles: (x) => `${n(x)} baru`,
  feedsFailed: (x) => `${n(x)} umpan gagal — tekan e`,
  refreshRunning: 'Pemuatan ulang sedang berjalan',
  refreshFailed: (m) => `Gagal memuat ulang: ${m}`,
  lastRefreshed: (rel) => `diperbarui ${rel}`,
  neverRefreshed: 'belum pernah dimuat — tekan r',

  errorsEmpty: 'Tidak ada umpan yang gagal pada pemuatan terakhir',
  errorsIntro: 'Umpan berikut tidak bisa dibaca pada pemuatan terakhir:',

  tooSmall: (w, h) => `Terminal terlalu kecil (${w}×${h}); minimal 40×10`,

  hashtagsPrompt: 'Ketik untuk menyaring: ',
  hashtagsEmpty: 'Belum ada tagar di edisi ini',
  hashtagsNoMatch: 'Tidak ada tagar yang cocok',
  hashtagsActive: (t) => `Aktif: ${t}`,

  languagePrompt: 'Pilih bahasa tampilan dan edisi berita',
  languageCurrent: (name) => `Saat ini: ${name}`,

  searchPrompt: 'Cari: ',
  searchHint: 'Enter simpan hasil · Esc hapus',

  helpTitle: (view) => `Tombol — ${view}`,
  helpClose: 'Esc, q, atau ? menutup bantuan',
  whereAll: 'semua',
  whereList: 'daftar',
  whereReader: 'baca',
  whereHashtags: 'tagar',
  whereLanguage: 'bahasa',
  whereHelp: 'bantuan',
  whereSearch: 'cari',
  whereErrors: 'umpan gagal',

  actHelp: 'tampilkan tombol di tampilan ini',
  actBack: 'kembali',
  actQuit: 'keluar',
  actQuitList: 'keluar (dari daftar)',
  actLang: 'ganti bahasa IND ↔ ENG (di halaman baca: buka edisi bahasa lain)',
  actLanguageView: 'pilih bahasa',
  actRefresh: 'muat ulang umpan sekarang',
  actDown: 'turun',
  actUp: 'naik',
  actPageDown: 'halaman berikutnya',
  actPageUp: 'halaman sebelumnya',
  actTop: 'ke paling atas',
  actBottom: 'ke paling bawah',
  actOpen: 'buka artikel',
  actHashtags: 'pilih tagar untuk menyaring',
  actSearch: 'cari di judul, ringkasan, dan isi',
  actClear: 'hapus semua saringan: tagar, pencarian, feed, hanya belum dibaca atau berbintang',
  actUnread: 'tampilkan yang belum dibaca saja / semua',
  actToggleRead: 'tandai sudah / belum dibaca',
  actToggleStar: 'beri / cabut bintang',
  actOpenLink: 'buka tautan artikel di peramban',
  actScrollDown: 'gulir ke bawah',
  actScrollUp: 'gulir ke atas',
  actNext: 'artikel berikutnya di daftar',
  actPrev: 'artikel sebelumnya di daftar',
  actFocusRelated: 'pindah ke "Baca juga" dan kembali',
  actOpenRelated: 'buka artikel "Baca juga" yang dipilih',
  actCopyLink: 'salin tautan (OSC 52)',
  actErrors: 'lihat galat umpan yang gagal',
  actNarrow: 'ketik untuk menyaring daftar',
  actDeleteChar: 'hapus huruf terakhir yang diketik',
  actAddTag: 'tambahkan tagar ke saringan (atau lepas yang bertanda ✓)',
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
  notifyNoCommand: 'notify bernilai "command" tetapi notifyCommand kosong',
  notifyFailed: (cmd, why) => `Program notifikasi ${cmd} tidak bisa dijalankan: ${why}`,
  notifyNotFound: 'tidak ditemukan',
  enclosuresTitle: 'Lampiran',
  enclosureUnknownType: 'berkas',

  viewFeeds: 'Feed',
  viewLinks: 'Tautan',
  feedActive: (title) => `feed: ${title}`,
  viewActive: (name) => `tampilan: ${name}`,
  viewRowHint: 'tampilan tersimpan (pengaturan "views", cyberread views add) · Enter menampilkannya',
  starredOnlyActive: 'hanya berbintang',
  feedsEmpty: 'Belum ada feed — tekan a untuk menambah',
  feedsNever: 'belum',
  feedsNeverFetched: 'belum pernah dimuat — tekan r untuk memuatnya',
  feedsFetched: (rel) => `dimuat ${rel}`,
  promptAddFeed: 'Tambah feed: ',
  promptAddHint: 'URL [--lang id|en] [--title T] [--tag T] · Enter menambah · Esc batal',
  promptRename: 'Nama: ',
  promptRenameHint: 'Enter menyimpan (kosong: judul asli feed) · Esc batal',
  promptFeedLang: 'Bahasa (id, en, kosong: dikenali per artikel): ',
  promptSaveHint: 'Enter menyimpan · Esc batal',
  feedNeedUrl: 'Ketik alamat feed',
  feedBadUrl: (v) => `"${v}" bukan alamat feed: gunakan URL http(s)://, URL file:// atau path lokal`,
  feedBadLang: (v) => `Bahasa "${v}" tidak dikenal: gunakan id atau en`,
  feedBadOption: (v) => `"${v}" bukan opsi di sini: gunakan --lang, --title atau --tag`,
  feedNeedValue: (opt) => `${opt} perlu nilai`,
  feedExists: (url) => `${url} sudah ada di daftar feed Anda`,
  feedAdded: (title) => `${title} ditambahkan; sedang dimuat`,
  feedAddedLater: (title) => `${title} ditambahkan; pemuatan lain sedang berjalan: tekan r pada feed ini setelah selesai`,
  feedRenamed: (title) => `Nama diganti menjadi ${title}`,
  feedLangSet: (code) => `Bahasa feed: ${code}; artikelnya kini masuk edisi itu`,
  feedLangAuto: 'Bahasa feed: dikenali per artikel, untuk artikel yang dimuat mulai sekarang',
  feedRemoved: (title, x) => `${title} dihapus beserta ${n(x)} artikel di cache; artikel berbintang tetap disimpan`,
  feedGone: 'Feed itu sudah tidak ada di daftar Anda',
  confirmRemoveFeed: (title, total, starred) =>
    `Hapus ${title}? ${n(total - starred)} artikel di cache ikut terhapus, ${n(starred)} yang berbintang tetap. y/Enter: hapus · tombol lain: batal`,
  confirmMarkAll: (x) => `Tandai ${n(x)} artikel di daftar ini sudah dibaca? y/Enter: ya · tombol lain: tidak`,
  confirmMarkFeed: (title, x) => `Tandai ${n(x)} artikel ${title} yang belum dibaca sebagai sudah dibaca? y/Enter: ya · tombol lain: tidak`,
  cancelled: 'Dibatalkan',
  markedAllRead: (x) => `${n(x)} artikel ditandai sudah dibaca — z mengurungkan`,
  nothingToMark: 'Tidak ada artikel yang belum dibaca di sini',
  undone: (x) => `Diurungkan: ${n(x)} artikel kembali belum dibaca`,
  nothingToUndo: 'Tidak ada yang bisa diurungkan',
  noMoreUnread: 'Tidak ada lagi artikel yang belum dibaca',
  noPrevUnread: 'Tidak ada artikel belum dibaca sebelum ini',
  nextFeed: (title) => `Feed berikutnya yang punya artikel belum dibaca: ${title}`,
  switchedEdition: (name) => `Artikel feed ini ada di edisi ${name}: tampilan pindah ke edisi itu`,
  linksEmpty: 'Artikel ini tidak punya tautan atau lampiran',
  linkNumber: (digits) => `Tautan ${digits}█ — Enter membuka · Esc batal`,
  noSuchLink: (x) => `Tidak ada tautan [${x}] di artikel ini`,
  openedInPlayer: 'Dibuka di pemutar',

  actFeeds: 'tampilkan daftar feed',
  actMarkAll: 'tandai semua artikel di daftar sudah dibaca (ditanya dulu)',
  actUndo: 'urungkan penandaan terakhir selama pesannya tampil',
  actNextUnread: 'artikel belum dibaca berikutnya (di pembaca: langsung dibuka)',
  actPrevUnread: 'artikel belum dibaca sebelumnya (di pembaca: langsung dibuka)',
  actStarredOnly: 'hanya yang berbintang / semua',
  actLinkDigits: 'ketik nomor tautan, lalu Enter membukanya',
  actLinks: 'pilih tautan atau lampiran untuk dibuka',
  actOpenTarget: 'buka tautan yang dipilih (lampiran: dengan pemutar)',
  actCopyTarget: 'salin tautan yang dipilih (OSC 52)',
  actOpenFeed: 'tampilkan artikel feed ini',
  actAddFeed: 'tambah feed (URL dan opsi feeds add)',
  actRenameFeed: 'ganti nama feed',
  actFeedLang: 'atur bahasa feed',
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
};
