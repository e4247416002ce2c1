/**
 * Checks an uploaded image and makes the sizes Pulse serves: the type from the content, bounded bytes
 * and pixels, turned upright from its EXIF orientation, then WebP in every size of its kind with no
 * metadata at all (no EXIF and so no GPS position, no XMP, no IPTC; colours converted to sRGB).
 */
import sharp, { type Sharp } from 'sharp';
import { ImageRejected } from './image-rejected';
import { MAX_IMAGE_BYTES, SIZES_OF, type ImageKind } from './image-sizes';
import { acceptedImageType, guessOtherType, type AcceptedImageType } from './image-type';

export { MAX_IMAGE_BYTES };
/** The most pixels an image may have (50 megapixels: beyond any phone camera), checked before decoding. */
export const MAX_IMAGE_PIXELS = 50_000_000;
export const WEBP_QUALITY = 80;

export interface ImageSize {
  name: string;
  width: number;
  height: number;
  bytes: Uint8Array;
}

export interface ProcessedImage {
  sizes: ImageSize[];
  format: 'webp';
  sourceType: AcceptedImageType;
}

/** What sharp's metadata calls each accepted type (AVIF is HEIF with AV1 inside). */
const SHARP_FORMAT: Record<AcceptedImageType, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'heif',
};

const ACCEPTED = 'JPEG, PNG, WebP, GIF or AVIF';
const corrupt = () =>
  new ImageRejected(
    'CORRUPT',
    `The image could not be read: it is damaged or incomplete. Send the whole file (${ACCEPTED}).`,
  );

// failOn 'warning' (sharp's default, said aloud): a truncated or damaged file is refused, not half-decoded.
// pages 1: the first frame of an animation.
const open = (bytes: Uint8Array): Sharp =>
  sharp(bytes, { failOn: 'warning', limitInputPixels: MAX_IMAGE_PIXELS, pages: 1 });

/** Throws ImageRejected unless `bytes` is an image Pulse accepts; resolves with its sizes as WebP. */
export async function processImage(bytes: Uint8Array, kind: ImageKind): Promise<ProcessedImage> {
  if (bytes.byteLength > MAX_IMAGE_BYTES) {
    throw new ImageRejected(
      'TOO_MANY_BYTES',
      `The file is ${mb(bytes.byteLength)} MB; images up to ${mb(MAX_IMAGE_BYTES)} MB are accepted.`,
    );
  }
  const sourceType = acceptedImageType(bytes);
  if (!sourceType) {
    throw new ImageRejected(
      'UNSUPPORTED_TYPE',
      `The file is not an image Pulse accepts (${ACCEPTED}); it looks like ${guessOtherType(bytes)}.`,
    );
  }
  await checkHeader(bytes, sourceType);
  const sizes: ImageSize[] = [];
  for (const size of SIZES_OF[kind]) {
    // Orientation first (rotate() reads the EXIF tag), so width and height are those of the upright image.
    const upright = open(bytes).rotate();
    const resized =
      kind === 'avatar'
        ? upright.resize(size, size, { fit: 'cover', position: 'centre' })
        : upright.resize(size, size, { fit: 'inside', withoutEnlargement: true });
    try {
      // No keepMetadata/withMetadata: sharp writes none, and converts the colours to sRGB.
      const { data, info } = await resized
        .webp({ quality: WEBP_QUALITY })
        .toBuffer({ resolveWithObject: true });
      sizes.push({ name: String(size), width: info.width, height: info.height, bytes: new Uint8Array(data) });
    } catch {
      throw corrupt();
    }
  }
  return { sizes, format: 'webp', sourceType };
}

/** Reads only the header: the pixel count is refused before any pixel is decoded. */
async function checkHeader(bytes: Uint8Array, sourceType: AcceptedImageType): Promise<void> {
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw corrupt();
  }
  if (
    metadata.format !== SHARP_FORMAT[sourceType] ||
    (sourceType === 'image/avif' && metadata.compression !== 'av1')
  ) {
    throw corrupt();
  }
  const pixels = (metadata.width ?? 0) * (metadata.height ?? 0);
  if (pixels > MAX_IMAGE_PIXELS) {
    throw new ImageRejected(
      'TOO_MANY_PIXELS',
      `The image is ${metadata.width}×${metadata.height} pixels (${mp(pixels)} MP); images up to ${mp(MAX_IMAGE_PIXELS)} MP are accepted.`,
    );
  }
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
const mp = (pixels: number) => (pixels / 1_000_000).toFixed(1).replace(/\.0$/, '');
