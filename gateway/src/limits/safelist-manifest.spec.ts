import { parseSafelist, sha256 } from './safelist';
import { safelistOf } from './safelist-manifest';

describe('safelistOf', () => {
  it('lists each operation with the fragments it uses, keyed by the hash of its printed text', () => {
    const manifest = safelistOf([
      'query Me { me { ...U } } query Sports { sports { sport } }',
      'fragment U on User { id ...N } fragment N on User { displayName } fragment Unused on User { id }',
    ]);
    const texts = Object.values(manifest);
    expect(texts).toEqual([
      'query Me {\n  me {\n    ...U\n  }\n}\n\nfragment U on User {\n  id\n  ...N\n}\n\nfragment N on User {\n  displayName\n}',
      'query Sports {\n  sports {\n    sport\n  }\n}',
    ]);
    expect(Object.keys(manifest)).toEqual(texts.map(sha256));
    expect(parseSafelist(manifest, 'generated').size).toBe(2);
  });

  it('names a fragment that is used but defined nowhere', () => {
    expect(() => safelistOf(['{ me { ...Missing } }'])).toThrow(
      'The fragment Missing is used but defined nowhere.',
    );
  });
});
