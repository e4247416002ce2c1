/**
 * `npm run safelist:generate [-- <dir or .graphql files>…] [--out <file>]`: writes the safelist of the
 * operations in those files (default: tests/operations/) for GATEWAY_SAFELIST (default out: safelist.json).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { safelistOf } from '../gateway/src/limits/safelist-manifest';
import { repoRoot } from '../lib/paths';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = resolve(outAt >= 0 ? (args[outAt + 1] ?? 'safelist.json') : join(repoRoot, 'safelist.json'));
const inputs = args.filter((_arg, i) => outAt < 0 || (i !== outAt && i !== outAt + 1));
const files = (inputs.length > 0 ? inputs : [join(repoRoot, 'tests', 'operations')]).flatMap((input) =>
  statSync(input).isDirectory()
    ? readdirSync(input)
        .filter((name) => name.endsWith('.graphql'))
        .sort()
        .map((name) => join(input, name))
    : [input],
);
const manifest = safelistOf(files.map((file) => readFileSync(file, 'utf8')));
writeFileSync(out, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`${Object.keys(manifest).length} operations from ${files.length} files written to ${out}`);
