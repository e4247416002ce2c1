import { aJpegWithGps } from '../../../../lib/images/test-images';
import { MAX_IMAGE_BYTES } from '../../../../lib/images/image-sizes';
import { movableClock } from '../../../../lib/testing/movable-clock';
import { availableDatabaseKinds } from '../../../../lib/testing/test-databases';
import { openTestSocial, type TestSocial } from '../social.test-db';
import { uploadKey } from './media-keys';
import { MAX_PHOTOS, UNCONFIRMED_UPLOAD_MS } from './media.service';

describe.each(availableDatabaseKinds())('avatars and workout photos (%s)', (kind) => {
  const clock = movableClock('2026-12-01T12:00:00Z');
  let social: TestSocial;
  let ann: string;

  beforeEach(async () => {
    social = await openTestSocial(kind, { clock });
    ann = await social.athlete('Ann');
  });
  afterEach(() => social.close());

  /** Starts an upload and puts the bytes where its URL would have (the routes are tested in lib/objects). */
  async function uploaded(bytes: Uint8Array, start = () => social.media.requestAvatar(ann, 'image/jpeg')) {
    const upload = await start();
    const media = (await social.repos.media.find(upload.id))!;
    await social.objects.store.put(uploadKey(media), bytes, { contentType: media.uploadContentType });
    return upload.id;
  }

  it('stores an avatar in its sizes under the athlete’s prefix, drops the upload, replaces the previous one', async () => {
    const first = await social.media.confirm(ann, await uploaded(await aJpegWithGps()));
    expect(first.sizes).toEqual(['64:64:64', '256:256:256', '512:512:512']);
    expect((await social.repos.profiles.find(ann))!.avatarId).toBe(first.id);
    expect(await social.objects.store.list(`users/${ann}/`)).toEqual(
      [64, 256, 512].map((size) => `users/${ann}/avatars/${first.id}/${size}.webp`).sort(),
    );
    const second = await social.media.confirm(ann, await uploaded(await aJpegWithGps()));
    expect((await social.repos.profiles.find(ann))!.avatarId).toBe(second.id);
    expect(await social.repos.media.find(first.id)).toBeNull();
    expect((await social.objects.store.list(`users/${ann}/`)).every((key) => key.includes(second.id))).toBe(
      true,
    );
    // Confirming again changes nothing.
    expect(await social.media.confirm(ann, second.id)).toMatchObject({ id: second.id, status: 'READY' });
  });

  it('refuses bytes that are not an image, or too many, and forgets the upload', async () => {
    const text = await uploaded(new TextEncoder().encode('hello, I am text'));
    await expect(social.media.confirm(ann, text)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    const huge = await uploaded(new Uint8Array(MAX_IMAGE_BYTES + 1));
    await expect(social.media.confirm(ann, huge)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: expect.objectContaining({ reason: 'TOO_MANY_BYTES' }),
    });
    expect(await social.repos.media.find(text)).toBeNull();
    expect(await social.objects.store.list(`users/${ann}/`)).toEqual([]);
    await expect(social.media.requestAvatar(ann, 'text/html')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  it('takes photos of the owner’s own workouts only, at most MAX_PHOTOS each', async () => {
    const bob = await social.athlete('Bob');
    const run = await social.finished(ann, { visibility: 'PUBLIC' });
    await expect(social.media.requestPhoto(bob, run.workoutId, 'image/jpeg')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const photo = await social.media.confirm(
      ann,
      await uploaded(await aJpegWithGps(), () => social.media.requestPhoto(ann, run.workoutId, 'image/jpeg')),
    );
    expect(photo.sizes).toEqual(['320:320:213', '1080:1080:720', '2048:1200:800']);
    for (let i = 1; i < MAX_PHOTOS; i++) await social.media.requestPhoto(ann, run.workoutId, 'image/png');
    await expect(social.media.requestPhoto(ann, run.workoutId, 'image/png')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await social.media.remove(ann, photo.id);
    expect(await social.objects.store.list(`users/${ann}/workouts/`)).toEqual([]);
  });

  it('sweeps uploads never confirmed after a day', async () => {
    const pending = await uploaded(await aJpegWithGps());
    expect(await social.media.sweepUnconfirmed()).toBe(0);
    clock.advance(UNCONFIRMED_UPLOAD_MS + 1);
    expect(await social.media.sweepUnconfirmed()).toBe(1);
    expect(await social.repos.media.find(pending)).toBeNull();
    expect(await social.objects.store.list(`users/${ann}/`)).toEqual([]);
  });
});
