import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSafelist, parseSafelist, safelistCache, sha256 } from './safelist';

const query = 'query Sports { sports { sport } }';

describe('parseSafelist', () => {
  it('reads a map of hashes to operation texts', () => {
    expect([...parseSafelist({ [sha256(query)]: query }, 'list.json')]).toEqual([[sha256(query), query]]);
  });

  it("reads Apollo's persisted query manifest", () => {
    const manifest = {
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id: sha256(query), name: 'Sports', type: 'query', body: query }],
    };
    expect(parseSafelist(manifest, 'manifest.json').get(sha256(query))).toBe(query);
  });

  it('refuses an id that is not the hash of its text, naming it and the expected hash', () => {
    expect(() => parseSafelist({ abc: query }, 'list.json')).toThrow(
      `list.json has invalid entries:\n  - abc: not the SHA-256 of its operation text (${sha256(query)})`,
    );
  });

  it('refuses something that is no manifest', () => {
    expect(() => parseSafelist([1, 2], 'list.json')).toThrow(/list.json is not a safelist/);
  });
});

describe('loadSafelist', () => {
  const dir = mkdtempSync(join(tmpdir(), 'safelist-'));

  it('names the file that is missing or not JSON', () => {
    expect(() => loadSafelist(join(dir, 'missing.json'))).toThrow(
      /Cannot read the safelist GATEWAY_SAFELIST=.*missing.json/,
    );
    writeFileSync(join(dir, 'bad.json'), '{ nope');
    expect(() => loadSafelist(join(dir, 'bad.json'))).toThrow(/bad.json is not valid JSON/);
  });
});

describe('safelistCache', () => {
  it("answers Apollo Server's prefixed lookups from the list and registers nothing", async () => {
    const cache = safelistCache(parseSafelist({ [sha256(query)]: query }, 'list.json'));
    expect(await cache.get(`apq:${sha256(query)}`)).toBe(query);
    await cache.set(`apq:${sha256('{ me { id } }')}`, '{ me { id } }');
    expect(await cache.get(`apq:${sha256('{ me { id } }')}`)).toBeUndefined();
  });
});
