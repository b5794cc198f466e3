import { PlanError } from '../domain/errors.js';

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

/**
 * A document as one line of NDJSON (compact, newline-terminated), with the same non-finite guard.
 * The guard walks the document first instead of running as a `JSON.stringify` replacer: a replacer
 * is a call from native code per value and made a 100,000-row sweep twice as slow.
 */
export function renderJsonLine(document: unknown): string {
  return `${renderCompactJson(document)}\n`;
}

/** A document as compact JSON without the newline (a streamed NDJSON row: the writer adds it), with the same guard. */
export function renderCompactJson(document: unknown): string {
  assertFiniteNumbers(document, '');
  return JSON.stringify(document);
}

function assertFiniteNumbers(value: unknown, key: string): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) rejectNonFinite(key, value);
  } else if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) assertFiniteNumbers(value[index], key);
  } else if (value !== null && typeof value === 'object') {
    // for…in rather than Object.entries: no array per object, which a million-row sweep feels.
    const record = value as Record<string, unknown>;
    for (const childKey in record) assertFiniteNumbers(record[childKey], childKey);
  }
}
