/** Imported first by every entry point: stops an unsupported Node.js before any dependency loads. */
import { exitOnUnsupportedNode } from './node-version';

exitOnUnsupportedNode();
