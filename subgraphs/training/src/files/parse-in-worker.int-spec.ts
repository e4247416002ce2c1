import { spawn } from 'node:child_process';
import { repoRoot } from '../../../../lib/paths';
import { IDLE_TIMEOUT_MS } from './parse-in-worker';

// A child process (tsx, as in production) parses one file and does nothing more: its idle worker must not
// keep it alive until the idle timeout ends the worker.
const parseOneFile = `
const { parseActivityFileInWorker } = require('./subgraphs/training/src/files/parse-in-worker.ts');
const gpx = '<?xml version="1.0"?><gpx version="1.1" creator="test"><trk><trkseg>' +
  '<trkpt lat="46.0" lon="14.5"><time>2024-05-01T08:00:00Z</time></trkpt>' +
  '<trkpt lat="46.1" lon="14.5"><time>2024-05-01T08:10:00Z</time></trkpt></trkseg></trk></gpx>';
parseActivityFileInWorker(Buffer.from(gpx)).then((activity) => console.log('parsed', activity.samples.length));
`;

describe('parseActivityFileInWorker in a process of its own', () => {
  it('lets the process end once the file is parsed, its idle worker notwithstanding', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', parseOneFile], { cwd: repoRoot });
    let output = '';
    let parsedAt = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('parsed')) parsedAt ||= Date.now();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exitCode = await new Promise<number | null>((resolve) => child.once('exit', resolve));

    expect({ exitCode, output: output.trim() }).toEqual({ exitCode: 0, output: 'parsed 2' });
    expect(Date.now() - parsedAt).toBeLessThan(IDLE_TIMEOUT_MS / 3);
  });
});
