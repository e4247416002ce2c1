import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { ImageRejected } from './image-rejected';
import { MAX_IMAGE_BYTES, processImage } from './process-image';
import { aJpegWithGps, aPicture, SECRET } from './test-images';

/** The tags of the GPS IFD an EXIF block (as sharp's metadata gives it) points to; none without one. */
function gpsTags(exif: Buffer | undefined): number[] {
  if (!exif) return [];
  const tiff = exif.indexOf('Exif\0\0') === 0 ? 6 : 0;
  const little = exif.toString('latin1', tiff, tiff + 2) === 'II';
  const u16 = (at: number) => (little ? exif.readUInt16LE(tiff + at) : exif.readUInt16BE(tiff + at));
  const u32 = (at: number) => (little ? exif.readUInt32LE(tiff + at) : exif.readUInt32BE(tiff + at));
  const entries = (ifd: number) => Array.from({ length: u16(ifd) }, (_, i) => ifd + 2 + i * 12);
  const gpsPointer = entries(u32(4)).find((entry) => u16(entry) === 0x8825);
  return gpsPointer === undefined ? [] : entries(u32(gpsPointer + 8)).map(u16);
}

/** The chunk names of a WebP file (RIFF): image data is VP8/VP8L/VP8X/ALPH, metadata EXIF/XMP /ICCP. */
function webpChunks(webp: Uint8Array): string[] {
  const bytes = Buffer.from(webp);
  expect(bytes.toString('latin1', 0, 4)).toBe('RIFF');
  expect(bytes.toString('latin1', 8, 12)).toBe('WEBP');
  const names: string[] = [];
  for (
    let at = 12;
    at + 8 <= bytes.length;
    at += 8 + bytes.readUInt32LE(at + 4) + (bytes.readUInt32LE(at + 4) % 2)
  ) {
    names.push(bytes.toString('latin1', at, at + 4));
  }
  return names;
}

/** A PNG with a tEXt chunk (`Comment`) inserted after its header. */
async function aPngWithText(text: string): Promise<Buffer> {
  const png = await aPicture(600, 400).png().toBuffer();
  const data = Buffer.concat([Buffer.from('tEXtComment\0', 'latin1'), Buffer.from(text, 'latin1')]);
  const chunk = Buffer.alloc(12 + data.length - 4);
  chunk.writeUInt32BE(data.length - 4, 0);
  data.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(data), 8 + data.length - 4);
  const afterHeader = 8 + 25; // signature, then IHDR (4 length + 4 type + 13 data + 4 CRC)
  return Buffer.concat([png.subarray(0, afterHeader), chunk, png.subarray(afterHeader)]);
}

async function expectNoMetadata(webp: Uint8Array) {
  const metadata = await sharp(webp).metadata();
  expect(metadata.format).toBe('webp');
  expect([metadata.exif, metadata.xmp, metadata.iptc, metadata.icc]).toEqual([
    undefined,
    undefined,
    undefined,
    undefined,
  ]);
  expect(webpChunks(webp).every((name) => ['VP8 ', 'VP8L', 'VP8X', 'ALPH'].includes(name))).toBe(true);
  const bytes = Buffer.from(webp);
  for (const trace of ['Exif', 'GPS', 'Pulse Phone', SECRET, 'Comment'])
    expect(bytes.includes(trace)).toBe(false);
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as ImageRejected,
  );

describe('processImage', () => {
  it('drops every bit of metadata, the GPS position first, from every size', async () => {
    const jpeg = await aJpegWithGps();
    // The input really carries a position: GPSLatitudeRef (1), GPSLatitude (2), and the longitude's (3, 4).
    expect(gpsTags((await sharp(jpeg).metadata()).exif)).toEqual(expect.arrayContaining([1, 2, 3, 4]));
    expect(jpeg.includes(SECRET)).toBe(true);
    expect((await sharp(jpeg).metadata()).icc).toBeDefined();

    for (const kind of ['avatar', 'photo'] as const) {
      const result = await processImage(jpeg, kind);
      expect(result).toMatchObject({ format: 'webp', sourceType: 'image/jpeg' });
      for (const size of result.sizes) await expectNoMetadata(size.bytes);
    }
  });

  it('drops the text chunks of a PNG', async () => {
    const png = await aPngWithText(SECRET);
    expect((await sharp(png).metadata()).comments).toEqual([{ keyword: 'Comment', text: SECRET }]);
    const result = await processImage(png, 'photo');
    expect(result.sourceType).toBe('image/png');
    for (const size of result.sizes) await expectNoMetadata(size.bytes);
  });

  it('turns a photo upright from its EXIF orientation', async () => {
    // Stored 300×200 (red left, blue right) with "rotate 90° clockwise to show".
    const jpeg = await aPicture(300, 200).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect(await sharp(jpeg).metadata()).toMatchObject({ width: 300, height: 200, orientation: 6 });

    const [small] = (await processImage(jpeg, 'photo')).sizes;
    expect(small).toMatchObject({ width: 200, height: 300 });
    // Upright, the stored left half is on top.
    const { data, info } = await sharp(small!.bytes).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3),
    ];
    expect(pixel(100, 20)[0]).toBeGreaterThan(200); // red on top
    expect(pixel(100, 280)[2]).toBeGreaterThan(200); // blue below
  });

  it('makes square avatars of 64, 256 and 512 pixels', async () => {
    const { sizes } = await processImage(await aPicture(800, 600).png().toBuffer(), 'avatar');
    expect(sizes.map(({ name, width, height }) => [name, width, height])).toEqual([
      ['64', 64, 64],
      ['256', 256, 256],
      ['512', 512, 512],
    ]);
  });

  it('fits photos inside 320, 1080 and 2048 pixels, keeping their shape', async () => {
    const { sizes } = await processImage(await aPicture(3000, 2000).jpeg().toBuffer(), 'photo');
    expect(sizes.map(({ name, width, height }) => [name, width, height])).toEqual([
      ['320', 320, 213],
      ['1080', 1080, 720],
      ['2048', 2048, 1365],
    ]);
  });

  it('never enlarges a small photo', async () => {
    const { sizes } = await processImage(await aPicture(400, 300).webp().toBuffer(), 'photo');
    expect(sizes.map(({ name, width, height }) => [name, width, height])).toEqual([
      ['320', 320, 240],
      ['1080', 400, 300],
      ['2048', 400, 300],
    ]);
  });

  it('accepts GIF (its first frame) and AVIF', async () => {
    const gif = await aPicture(200, 100).gif().toBuffer();
    expect(await processImage(gif, 'photo')).toMatchObject({
      sourceType: 'image/gif',
      sizes: [{ width: 200, height: 100 }, {}, {}],
    });
    const avif = await aPicture(200, 100).avif().toBuffer();
    expect(await processImage(avif, 'photo')).toMatchObject({
      sourceType: 'image/avif',
      sizes: [{ width: 200, height: 100 }, {}, {}],
    });
  });

  it('refuses a text file named photo.jpg by its content, saying what it looks like', async () => {
    const error = await rejection(
      processImage(Buffer.from('name: photo.jpg\nnot really a photo\n'), 'photo'),
    );
    expect(error).toBeInstanceOf(ImageRejected);
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNSUPPORTED_TYPE',
      details: { field: 'image', reason: 'UNSUPPORTED_TYPE' },
      message:
        'The file is not an image Pulse accepts (JPEG, PNG, WebP, GIF or AVIF); it looks like text/plain.',
    });
  });

  it.each([
    [
      'an SVG',
      Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
      'image/svg+xml',
    ],
    ['a PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'), 'application/pdf'],
    ['random bytes', Buffer.from([0, 1, 2, 3, 0xfe, 0xff, 0x80, 0x81]), 'application/octet-stream'],
  ])('refuses %s', async (_, bytes, looksLike) => {
    expect(await rejection(processImage(bytes, 'avatar'))).toMatchObject({
      reason: 'UNSUPPORTED_TYPE',
      message: expect.stringContaining(`it looks like ${looksLike}.`),
    });
  });

  it('refuses a truncated JPEG cleanly', async () => {
    const jpeg = await aPicture().jpeg().toBuffer();
    const error = await rejection(processImage(jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'photo'));
    expect(error).toBeInstanceOf(ImageRejected);
    expect(error).toMatchObject({
      reason: 'CORRUPT',
      message: expect.stringMatching(/damaged or incomplete/),
    });
  });

  it('refuses too many pixels from the header, before decoding any', async () => {
    // A 60000×60000 PNG header (3600 MP) in front of a few bytes of data: only the header is ever read.
    const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const huge = Buffer.from(png);
    huge.writeUInt32BE(60_000, 16);
    huge.writeUInt32BE(60_000, 20);
    huge.writeUInt32BE(crc32(huge.subarray(12, 29)), 29);
    const started = performance.now();
    const error = await rejection(processImage(huge, 'photo'));
    expect(error).toMatchObject({
      reason: 'TOO_MANY_PIXELS',
      message: expect.stringContaining('60000×60000 pixels (3600 MP)'),
    });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('refuses a file over the byte limit without looking at it', async () => {
    const error = await rejection(processImage(new Uint8Array(MAX_IMAGE_BYTES + 1), 'photo'));
    expect(error).toMatchObject({
      reason: 'TOO_MANY_BYTES',
      message: expect.stringContaining('up to 20 MB'),
    });
  });
});
