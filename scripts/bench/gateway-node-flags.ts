/**
 * The Node.js flags `npm run start:gateway` runs the gateway with (package.json), which the bench's Pulse
 * gateway processes get too: the gateway is measured as it runs in production.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../lib/paths';

export function gatewayNodeFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  return (scripts['start:gateway'] ?? '').split(/\s+/).filter((word) => word.startsWith('--'));
}
