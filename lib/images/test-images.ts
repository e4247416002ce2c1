/** Pictures for the image tests (and the end-to-end upload test): plain colours, with metadata where asked. */
import sharp from 'sharp';

export const SECRET = 'Home: 12 Quiet Lane';

/** A photo of `width`×`height`: the left half red, the right half blue. */
export function aPicture(width = 1200, height = 800) {
  const left = {
    input: { create: { width: Math.ceil(width / 2), height, channels: 3 as const, background: '#f00' } },
    left: 0,
    top: 0,
  };
  return sharp({ create: { width, height, channels: 3, background: '#00f' } }).composite([left]);
}

/** A JPEG with EXIF, including a GPS position (Paris), and a Display P3 colour profile. */
export const aJpegWithGps = async () =>
  aPicture()
    .jpeg()
    .withIccProfile('p3')
    .withExif({
      IFD0: { Make: 'Pulse Phone', Copyright: SECRET },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '48/1 51/1 30/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '2/1 17/1 40/1',
      },
    })
    .toBuffer();
