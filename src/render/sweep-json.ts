import type { PlanDocument } from '../core/plan-document.js';
import { renderJson } from './json.js';

/**
 * The `llm-plan/sweep@1` document in three parts so it can be written in chunks: `head`, rows joined
 * by `separator`, `tail`. Concatenated, they equal `renderJson({ schema, input, rows })` exactly
 * (tests/render/sweep-json.test.ts checks it), without ever holding a million rows in one string.
 */
export function renderSweepJsonHead(schema: string, input: unknown): string {
  const head = renderJson({ schema, input }).trimEnd();
  // Reopen the object after `input` and start the rows array, indented as JSON.stringify(…, 2) would.
  return `${head.slice(0, -2)},\n  "rows": [\n`;
}

export const SWEEP_JSON_SEPARATOR = ',\n';

/** One row at the depth of an element of `rows` (4 spaces). */
export function renderSweepJsonRow(row: PlanDocument): string {
  return `    ${renderJson(row).trimEnd().replace(/\n/g, '\n    ')}`;
}

export const SWEEP_JSON_TAIL = '\n  ]\n}\n';
