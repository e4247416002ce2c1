import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { repoRoot } from '../paths';
import { MINIMUM_NODE_VERSION, unsupportedNodeMessage } from './node-version';

const readJson = (file: string) => JSON.parse(readFileSync(join(repoRoot, file), 'utf8'));

describe('the Node.js requirement', () => {
  it('accepts the minimum and newer versions, and refuses older ones with what to do', () => {
    expect(unsupportedNodeMessage('20.19.0')).toBeNull();
    expect(unsupportedNodeMessage('v20.20.2')).toBeNull();
    expect(unsupportedNodeMessage('22.1.0')).toBeNull();
    expect(unsupportedNodeMessage('20.18.9')).toMatch(/needs Node\.js 20\.19\.0 or newer; this is 20\.18\.9/);
    expect(unsupportedNodeMessage('18.20.4')).not.toBeNull();
  });

  it('is the one package.json declares', () => {
    expect(readJson('package.json').engines.node).toBe(`>=${MINIMUM_NODE_VERSION}`);
  });

  it('is admitted by every installed package (npm would warn about each one that wants a newer Node.js)', () => {
    const lock = readJson('package-lock.json') as {
      packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
    };
    const refusing = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .flatMap(([path, entry]) => {
        const wanted = !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
        return wanted && !semver.satisfies(MINIMUM_NODE_VERSION, wanted)
          ? [`${path.replace(/^.*node_modules\//, '')}@${entry.version} wants node ${wanted}`]
          : [];
      });
    expect(refusing).toEqual([]);
  });
});
