/**
 * The Indonesian words of cyberread: one term per concept, the same in the reader (id.ts) and on the command
 * line (cli.ts). They are the words a reader of Indonesian tech news uses in a terminal program, not the
 * dictionary coinages (`not`), which a test keeps out of both tables.
 */
export interface Term {
  en: string;
  id: string;
  /** Words for the same thing that must not be used. */
  not?: string[];
}

export const GLOSSARY: readonly Term[] = [
  { en: 'feed', id: 'feed', not: ['umpan'] },
  { en: 'cache', id: 'cache', not: ['tembolok'] },
  { en: 'browser', id: 'browser', not: ['peramban'] },
  { en: 'error', id: 'kesalahan', not: ['galat'] },
  { en: 'file', id: 'file', not: ['berkas'] },
  { en: 'filter (noun)', id: 'filter', not: ['saringan', 'penyaring'] },
  { en: 'article', id: 'artikel' },
  { en: 'article list', id: 'daftar artikel' },
  { en: 'link', id: 'tautan' },
  { en: 'hashtag, tag', id: 'tagar' },
  { en: 'edition', id: 'edisi' },
  { en: 'interface', id: 'antarmuka', not: ['bahasa tampilan'] },
  { en: 'refresh (fetch the feeds again)', id: 'muat ulang', not: ['pemuatan'] },
  { en: 'updated', id: 'diperbarui' },
  { en: 'subscribe', id: 'ikuti' },
  { en: 'read / unread', id: 'sudah dibaca / belum dibaca', not: ['tanda baca'] },
  { en: 'star / unstar', id: 'tandai bintang / hapus bintang', not: ['beri bintang', 'cabut bintang', 'bintang dicabut'] },
  { en: 'starred', id: 'berbintang' },
  { en: 'search', id: 'cari, pencarian' },
  { en: 'key (on the keyboard)', id: 'tombol' },
  { en: 'help', id: 'bantuan' },
  { en: 'settings', id: 'pengaturan' },
  { en: 'directory', id: 'direktori' },
  { en: 'enclosure', id: 'lampiran' },
  { en: 'clipboard', id: 'papan klip' },
  { en: 'server, proxy, disk', id: 'server, proxy, disk' },
  { en: 'certificate', id: 'sertifikat' },
  { en: 'redirect', id: 'pengalihan, dialihkan' },
];

/** Words no Indonesian message may contain. */
export const BANNED_ID: readonly string[] = GLOSSARY.flatMap((t) => t.not ?? []);
