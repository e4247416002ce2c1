/**
 * Privacy zones and start/end trimming on a real track (gpxpy's around-visnjan-with-car.gpx, a loop whose
 * end is 26 m from its start): what another athlete reads in streams, the GPX export and the map preview.
 */
import { v7 as uuidv7 } from 'uuid';
import { useFixture } from '../../../../lib/testing/fixture';
import { gpxFixture } from '../../../../lib/testing/gpx-fixtures';
import { availableDatabaseKinds, openTestContextDatabase } from '../../../../lib/testing/test-databases';
import { trainingContext } from '..';
import { parseGpx } from '../files/gpx';
import { haversineMeters } from '../metrics/geo';
import { METRICS_CONFIG } from '../metrics/metrics-config';
import { athlete, errorCode, openTraining, type TrainingUnderTest } from '../training.test-kit';
import { decodePolyline, type LatLng } from './polyline';
import { ZONE_LIMITS } from './track-privacy';

const distance = (a: LatLng, b: LatLng) =>
  haversineMeters(a.latitude, a.longitude, b.latitude, b.longitude, METRICS_CONFIG.earthRadiusMeters);

const track = parseGpx(gpxFixture('around-visnjan-with-car.gpx').toString('utf8')).samples;
const positions: LatLng[] = track.map((s) => ({ latitude: s.latitude!, longitude: s.longitude! }));
/** Metres along the track at each sample. */
const along = positions.map((_, i) =>
  positions.slice(1, i + 1).reduce((sum, p, j) => sum + distance(positions[j]!, p), 0),
);

const STREAMS = `query ($id: ID!, $resolution: Int!) { workout(id: $id) {
  streams(channels: [LATITUDE, LONGITUDE, ALTITUDE], resolution: $resolution) { offsets series { channel values } }
  mapPreview } }`;
const ADD_ZONE = `mutation ($lat: Float!, $lon: Float!, $r: Float!) {
  addPrivacyZone(latitude: $lat, longitude: $lon, radiusMeters: $r) { id latitude longitude radiusMeters } }`;
const SETTINGS = `query ($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on User { privacyZones { id radiusMeters } hideStartEndMeters } } }`;

/** Every position a viewer gets of the workout: streams at two resolutions, the GPX export, the preview. */
async function positionsSeenBy(t: TrainingUnderTest, viewer: ReturnType<typeof athlete>, id: string) {
  const streamed: LatLng[][] = [];
  let preview: LatLng[] = [];
  let offsets = 0;
  for (const resolution of [5000, 15]) {
    const result = await t.gql(viewer, STREAMS, { id, resolution });
    const workout = result.data!.workout as {
      streams: { offsets: number[]; series: { channel: string; values: (number | null)[] }[] };
      mapPreview: string | null;
    };
    const [lat, lon] = ['LATITUDE', 'LONGITUDE'].map(
      (channel) => workout.streams.series.find((s) => s.channel === channel)!.values,
    );
    streamed.push(
      lat!.flatMap((latitude, i) =>
        latitude === null || lon![i] === null ? [] : [{ latitude, longitude: lon![i]! }],
      ),
    );
    if (resolution === 5000) offsets = workout.streams.offsets.length;
    preview = decodePolyline(workout.mapPreview!);
  }
  const gpx = await (await t.exportGpx(viewer, id)).text();
  const exported = [...gpx.matchAll(/<trkpt lat="([-\d.]+)" lon="([-\d.]+)"/g)].map((m) => ({
    latitude: Number(m[1]),
    longitude: Number(m[2]),
  }));
  return { fine: streamed[0]!, coarse: streamed[1]!, exported, preview, offsets };
}

describe.each(availableDatabaseKinds())("an athlete's track privacy on %s", (kind) => {
  const db = useFixture(() => openTestContextDatabase(kind, 'training', trainingContext.createClient));
  const training = useFixture(() => openTraining(db().client));
  const [ann, bob] = [athlete(uuidv7()), athlete(uuidv7())];
  let id = '';

  beforeAll(async () => {
    id = await training().aFinishedWorkout(ann, track, 'PUBLIC');
  });

  it('hides from others every position inside a zone, in streams, export and preview; the athlete sees all', async () => {
    const t = training();
    const zones = [
      { ...positions[0]!, radiusMeters: 200 },
      { ...positions[50]!, radiusMeters: 150 },
    ];
    for (const zone of zones)
      expect(
        (await t.gql(ann, ADD_ZONE, { lat: zone.latitude, lon: zone.longitude, r: zone.radiusMeters }))
          .errors,
      ).toBeUndefined();
    const inside = (p: LatLng) => zones.some((zone) => distance(p, zone) <= zone.radiusMeters);
    expect(positions.filter(inside).length).toBeGreaterThan(20);

    const seen = await positionsSeenBy(t, bob, id);
    for (const [name, list] of Object.entries(seen)) {
      if (typeof list === 'number') continue;
      expect([name, list.filter(inside)]).toEqual([name, []]);
      expect([name, list.length > 5]).toEqual([name, true]);
    }
    // Hidden samples keep their place on the time axis.
    expect(seen.offsets).toBe(track.length);
    // A zone hides a margin of 2 m more (rounding of exports): the points farther than that all stay.
    const beyondMargin = (p: LatLng) =>
      zones.every((zone) => distance(p, zone) > zone.radiusMeters + ZONE_LIMITS.marginMeters);
    expect(seen.exported.length).toBe(positions.filter(beyondMargin).length);

    const own = await positionsSeenBy(t, ann, id);
    expect(own.fine).toHaveLength(track.length);
    expect(own.exported).toHaveLength(track.length);
    expect(own.exported.filter(inside).length).toBe(positions.filter(inside).length);
    expect(own.preview.filter(inside).length).toBeGreaterThan(0);

    const settings = await t.gql(ann, SETTINGS, { reps: [{ __typename: 'User', id: ann.userId }] });
    expect(settings.data!._entities).toEqual([
      {
        privacyZones: [
          expect.objectContaining({ radiusMeters: 200 }),
          expect.objectContaining({ radiusMeters: 150 }),
        ],
        hideStartEndMeters: 0,
      },
    ]);
    expect(errorCode(await t.gql(bob, SETTINGS, { reps: [{ __typename: 'User', id: ann.userId }] }))).toBe(
      'FORBIDDEN',
    );

    const ids = (settings.data!._entities as { privacyZones: { id: string }[] }[])[0]!.privacyZones;
    for (const zone of ids)
      expect(
        (await t.gql(ann, `mutation ($id: ID!) { removePrivacyZone(id: $id) }`, { id: zone.id })).data,
      ).toEqual({
        removePrivacyZone: zone.id,
      });
    expect((await positionsSeenBy(t, bob, id)).exported).toHaveLength(track.length);
  });

  it("trims the first and last hideStartEndMeters of the track's distance for others", async () => {
    const t = training();
    const set = await t.gql(ann, `mutation { setHideStartEndMeters(meters: 300) }`);
    expect(set.data).toEqual({ setHideStartEndMeters: 300 });
    const total = along.at(-1)!;
    const indexOf = (p: LatLng) =>
      positions.findIndex(
        (q) => Math.abs(q.latitude - p.latitude) < 1e-6 && Math.abs(q.longitude - p.longitude) < 1e-6,
      );

    const seen = await positionsSeenBy(t, bob, id);
    const exportedAlong = seen.exported.map((p) => along[indexOf(p)]!);
    expect(Math.min(...exportedAlong)).toBeGreaterThanOrEqual(300);
    expect(Math.max(...exportedAlong)).toBeLessThanOrEqual(total - 300);
    expect(seen.exported.length).toBe(along.filter((d) => d >= 300 && d <= total - 300).length);
    // Start and finish (26 m apart) are both far from every position others get.
    for (const p of [...seen.fine, ...seen.coarse, ...seen.preview]) {
      expect(distance(p, positions[0]!)).toBeGreaterThan(150);
      expect(distance(p, positions.at(-1)!)).toBeGreaterThan(150);
    }
    expect((await positionsSeenBy(t, ann, id)).exported).toHaveLength(track.length);
    await t.gql(ann, `mutation { setHideStartEndMeters(meters: 0) }`);
  });

  it('refuses zones out of range, an eleventh zone, and settings out of range', async () => {
    const t = training();
    const carl = athlete(uuidv7());
    const add = (lat: number, lon: number, r: number) => t.gql(carl, ADD_ZONE, { lat, lon, r });
    expect(errorCode(await add(45, 13, 99))).toBe('BAD_USER_INPUT');
    expect(errorCode(await add(45, 13, 2001))).toBe('BAD_USER_INPUT');
    expect(errorCode(await add(90.5, 13, 500))).toBe('BAD_USER_INPUT');
    expect(errorCode(await add(45, 180.5, 500))).toBe('BAD_USER_INPUT');
    for (let i = 0; i < 10; i++) expect((await add(45, 13 + i / 100, 100)).errors).toBeUndefined();
    expect(errorCode(await add(45, 14, 100))).toBe('CONFLICT');
    expect(errorCode(await t.gql(carl, `mutation { setHideStartEndMeters(meters: 1601) }`))).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorCode(await t.gql(carl, `mutation { setHideStartEndMeters(meters: -1) }`))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      errorCode(await t.gql(carl, `mutation ($id: ID!) { removePrivacyZone(id: $id) }`, { id: uuidv7() })),
    ).toBe('NOT_FOUND');
  });
});
