import { rejectNonFinite } from './json.js';

/** A document as one line of compact JSON with a newline: one record of an NDJSON stream. */
export function renderJsonLine(document: unknown): string {
  return `${JSON.stringify(document, rejectNonFinite)}\n`;
}
