/**
 * A loopback HTTPS server for the push tests, with a certificate made at start (selfsigned) for
 * 127.0.0.1, and an `https.Agent` that trusts it: it plays Google's token endpoint, FCM or a push service.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { Agent, createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

export interface PeerRequest {
  method: string;
  /** Path and query. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface PeerAnswer {
  status: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON. */
  body?: string | Buffer | object;
}

/** Answers a request; returning `'hang'` never answers (to test timeouts). */
export type PeerRoute = (request: PeerRequest) => PeerAnswer | 'hang' | Promise<PeerAnswer | 'hang'>;

export async function startHttpsPeer(route: PeerRoute) {
  const pem = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    curve: 'P-256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
    ],
  });
  const requests: PeerRequest[] = [];
  const server = createServer({ key: pem.private, cert: pem.cert }, (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', async () => {
      const request = {
        method: incoming.method ?? '',
        url: incoming.url ?? '',
        headers: incoming.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(request);
      const answer = await route(request);
      if (answer === 'hang') return;
      const isJson =
        answer.body !== undefined && typeof answer.body === 'object' && !Buffer.isBuffer(answer.body);
      outgoing.writeHead(answer.status, {
        ...(isJson && { 'content-type': 'application/json' }),
        ...answer.headers,
      });
      outgoing.end(isJson ? JSON.stringify(answer.body) : answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const agent = new Agent({ ca: pem.cert, keepAlive: true });
  return {
    origin: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** Trusts the peer's certificate; hand it to the sender under test. */
    agent,
    /** Every request received, in order. */
    requests,
    async close(): Promise<void> {
      agent.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export type HttpsPeer = Awaited<ReturnType<typeof startHttpsPeer>>;
