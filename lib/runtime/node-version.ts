/**
 * The Node.js versions Pulse runs on. package.json's "engines" says the same (a spec keeps them equal, and
 * keeps every installed package's own "engines" admitting it); every entry point checks it before anything
 * else, so that an older Node stops with a sentence instead of a syntax error deep in a dependency.
 */
export const MINIMUM_NODE_VERSION = '20.19.0';

const parts = (version: string) => version.replace(/^v/, '').split('.').map(Number);

/** Null when `version` is supported, else what to tell the person starting Pulse. */
export function unsupportedNodeMessage(version: string = process.versions.node): string | null {
  const [major = 0, minor = 0, patch = 0] = parts(version);
  const [needMajor = 0, needMinor = 0, needPatch = 0] = parts(MINIMUM_NODE_VERSION);
  const supported =
    major !== needMajor ? major > needMajor : minor !== needMinor ? minor > needMinor : patch >= needPatch;
  return supported
    ? null
    : `Pulse needs Node.js ${MINIMUM_NODE_VERSION} or newer; this is ${version}. Install a current Node.js 20 LTS or later.`;
}

/** Stops the process with the message when this Node.js is too old. */
export function exitOnUnsupportedNode(): void {
  const message = unsupportedNodeMessage();
  if (!message) return;
  console.error(message);
  process.exit(1);
}
