/**
 * Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm): migrations without the
 * native binary the Prisma CLI would download. The package imports its .wasm file as an ES module,
 * which needs a Node flag; instantiating the module here works in plain Node, tsx and Jest alike.
 */
import { readFileSync } from 'node:fs';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

type Glue = typeof import('@prisma/schema-engine-wasm/schema_engine_bg') & {
  __wbg_set_wasm(exports: unknown): void;
};

// @types/node does not declare the WebAssembly global; this is the one call used here.
interface WasmRuntime {
  instantiate(
    bytes: Uint8Array,
    imports: object,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
}
const wasmRuntime = (globalThis as unknown as { WebAssembly: WasmRuntime }).WebAssembly;

// The engine's runtime arms 10-second timers that outlive `free()` and would keep a finished process (a
// CLI, a test worker) alive. Its setTimeout import is routed through here so they can be unref'd once no
// engine is left. They must not be cleared: the WebAssembly instance is shared, and a later engine would
// stall until its own timeouts fired.
const engineTimers = new Set<NodeJS.Timeout>();
let liveEngines = 0;

function trackedSetTimeout(callback: () => void, ms: number): NodeJS.Timeout {
  const timer = setTimeout(() => {
    engineTimers.delete(timer);
    callback();
  }, ms >>> 0);
  engineTimers.add(timer);
  return timer;
}

let loaded: Promise<typeof SchemaEngine> | undefined;

async function load(): Promise<typeof SchemaEngine> {
  const glue = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as Glue;
  const imports: Record<string, unknown> = { ...glue };
  for (const name of Object.keys(imports)) {
    if (name.startsWith('__wbg_setTimeout_')) imports[name] = trackedSetTimeout;
  }
  const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
  const { instance } = await wasmRuntime.instantiate(readFileSync(wasmPath), {
    './schema_engine_bg.js': imports,
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue.SchemaEngine;
}

/** Runs `work` with a schema engine bound to one database, and frees the engine afterwards. */
export async function withSchemaEngine<T>(
  schema: { path: string; content: string },
  adapter: SqlMigrationAwareDriverAdapterFactory,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  loaded ??= load();
  const Engine = await loaded;
  liveEngines += 1;
  try {
    const engine = await Engine.new(
      { datamodels: [[schema.path, schema.content]] },
      () => undefined,
      bindMigrationAwareSqlAdapterFactory(adapter),
    );
    try {
      return await work(engine);
    } finally {
      engine.free();
    }
  } finally {
    liveEngines -= 1;
    if (liveEngines === 0) {
      for (const timer of engineTimers) timer.unref();
      engineTimers.clear();
    }
  }
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };
