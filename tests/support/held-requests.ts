/** Requests a test keeps in flight as long as it likes: what a server has received of them, and when the rest comes. */
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A POST on a connection of its own whose body is half sent now; `finish` sends the rest. */
export function halfSentPost(url: string, headers: Record<string, string>, body: Buffer) {
  const half = Math.floor(body.length / 2);
  const req = request(url, {
    method: 'POST',
    headers: { ...headers, 'content-length': String(body.length) },
    agent: false,
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
  });
  // Handled here too: a failure before the test awaits the answer must not end the process.
  answer.catch(() => undefined);
  req.write(body.subarray(0, half));
  return { answer, finish: () => req.end(body.subarray(half)) };
}

/**
 * A GET whose request line has arrived but not the end of its headers, so that the server holds the
 * connection as busy; `finish` completes it and reads the status and body (HTTP/1.1, connection closed).
 */
export async function halfSentGet(origin: string, path: string) {
  const { hostname, port } = new URL(origin);
  const socket: Socket = connect(Number(port), hostname);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.write(`GET ${path} HTTP/1.1\r\nhost: ${hostname}\r\nconnection: close\r\n`);
  const received: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => received.push(chunk));
  const closed = new Promise<void>((resolve, reject) =>
    socket.once('close', () => resolve()).once('error', reject),
  );
  return {
    async finish(): Promise<{ status: number; body: string }> {
      socket.write('\r\n');
      await closed;
      const text = Buffer.concat(received).toString();
      return { status: Number(text.split(' ')[1]), body: text.slice(text.indexOf('\r\n\r\n') + 4) };
    },
  };
}

/** Whether a new TCP connection to `origin` is refused. */
export function refusesConnections(origin: string): Promise<boolean> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}
