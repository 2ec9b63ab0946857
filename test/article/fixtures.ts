import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Feeds whose items carry one sentence and link to pages laid out like a news site's (the sample pages of
 * samples/pages/, moved onto a loopback server): what `show --full`, `refresh --full` and the reader are
 * checked against. Page addresses have no numeric article id, so the two editions pair only through the
 * page's hreflang links.
 */
const SAMPLES = join(process.cwd(), 'samples', 'pages');
const ID_PAGE = 'https://cyberthreat.id/read/18227/Data-Rekam-Medis-Pasien-RS-Harapan-Sehat-Terbuka-di-Cloud';
const EN_PAGE = 'https://en.cyberthreat.id/read/18227/Patient-Records-of-Harapan-Sehat-Hospital-Exposed-in-Cloud-Storage';
/** A "Baca juga" entry of the Indonesian page that the feed also carries. */
export const RELATED_ID = 'https://cyberthreat.id/read/18240/Data-2-3-Juta-Pelanggan-Marketplace-NiagaKu-Diduga-Bocor';

export const PATHS = { idPage: '/berita/rekam-medis-pasien', enPage: '/en/news/patient-records', missing: '/berita/hilang' };

export function pages(base: string): { id: string; en: string } {
  const move = (html: string): string => html.replaceAll(ID_PAGE, `${base}${PATHS.idPage}`).replaceAll(EN_PAGE, `${base}${PATHS.enPage}`);
  return {
    id: move(readFileSync(join(SAMPLES, 'cyberthreat.id', '18227.html'), 'utf8')),
    en: move(readFileSync(join(SAMPLES, 'en.cyberthreat.id', '18227.html'), 'utf8')),
  };
}

const item = (o: { title: string; link: string; author?: string; date: string; description: string; content?: string; categories: string[] }) => `
  <item>
    <title>${o.title}</title>
    <link>${o.link}</link>
    <guid>${o.link}</guid>
    ${o.author ? `<dc:creator>${o.author}</dc:creator>` : ''}
    <pubDate>${o.date}</pubDate>
    ${o.categories.map((c) => `<category>${c}</category>`).join('')}
    <description>${o.description}</description>
    ${o.content ? `<content:encoded><![CDATA[${o.content}]]></content:encoded>` : ''}
  </item>`;

const rss = (lang: string, items: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Loopback ${lang}</title><link>http://127.0.0.1/</link><language>${lang}</language>
${items.join('\n')}
</channel></rss>`;

const LONG_BODY = `<p>${'Basis data pelanggan NiagaKu ditawarkan di forum peretas dan perusahaan sedang menyelidikinya bersama konsultan forensik. '.repeat(20)}</p>`;

export function feeds(base: string, o: { idDescription?: string } = {}): { id: string; en: string } {
  return {
    id: rss('id', [
      item({
        title: 'Data Rekam Medis Pasien RS Harapan Sehat Terbuka di Penyimpanan Cloud',
        link: `${base}${PATHS.idPage}`,
        author: 'Rina Kartikasari',
        date: 'Sat, 21 Nov 2026 14:00:00 +0700',
        categories: ['databreach', 'healthcare'],
        description: o.idDescription ?? 'Sekitar 180 ribu berkas pasien dapat diakses bebas dari internet.',
      }),
      item({
        title: 'Data 2,3 Juta Pelanggan Marketplace NiagaKu Diduga Bocor',
        link: RELATED_ID,
        author: 'Rina Kartikasari',
        date: 'Sat, 28 Nov 2026 12:59:00 +0700',
        categories: ['databreach'],
        description: 'Basis data pelanggan NiagaKu ditawarkan di forum peretas.',
        content: LONG_BODY,
      }),
      item({
        title: 'Halaman yang hilang',
        link: `${base}${PATHS.missing}`,
        author: 'Fajar Setiadi',
        date: 'Fri, 20 Nov 2026 10:00:00 +0700',
        categories: ['misc'],
        description: 'Satu kalimat tentang halaman yang sudah tidak ada.',
      }),
    ]),
    en: rss('en', [
      item({
        title: 'Patient Records of Harapan Sehat Hospital Exposed in Cloud Storage',
        link: `${base}${PATHS.enPage}`,
        date: 'Sat, 21 Nov 2026 14:00:00 +0700',
        categories: ['databreach', 'healthcare'],
        description: 'About 180,000 patient files could be read by anyone on the internet.',
      }),
    ]),
  };
}
