import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { repoRoot } from '../paths';

// The exporter loads its HTTP transport with import(), which Jest's VM cannot run: the exporting
// process is a child (tsx), as in production; this test plays the OTLP/HTTP collector.
const exportOneSpan = `
const { flushTracing, setUpTracing, tracerOf } = require('./lib/tracing/tracing.ts');
setUpTracing({ serviceName: 'pulse-export-test', otlpEndpoint: process.argv[1] });
tracerOf('pulse.test').startActiveSpan('exported.span', (span) => span.end());
flushTracing().then(() => process.exit(0));
`;

describe('exporting spans over OTLP/HTTP', () => {
  let collector: Server;
  let endpoint: string;
  const received: { path: string; body: string }[] = [];

  beforeAll(async () => {
    collector = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ path: req.url ?? '', body });
        res.setHeader('content-type', 'application/json').end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => collector.close(resolve)));

  it('sends every finished span, with the service name, to <endpoint>/v1/traces', async () => {
    await promisify(execFile)(process.execPath, ['--import', 'tsx', '-e', exportOneSpan, endpoint], {
      cwd: repoRoot,
    });
    expect(received.map((r) => r.path)).toEqual(['/v1/traces']);
    expect(received[0]!.body).toContain('exported.span');
    expect(received[0]!.body).toContain('pulse-export-test');
  });
});
