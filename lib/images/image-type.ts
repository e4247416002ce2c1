/**
 * What an upload is, from its first bytes (never its name or declared type): the image types Pulse
 * accepts, and for anything else a best guess to name in the refusal.
 *
 * Why not file-type: it is ESM-only, and Jest on Node 20 loads no untransformed ESM from node_modules
 * (jest.config.js would need file-type and its four dependencies in transformIgnorePatterns and the
 * `module-sync` export condition). Five signatures are little code; sharp then decodes what passed.
 */

export const ACCEPTED_IMAGE_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/avif',
] as const;
export type AcceptedImageType = (typeof ACCEPTED_IMAGE_TYPES)[number];

const ascii = (bytes: Uint8Array, start: number, end: number) =>
  Buffer.from(bytes.subarray(start, end)).toString('latin1');
const startsWith = (bytes: Uint8Array, signature: number[]) =>
  signature.every((byte, i) => bytes[i] === byte);

/** The brands of an ISO-BMFF `ftyp` box (AVIF, HEIC, MP4 …): the major brand, then the compatible ones. */
function isoBrands(bytes: Uint8Array): string[] {
  if (ascii(bytes, 4, 8) !== 'ftyp') return [];
  const size = Math.min(Buffer.from(bytes).readUInt32BE(0), bytes.length, 256);
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= size; at += 4) brands.push(ascii(bytes, at, at + 4));
  return brands;
}

/** The accepted image type the content is, or null. */
export function acceptedImageType(bytes: Uint8Array): AcceptedImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (['GIF87a', 'GIF89a'].includes(ascii(bytes, 0, 6))) return 'image/gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (isoBrands(bytes).some((brand) => brand === 'avif' || brand === 'avis')) return 'image/avif';
  return null;
}

/** A guess at what some other content is, for the message that refuses it. */
export function guessOtherType(bytes: Uint8Array): string {
  const head = ascii(bytes, 0, 512).trimStart().toLowerCase();
  const brands = isoBrands(bytes);
  if (brands.some((brand) => ['heic', 'heix', 'mif1', 'msf1'].includes(brand))) return 'image/heic';
  if (brands.length > 0) return 'video/mp4';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'image/tiff';
  if (ascii(bytes, 0, 2) === 'BM') return 'image/bmp';
  if (ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'application/zip';
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'image/svg+xml';
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'text/html';
  return looksLikeText(bytes.subarray(0, 4096)) ? 'text/plain' : 'application/octet-stream';
}

/** UTF-8 without control characters other than tab, line feed and carriage return. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  try {
    // `stream`: a multi-byte character cut at the end of the sample is no reason to say "not text".
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    // eslint-disable-next-line no-control-regex
    return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
  } catch {
    return false;
  }
}
