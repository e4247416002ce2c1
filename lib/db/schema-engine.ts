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

let loaded: Promise<typeof SchemaEngine> | undefined;

async function load(): Promise<typeof SchemaEngine> {
  const glue = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as Glue;
  const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
  const { instance } = await wasmRuntime.instantiate(readFileSync(wasmPath), {
    './schema_engine_bg.js': glue,
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue.SchemaEngine;
}

export type { SchemaEngine };

/** A schema engine bound to one database; `free()` it when done. */
export async function createSchemaEngine(
  schemaPath: string,
  schemaText: string,
  adapter: SqlMigrationAwareDriverAdapterFactory,
  log: (line: string) => void = () => undefined,
): Promise<SchemaEngine> {
  loaded ??= load();
  const Engine = await loaded;
  return Engine.new(
    { datamodels: [[schemaPath, schemaText]] },
    log,
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };
