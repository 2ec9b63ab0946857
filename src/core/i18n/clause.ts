/**
 * A sentence told as the reason after another's colon ("Refresh failed: could not fetch …", "Gagal memuat
 * ulang: tidak bisa …"): the two read as one sentence, so the reason's first word loses the capital a
 * sentence starts with, unless it is a name (URL, GitHub, ECONNRESET: any word that is not one capital and
 * then small letters), and a lone final period goes, as the sentence it joins has its own ending. A reason of
 * more than one sentence keeps its last period.
 */
export function asClause(sentence: string): string {
  const t = sentence.trim();
  const lowered = t.replace(/^\p{Lu}(?=\p{Ll}*(?:[\s,;:)]|$))/u, (c) => c.toLocaleLowerCase('und'));
  return /[.!?]\s/.test(lowered) ? lowered : lowered.replace(/\.$/, '');
}
