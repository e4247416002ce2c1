/** The model registry: every version of every model, and which version serves each name. */
import { Prisma } from '../__generated__/prisma/client';
import type { InsightsTx } from '../insights.prisma';

export interface ModelVersionRecord {
  id: string;
  name: string;
  version: number;
  kind: 'RULES' | 'LOGISTIC';
  features: string[];
  parameters: unknown;
  trainedFrom: string | null;
  trainedTo: string | null;
  evaluation: unknown;
  privacy: unknown;
  /** The learned weights (no object store is configured: they live here). */
  artefact: unknown;
  serving: boolean;
  createdAt: Date;
}

export type ModelRegistryRepo = ReturnType<typeof createModelRegistryRepo>;

/** A nullable JSON column's value: SQL NULL for null. */
const jsonOrNull = (value: unknown) => (value == null ? Prisma.DbNull : (value as Prisma.InputJsonValue));

const asRow = (model: ModelVersionRecord) => ({
  ...model,
  parameters: model.parameters as Prisma.InputJsonValue,
  evaluation: jsonOrNull(model.evaluation),
  privacy: jsonOrNull(model.privacy),
  artefact: jsonOrNull(model.artefact),
});

const asModel = (row: Omit<ModelVersionRecord, 'kind'> & { kind: string }) => row as ModelVersionRecord;

export function createModelRegistryRepo(db: InsightsTx) {
  return {
    /** Registers a version unless that name and version exist (the rule models register at every start). */
    ensure: async (model: ModelVersionRecord): Promise<void> =>
      void (await db.modelVersion.createMany({ data: [asRow(model)], skipDuplicates: true })),

    /** Registers a new version and, when `serve`, makes it the only serving version of its name. */
    async register(model: ModelVersionRecord): Promise<void> {
      if (model.serving)
        await db.modelVersion.updateMany({ where: { name: model.name }, data: { serving: false } });
      await db.modelVersion.create({ data: asRow(model) });
    },

    latestVersion: async (name: string): Promise<number> =>
      (await db.modelVersion.aggregate({ where: { name }, _max: { version: true } }))._max.version ?? 0,

    serving: async (name: string): Promise<ModelVersionRecord | null> => {
      const row = await db.modelVersion.findFirst({ where: { name, serving: true } });
      return row && asModel(row);
    },

    byKey: async (name: string, version: number): Promise<ModelVersionRecord | null> => {
      const row = await db.modelVersion.findUnique({ where: { name_version: { name, version } } });
      return row && asModel(row);
    },

    all: async (): Promise<ModelVersionRecord[]> =>
      (await db.modelVersion.findMany({ orderBy: [{ name: 'asc' }, { version: 'desc' }] })).map(asModel),
  };
}
