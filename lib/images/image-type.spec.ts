import { acceptedImageType, guessOtherType } from './image-type';

const ftyp = (major: string, ...compatible: string[]) => {
  const box = Buffer.alloc(16 + compatible.length * 4);
  box.writeUInt32BE(box.length, 0);
  box.write('ftyp', 4, 'latin1');
  box.write(major, 8, 'latin1');
  compatible.forEach((brand, i) => box.write(brand, 16 + i * 4, 'latin1'));
  return box;
};

describe('acceptedImageType', () => {
  it.each([
    ['image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0])],
    ['image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])],
    ['image/gif', Buffer.from('GIF89a....')],
    ['image/webp', Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1')],
    ['image/avif', ftyp('avif', 'mif1', 'miaf')],
    ['image/avif', ftyp('mif1', 'avif')],
  ])('knows %s by its first bytes', (type, bytes) => {
    expect(acceptedImageType(bytes)).toBe(type);
  });

  it('knows nothing else, whatever the file is called', () => {
    expect(acceptedImageType(Buffer.from('just text'))).toBeNull();
    expect(acceptedImageType(ftyp('heic', 'mif1'))).toBeNull();
    expect(acceptedImageType(new Uint8Array())).toBeNull();
  });
});

describe('guessOtherType', () => {
  it.each([
    ['image/heic', ftyp('heic', 'mif1')],
    ['video/mp4', ftyp('isom', 'mp41')],
    ['image/tiff', Buffer.from([0x49, 0x49, 0x2a, 0x00])],
    ['text/html', Buffer.from('  <!DOCTYPE html><html></html>')],
    ['text/plain', Buffer.from('Zürich – a city, not an image\n')],
    ['application/octet-stream', Buffer.from([0, 0, 0, 0])],
  ])('names %s', (type, bytes) => {
    expect(guessOtherType(bytes)).toBe(type);
  });
});
