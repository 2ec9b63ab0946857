/** Language codes as feeds write them, and a stop-word guess for feeds that declare none. */

// ISO 639-2/3 and retired ISO 639-1 codes seen in feeds, mapped to the two-letter code.
const ALIASES: Record<string, string> = {
  in: 'id', iw: 'he', ji: 'yi', jw: 'jv',
  ind: 'id', eng: 'en', msa: 'ms', may: 'ms', jav: 'jv', sun: 'su', zho: 'zh', chi: 'zh', jpn: 'ja',
  kor: 'ko', fra: 'fr', fre: 'fr', deu: 'de', ger: 'de', nld: 'nl', dut: 'nl', spa: 'es', por: 'pt',
  rus: 'ru', ara: 'ar', ita: 'it', vie: 'vi', tha: 'th', tur: 'tr', pol: 'pl', ukr: 'uk', hin: 'hi',
};
// Some channels write the language's name instead of its code.
const NAMES: Record<string, string> = {
  english: 'en', indonesian: 'id', indonesia: 'id', 'bahasa indonesia': 'id', bahasa: 'id', inggris: 'en',
  'bahasa inggris': 'en',
};
// "undetermined", "multiple", "no linguistic content" and "uncoded" carry no edition.
const NOT_A_LANGUAGE = new Set(['und', 'mul', 'zxx', 'mis']);

/** "id-ID" → "id", "in" → "id", "EN_us" → "en", "ind" → "id"; null for anything that is not a language code. */
export function normaliseLang(code: string | null | undefined): string | null {
  if (typeof code !== 'string') return null;
  const text = code.trim().toLowerCase();
  if (!text || text.length > 64) return null;
  const named = NAMES[text.replace(/\s+/g, ' ')];
  if (named) return named;
  const primary = text.split(/[-_]/, 1)[0] ?? '';
  if (!/^[a-z]{2,3}$/.test(primary) || NOT_A_LANGUAGE.has(primary)) return null;
  return ALIASES[primary] ?? primary;
}

const ID_WORDS = new Set([
  'yang', 'dan', 'di', 'ke', 'dari', 'untuk', 'dengan', 'ini', 'itu', 'tidak', 'adalah', 'pada', 'akan',
  'juga', 'oleh', 'sebagai', 'dalam', 'karena', 'bahwa', 'atau', 'telah', 'sudah', 'bisa', 'dapat', 'ada',
  'mereka', 'kami', 'kita', 'saat', 'setelah', 'tersebut', 'lebih', 'masih', 'hanya', 'namun', 'serta',
  'secara', 'kepada', 'para', 'bagi', 'hingga', 'sejak', 'tak', 'belum', 'agar', 'sehingga', 'menjadi',
]);
const EN_WORDS = new Set([
  'the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'with', 'was', 'on', 'are', 'by', 'this', 'be',
  'from', 'has', 'have', 'it', 'its', 'as', 'an', 'at', 'or', 'not', 'were', 'been', 'which', 'their',
  'they', 'will', 'would', 'can', 'after', 'but', 'had', 'said', 'who', 'also', 'than', 'more', 'into',
]);
const MIN_HITS = 3;
// A few hundred words decide it; reading a whole long article adds time and no accuracy.
const MAX_WORDS = 300;
const MAX_CHARS = 3000;

/** 'id' or 'en' by counting stop words; null when the text is too short or the counts are close. */
export function detectLang(text: string): 'id' | 'en' | null {
  if (!text) return null;
  let id = 0;
  let en = 0;
  let words = 0;
  for (const word of text.slice(0, MAX_CHARS).toLowerCase().split(/[^\p{L}]+/u)) {
    if (!word) continue;
    if (ID_WORDS.has(word)) id += 1;
    else if (EN_WORDS.has(word)) en += 1;
    words += 1;
    if (words >= MAX_WORDS) break;
  }
  // A quoted English phrase in an Indonesian article (or the reverse) must not flip the answer.
  if (id >= MIN_HITS && id >= 2 * en) return 'id';
  if (en >= MIN_HITS && en >= 2 * id) return 'en';
  return null;
}
