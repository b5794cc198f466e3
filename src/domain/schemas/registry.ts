import type * as z from 'zod';
import { CheckDocumentSchema, CheckResultLineSchema } from './check.js';
import { CheckFileSchema } from './check-file.js';
import { FitDocumentSchema } from './fit.js';
import { ModelsDocumentSchema } from './models.js';
import { PlanDocumentSchema } from './plan.js';
import { PlotDocumentSchema } from './plot.js';
import { PresetsDocumentSchema } from './presets-document.js';
import { SweepDocumentSchema } from './sweep.js';
import { CompletionDocumentSchema, SchemaListDocumentSchema } from './tooling.js';

/**
 * Every JSON document llm-plan emits, by the name `llm-plan schema NAME` takes. A command that
 * adds a document adds one line here; the tests validate its real output against the JSON Schema
 * generated from the entry. Loaded only by the paths that need zod (schema, check, user files).
 */
export const DOCUMENT_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  plan: PlanDocumentSchema,
  check: CheckDocumentSchema,
  presets: PresetsDocumentSchema,
  sweep: SweepDocumentSchema,
  fit: FitDocumentSchema,
  plot: PlotDocumentSchema,
  models: ModelsDocumentSchema,
  completion: CompletionDocumentSchema,
  'schema-list': SchemaListDocumentSchema,
  // One line of `check --format ndjson`.
  'check-result': CheckResultLineSchema,
  // Not emitted but read: the config files of `llm-plan check`, for editors and linters.
  'check-file': CheckFileSchema,
};
