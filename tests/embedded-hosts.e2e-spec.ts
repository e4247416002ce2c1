import { connect } from 'node:net';
import { startTestPlatform, type TestPlatform } from './support/test-platform';

// Another loopback address: a server bound to 0.0.0.0 answers there, one bound to 127.0.0.1 does not. The
// test sends nothing beyond loopback.
const OTHER_ADDRESS = '127.0.0.2';

/** Whether a TCP connection to `host:port` is accepted. */
const accepts = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

describe('the embedded platform with its gateway on every interface', () => {
  let pulse: TestPlatform;
  beforeAll(async () => {
    pulse = await startTestPlatform({}, { gatewayHost: '0.0.0.0' });
  });
  afterAll(() => pulse?.close());

  it('serves the subgraphs on loopback only, at 127.0.0.1 addresses', async () => {
    for (const subgraph of pulse.platform.subgraphs) {
      expect(new URL(subgraph.url).hostname).toBe('127.0.0.1');
      expect(await accepts('127.0.0.1', subgraph.port)).toBe(true);
    }
  });

  it('refuses connections to the subgraphs on any other address', async () => {
    expect(await accepts(OTHER_ADDRESS, pulse.platform.gateway.port)).toBe(true);
    for (const subgraph of pulse.platform.subgraphs) {
      expect({ [subgraph.name]: await accepts(OTHER_ADDRESS, subgraph.port) }).toEqual({
        [subgraph.name]: false,
      });
    }
  });
});
