import { partnerApiKeyOf } from './partner-api-key-header';

describe('partnerApiKeyOf', () => {
  it('reads x-api-key, or Authorization: ApiKey <key>', () => {
    expect(partnerApiKeyOf({ 'x-api-key': ' pk_live_a_b ' })).toBe('pk_live_a_b');
    expect(partnerApiKeyOf({ authorization: 'ApiKey pk_live_a_b' })).toBe('pk_live_a_b');
  });

  it('finds none in a bearer token or without headers', () => {
    expect(partnerApiKeyOf({ authorization: 'Bearer eyJ' })).toBeNull();
    expect(partnerApiKeyOf({})).toBeNull();
  });
});
