import { assertObjectKey, assertObjectPrefix, InvalidObjectKeyError, userPrefix } from './object-key';

describe('assertObjectKey', () => {
  it.each([
    'users/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b/avatars/a1/256.webp',
    'badges/first-run/icon.png',
    'a',
    'A_b.c-d',
  ])('accepts %s', (key) => expect(assertObjectKey(key)).toBe(key));

  it.each([
    ['a leading slash', '/users/a'],
    ['a parent segment', 'users/../secrets'],
    ['a current segment', 'users/./a'],
    ['an empty segment', 'users//a'],
    ['a trailing slash', 'users/a/'],
    ['a leading dot', '.hidden'],
    ['a backslash', 'users\\a'],
    ['a space', 'users/a b'],
    ['a tilde (the file store’s sidecars)', 'users/a~meta.json'],
    ['a non-ASCII letter', 'users/é'],
    ['an empty key', ''],
    ['more than 512 characters', 'a'.repeat(513)],
  ])('refuses %s', (_, key) => {
    expect(() => assertObjectKey(key)).toThrow(InvalidObjectKeyError);
  });
});

describe('assertObjectPrefix', () => {
  it('accepts the empty prefix, a folder and the start of a name', () => {
    for (const prefix of ['', 'users/', 'users/a/avatars/', 'users/a/ava'])
      expect(assertObjectPrefix(prefix)).toBe(prefix);
  });

  it('refuses what no key could start with', () => {
    for (const prefix of ['/', '../', 'users//', 'users/../'])
      expect(() => assertObjectPrefix(prefix)).toThrow(InvalidObjectKeyError);
  });
});

describe('userPrefix', () => {
  it('is users/<id>/', () => {
    expect(userPrefix('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')).toBe(
      'users/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b/',
    );
  });

  it('refuses an id that would reach another prefix', () => {
    expect(() => userPrefix('../admin')).toThrow(InvalidObjectKeyError);
    expect(() => userPrefix('a/b')).toThrow(InvalidObjectKeyError);
    expect(() => userPrefix('')).toThrow(InvalidObjectKeyError);
  });
});
