import { PlanError } from '../core/errors.js';

/**
 * Any llm-plan document as pretty JSON with a trailing newline. A non-finite number would print as
 * `null` and silently break the contract, so it is treated as the bug it is.
 */
export function renderJson(document: unknown): string {
  return `${JSON.stringify(document, rejectNonFinite, 2)}\n`;
}

function rejectNonFinite(key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new PlanError('internal', `refusing to print a non-finite number (${value}) at '${key}'`);
  }
  return value;
}

/** A document as one line of NDJSON (newline-delimited JSON), for line-oriented pipelines. */
export function renderJsonLine(document: unknown): string {
  return `${JSON.stringify(document, rejectNonFinite)}\n`;
}
