import { randomUUID } from 'node:crypto';
import { useFixture } from '../../../../lib/testing/fixture';
import { availableDatabaseKinds, openTestContextDatabase } from '../../../../lib/testing/test-databases';
import type { SportLevel } from '../__generated__/prisma/enums';
import { createSocialPrisma, type SocialPrisma } from '../social.prisma';
import { coarseLocation, type LatLng } from './coarse-location';
import { createPartnerSearchRepo, type PartnerMatch, type PartnerSearch } from './partner-search.repo';

// earthdistance's earth() is a sphere of 6 378 168 m: the haversine the distances are checked against
// uses the same radius, so the two agree to well under a metre (a mean radius would differ by 0.1 %).
const EARTH_RADIUS_METERS = 6_378_168;
const radians = (degrees: number) => (degrees * Math.PI) / 180;
function haversineMeters(a: LatLng, b: LatLng): number {
  const h =
    Math.sin(radians(b.latitude - a.latitude) / 2) ** 2 +
    Math.cos(radians(a.latitude)) *
      Math.cos(radians(b.latitude)) *
      Math.sin(radians(b.longitude - a.longitude) / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(h));
}

const NOTRE_DAME = { latitude: 48.853, longitude: 2.3499 };
// Homes as social stores them: snapped to the 1 km grid.
const home = {
  paris: coarseLocation({ latitude: 48.8566, longitude: 2.3522 }),
  bastille: coarseLocation({ latitude: 48.8532, longitude: 2.3691 }),
  versailles: coarseLocation({ latitude: 48.8049, longitude: 2.1204 }),
  orleans: coarseLocation({ latitude: 47.9029, longitude: 1.9093 }),
  brussels: coarseLocation({ latitude: 50.8503, longitude: 4.3517 }),
  london: coarseLocation({ latitude: 51.5074, longitude: -0.1278 }),
  lyon: coarseLocation({ latitude: 45.764, longitude: 4.8357 }),
};

interface AthleteSpec {
  at?: LatLng;
  homeArea?: string;
  sports: Record<string, SportLevel>;
  partnerSearch?: boolean;
}

async function anAthlete(client: SocialPrisma, spec: AthleteSpec): Promise<string> {
  const userId = randomUUID();
  await client.profile.create({
    data: {
      userId,
      displayName: 'Athlete',
      handle: `a${userId.replace(/-/g, '').slice(0, 20)}`,
      homeArea: spec.homeArea ?? null,
      homeLatitude: spec.at?.latitude ?? null,
      homeLongitude: spec.at?.longitude ?? null,
      partnerSearch: spec.partnerSearch ?? true,
      sports: { create: Object.entries(spec.sports).map(([sport, level]) => ({ sport, level })) },
    },
  });
  return userId;
}

const aBlock = (client: SocialPrisma, blockerId: string, blockedId: string) =>
  client.block.create({ data: { blockerId, blockedId, blockedAt: new Date() } });

describe.each(availableDatabaseKinds())('partner search on %s', (kind) => {
  const db = useFixture(() => openTestContextDatabase(kind, 'social', createSocialPrisma));
  let viewer: string;
  const ids: Record<string, string> = {};
  const placeOf = new Map<string, LatLng>();

  beforeAll(async () => {
    const { client } = db();
    viewer = await anAthlete(client, { at: home.paris, sports: { RUN: 'ADVANCED' } });
    const athletes: Record<string, AthleteSpec> = {
      bastilleA: { at: home.bastille, homeArea: 'Paris 11e', sports: { RUN: 'INTERMEDIATE' } },
      bastilleB: { at: home.bastille, homeArea: 'Paris 11e', sports: { RUN: 'BEGINNER', RIDE: 'EXPERT' } },
      versailles: { at: home.versailles, homeArea: 'Versailles', sports: { RUN: 'ADVANCED' } },
      orleans: { at: home.orleans, sports: { RUN: 'EXPERT' } },
      brussels: { at: home.brussels, homeArea: 'Bruxelles', sports: { RUN: 'ELITE' } },
      london: { at: home.london, homeArea: 'London', sports: { RUN: 'INTERMEDIATE' } },
      lyon: { at: home.lyon, sports: { RUN: 'ADVANCED' } },
      cyclist: { at: home.paris, sports: { RIDE: 'ADVANCED' } },
      optedOut: { at: home.paris, sports: { RUN: 'ADVANCED' }, partnerSearch: false },
      homeless: { sports: { RUN: 'ADVANCED' } },
      blockedByViewer: { at: home.paris, sports: { RUN: 'ADVANCED' } },
      blockingViewer: { at: home.paris, sports: { RUN: 'ADVANCED' } },
    };
    for (const [name, spec] of Object.entries(athletes)) {
      ids[name] = await anAthlete(client, spec);
      if (spec.at) placeOf.set(ids[name]!, spec.at);
    }
    await aBlock(client, viewer, ids.blockedByViewer!);
    await aBlock(client, ids.blockingViewer!, viewer);
    // Blocks between others do not hide anyone from the viewer.
    await aBlock(client, ids.bastilleA!, ids.london!);
  });

  const search = (query: Partial<PartnerSearch>) =>
    createPartnerSearchRepo(db().client).search({
      viewerId: viewer,
      sport: 'RUN',
      from: NOTRE_DAME,
      radiusMeters: 1_000_000,
      first: 50,
      ...query,
    });
  const namesOf = (matches: PartnerMatch[]) =>
    matches.map((match) => Object.keys(ids).find((name) => ids[name] === match.userId) ?? match.userId);
  // The two Bastille athletes share a cell, hence a distance: the tie goes by user id.
  const bastilleInIdOrder = () =>
    ids.bastilleA! < ids.bastilleB! ? ['bastilleA', 'bastilleB'] : ['bastilleB', 'bastilleA'];

  it('lists opted-in athletes of the sport nearest first, each at its great-circle distance to the metre', async () => {
    const matches = await search({});
    expect(namesOf(matches)).toEqual([
      ...bastilleInIdOrder(),
      'versailles',
      'orleans',
      'brussels',
      'london',
      'lyon',
    ]);
    for (const match of matches) {
      expect(match.distanceMeters).toBeCloseTo(haversineMeters(NOTRE_DAME, placeOf.get(match.userId)!), 0);
    }
    expect(matches.find((m) => m.userId === ids.london)).toEqual({
      userId: ids.london,
      distanceMeters: expect.any(Number),
      homeArea: 'London',
      level: 'INTERMEDIATE',
    });
    expect(Math.round(matches.find((m) => m.userId === ids.london)!.distanceMeters / 1000)).toBe(344);
  });

  it('never lists the viewer, athletes who opted out or have no home, or anyone in a block with the viewer', async () => {
    const listed = (await search({ radiusMeters: 20_000_000, first: 100 })).map((m) => m.userId);
    for (const hidden of [viewer, ids.optedOut, ids.homeless, ids.blockedByViewer, ids.blockingViewer]) {
      expect(listed).not.toContain(hidden);
    }
    // The people the viewer blocked or was blocked by still find each other's neighbours.
    const fromBlocked = await createPartnerSearchRepo(db().client).search({
      viewerId: ids.blockedByViewer!,
      sport: 'RUN',
      from: NOTRE_DAME,
      radiusMeters: 5_000,
      first: 10,
    });
    expect(fromBlocked.map((m) => m.userId)).not.toContain(viewer);
    expect(fromBlocked.map((m) => m.userId)).toContain(ids.blockingViewer);
  });

  it('cuts off at the radius, to the metre', async () => {
    const toVersailles = haversineMeters(NOTRE_DAME, home.versailles);
    expect(namesOf(await search({ radiusMeters: toVersailles + 1 }))).toEqual([
      ...bastilleInIdOrder(),
      'versailles',
    ]);
    expect(namesOf(await search({ radiusMeters: toVersailles - 1 }))).toEqual(bastilleInIdOrder());
    expect(await search({ radiusMeters: 500 })).toEqual([]);
  });

  it('filters by sport, by exact level and by minimum level', async () => {
    // The Paris cell is nearer Notre-Dame than the Bastille one.
    expect(haversineMeters(NOTRE_DAME, home.paris)).toBeLessThan(haversineMeters(NOTRE_DAME, home.bastille));
    expect(namesOf(await search({ sport: 'RIDE' }))).toEqual(['cyclist', 'bastilleB']);
    expect(namesOf(await search({ level: 'ADVANCED' }))).toEqual(['versailles', 'lyon']);
    expect(namesOf(await search({ minLevel: 'EXPERT' }))).toEqual(['orleans', 'brussels']);
    expect((await search({ sport: 'SWIM' })).length).toBe(0);
  });

  it('pages with a keyset cursor without a gap or a duplicate, ties included', async () => {
    const all = await search({});
    for (const size of [1, 2, 3]) {
      const pages: PartnerMatch[] = [];
      let page = await search({ first: size });
      while (page.length > 0) {
        pages.push(...page);
        const last = page.at(-1)!;
        page = await search({
          first: size,
          after: { distanceMeters: last.distanceMeters, userId: last.userId },
        });
      }
      expect(pages).toEqual(all);
    }
  });

  it('searches around the viewer’s own coarse home', async () => {
    const repo = createPartnerSearchRepo(db().client);
    const from = await repo.homeOf(viewer);
    expect(from).toEqual(home.paris);
    const [nearest] = await repo.search({
      viewerId: viewer,
      sport: 'RUN',
      from: from!,
      radiusMeters: 5_000,
      first: 1,
    });
    expect(nearest!.distanceMeters).toBeCloseTo(haversineMeters(home.paris, home.bastille), 0);
    expect(await repo.homeOf(ids.homeless!)).toBeNull();
  });

  it('leaves the session’s search_path as it was, alone or inside the caller’s transaction', async () => {
    const { client } = db();
    const searchPath = async () =>
      (await client.$queryRaw<[{ path: string }]>`SELECT current_setting('search_path') AS path`)[0].path;
    const before = await searchPath();
    expect(before).not.toContain('extensions');
    await search({});
    expect(await searchPath()).toBe(before);
    const inside = await client.$transaction(async (tx) => {
      const matches = await createPartnerSearchRepo(tx).search({
        viewerId: viewer,
        sport: 'RUN',
        from: NOTRE_DAME,
        radiusMeters: 5_000,
        first: 10,
      });
      const [{ path }] = await tx.$queryRaw<
        [{ path: string }]
      >`SELECT current_setting('search_path') AS path`;
      return { matches, path };
    });
    expect(inside.matches).toHaveLength(2);
    expect(inside.path).toBe(before);
    expect(await searchPath()).toBe(before);
  });

  it('refuses a search it cannot run', async () => {
    await expect(search({ radiusMeters: 0 })).rejects.toThrow('radius');
    await expect(search({ first: 0 })).rejects.toThrow('page');
    await expect(search({ from: { latitude: 91, longitude: 0 } })).rejects.toThrow('latitude');
    await expect(search({ level: 'ELITE', minLevel: 'BEGINNER' })).rejects.toThrow('not both');
  });
});
