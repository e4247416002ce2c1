import { webContentSecurityPolicy } from './web-content-security-policy';

describe('webContentSecurityPolicy', () => {
  it('allows the gateway alone when no tiles and no S3 store are configured', () => {
    const policy = webContentSecurityPolicy('localhost:4000', { tileUrl: null, imageOrigin: null });
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("connect-src 'self' ws://localhost:4000 wss://localhost:4000;");
    expect(policy).toContain("img-src 'self' data: blob:;");
  });

  it('lets images come from the tile server and the object store, nothing else from them', () => {
    const policy = webContentSecurityPolicy('pulse.example', {
      tileUrl: 'https://tile.example.org/{z}/{x}/{y}.png',
      imageOrigin: 'https://media.example.net',
    });
    expect(policy).toContain(
      "img-src 'self' data: blob: https://tile.example.org https://media.example.net;",
    );
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toMatch(/connect-src[^;]*example\.org/);
  });

  it('leaves a Host header that is not a host out of the policy', () => {
    expect(webContentSecurityPolicy('evil; script-src *', { tileUrl: null, imageOrigin: null })).toContain(
      "connect-src 'self';",
    );
  });
});
