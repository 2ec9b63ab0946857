import iconv from 'iconv-lite';

/**
 * Labels browsers decode as windows-1252. Real "ISO-8859-1" feeds are nearly always windows-1252 (smart quotes
 * in 0x80–0x9F), and strict latin1 would turn those bytes into C1 control characters.
 */
const WINDOWS_1252_LABELS = new Set([
  'windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-1', 'iso8859-1', 'iso_8859-1', 'iso88591', 'iso_8859-1:1987',
  'latin1', 'latin-1', 'l1', 'cp819', 'ibm819', 'iso-ir-100', 'csisolatin1', 'us-ascii', 'ascii', 'ansi_x3.4-1968',
  'iso646-us', 'us', 'cp367', 'ibm367', 'csascii',
]);
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'x-unicode20utf8', 'unicode20utf8']);

type Codec = { kind: 'utf-8' } | { kind: 'iconv'; name: string };

function codecFor(label: string | null | undefined): Codec | null {
  if (!label) return null;
  const l = label.trim().toLowerCase();
  if (l === '') return null;
  if (UTF8_LABELS.has(l)) return { kind: 'utf-8' };
  if (WINDOWS_1252_LABELS.has(l)) return { kind: 'iconv', name: 'windows-1252' };
  if (iconv.encodingExists(l)) return { kind: 'iconv', name: l };
  return null;
}

/** The charset parameter of a Content-Type header, lower-cased, or null. */
export function charsetFromContentType(ct: string | null | undefined): string | null {
  if (!ct) return null;
  const m = /;\s*charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;,]+))/i.exec(ct);
  const value = (m?.[1] ?? m?.[2] ?? m?.[3] ?? '').trim().toLowerCase();
  return value === '' ? null : value;
}

function prologEncoding(bytes: Uint8Array): string | null {
  // The prolog is ASCII in every encoding we can reach here (UTF-16 was handled by BOM or sniffing).
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  const m = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']\s*([A-Za-z0-9._:\-]+)\s*["']/.exec(head);
  return m?.[1]?.toLowerCase() ?? null;
}

function run(codec: Codec, bytes: Uint8Array): string {
  if (codec.kind === 'utf-8') {
    // fatal: false turns invalid sequences into U+FFFD instead of throwing.
    return new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  }
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), codec.name, { stripBOM: true });
}

/**
 * Bytes → text: a byte-order mark first, then the HTTP charset, then the XML prolog's encoding, then UTF-8.
 * An unknown label falls through to the next source; nothing here throws on bad input.
 */
export function decode(bytes: Uint8Array, contentType?: string | null): string {
  return decodeBytes(bytes, contentType);
}

function decodeBytes(bytes: Uint8Array, contentType: string | null | undefined): string {
  const b0 = bytes[0];
  const b1 = bytes[1];
  const b2 = bytes[2];
  const b3 = bytes[3];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return run({ kind: 'utf-8' }, bytes.subarray(3));
  // UTF-32 first: its little-endian mark starts with UTF-16's.
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return run({ kind: 'iconv', name: 'utf-32le' }, bytes.subarray(4));
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return run({ kind: 'iconv', name: 'utf-32be' }, bytes.subarray(4));
  if (b0 === 0xff && b1 === 0xfe) return run({ kind: 'iconv', name: 'utf-16le' }, bytes.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return run({ kind: 'iconv', name: 'utf-16be' }, bytes.subarray(2));

  const fromHttp = codecFor(charsetFromContentType(contentType));
  if (fromHttp) return run(fromHttp, bytes);

  // UTF-32 and UTF-16 without a BOM: "<" with three or one zero bytes after it (LE) or before it (BE).
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x00 && b3 === 0x00) return run({ kind: 'iconv', name: 'utf-32le' }, bytes);
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0x00 && b3 === 0x3c) return run({ kind: 'iconv', name: 'utf-32be' }, bytes);
  if (b0 === 0x3c && b1 === 0x00) return run({ kind: 'iconv', name: 'utf-16le' }, bytes);
  if (b0 === 0x00 && b1 === 0x3c) return run({ kind: 'iconv', name: 'utf-16be' }, bytes);

  const declared = prologEncoding(bytes);
  // A prolog that says UTF-16 or UTF-32 in ASCII bytes is lying about itself; ASCII-compatible text is read
  // as UTF-8.
  const fromProlog = declared && !/^utf[-_]?(?:16|32)/.test(declared) ? codecFor(declared) : null;
  return run(fromProlog ?? { kind: 'utf-8' }, bytes);
}
