import { PlanError } from '../../domain/errors.js';
import { findDuplicateKey } from '../json-duplicate-key.js';
import { describeJsonSyntaxError } from '../json-error.js';

/**
 * Reading a runs file: CSV with a header row, a JSON array of objects, or NDJSON (one object per
 * line), as records of raw values under the field each column names. Whether the values make a
 * run (numbers, positive, tokens or flops) is `parse-runs.ts`.
 */

export type Field = 'params' | 'tokens' | 'flops' | 'loss';

/**
 * Column names recognised in any input, after normalisation (lower case; spaces, `_` and `-`
 * removed). `Model Size` and `Training FLOP` are the headers of Epoch AI's Chinchilla data.
 */
const FIELD_NAMES: Readonly<Record<string, Field>> = {
  params: 'params',
  param: 'params',
  parameters: 'params',
  n: 'params',
  modelsize: 'params',
  tokens: 'tokens',
  d: 'tokens',
  flops: 'flops',
  flop: 'flops',
  c: 'flops',
  trainingflop: 'flops',
  trainingflops: 'flops',
  loss: 'loss',
};

export const COLUMNS_HINT = 'give columns params (or N, Model Size), loss, and tokens (or D) or flops (or C, Training FLOP)';

/** A record before validation: field → raw value, and where it came from for messages. */
export interface RawRecord {
  readonly where: string;
  readonly values: Partial<Record<Field, unknown>>;
}

/**
 * The records of a runs file; the format is recognised from the first character (`[` JSON, `{`
 * NDJSON, else CSV). An error names the line (or JSON element).
 */
export function readRunRecords(text: string, name: string): RawRecord[] {
  const first = text.trimStart().charAt(0);
  return first === '[' ? readJsonArray(text, name) : first === '{' ? readNdjson(text, name) : readCsv(text, name);
}

function readCsv(text: string, name: string): RawRecord[] {
  const lines = text.split(/\r?\n/);
  const headerIndex = lines.findIndex((line) => line.trim() !== '');
  if (headerIndex < 0) return [];
  const header = splitCsvLine(lines[headerIndex] as string, name, headerIndex + 1);
  const fields = header.map((column) => fieldOf(column));
  if (fields.every((field) => field === undefined) && header.every((cell) => isNumeric(cell))) {
    throw invalidRunsFile(`${name}: line ${headerIndex + 1}: a CSV needs a header row`, COLUMNS_HINT);
  }
  refuseRepeatedFields(header, fields, `${name}: line ${headerIndex + 1}`);
  checkColumns(fields, name);
  const records: RawRecord[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    const cells = splitCsvLine(line, name, i + 1);
    if (cells.length !== header.length) {
      throw invalidRunsFile(`${name}: line ${i + 1}: ${cells.length} fields where the header has ${header.length}`);
    }
    const values: Partial<Record<Field, unknown>> = {};
    fields.forEach((field, column) => {
      if (field) values[field] = cells[column];
    });
    records.push({ where: `line ${i + 1}`, values });
  }
  return records;
}

/** Splits one CSV line (RFC 4180 quoting: `"a,b"`, `""` for a quote inside quotes). */
function splitCsvLine(line: string, name: string, lineNumber: number): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  if (quoted) throw invalidRunsFile(`${name}: line ${lineNumber}: unterminated quote`);
  cells.push(cell.trim());
  return cells;
}

function readJsonArray(text: string, name: string): RawRecord[] {
  const parsed = parseJson(text, name);
  if (!Array.isArray(parsed)) throw invalidRunsFile(`${name}: expected a JSON array of runs`, COLUMNS_HINT);
  return parsed.map((item, index) => toRecord(item, `element ${index + 1}`, name));
}

function readNdjson(text: string, name: string): RawRecord[] {
  const records: RawRecord[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    records.push(toRecord(parseJson(line, `${name}: line ${index + 1}`), `line ${index + 1}`, name));
  });
  return records;
}

/** JSON.parse with errors that name the input; nesting too deep for the parser is bad input, not a crash. */
function parseJson(text: string, where: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    if (error instanceof RangeError) throw invalidRunsFile(`${where}: nested too deeply to read`);
    throw invalidRunsFile(`${where}: not valid JSON (${describeJsonSyntaxError(error)})`);
  }
  // JSON.parse keeps the last of two equal keys silently; a run with "loss" twice is a mistake.
  const duplicate = findDuplicateKey(text);
  if (duplicate) throw invalidRunsFile(`${where}: key '${duplicate.key}' appears twice${duplicate.path === '$' ? '' : ` in ${duplicate.path.replace(/^\$\.?/, '')}`}`);
  return data;
}

function toRecord(item: unknown, where: string, name: string): RawRecord {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw invalidRunsFile(`${name}: ${where}: expected an object such as {"params": 1e8, "tokens": 2e9, "loss": 3.1}`);
  }
  const keys = Object.keys(item);
  const fields = keys.map((key) => fieldOf(key));
  refuseRepeatedFields(keys, fields, `${name}: ${where}`);
  const values: Partial<Record<Field, unknown>> = {};
  fields.forEach((field, index) => {
    if (field) values[field] = (item as Record<string, unknown>)[keys[index] as string];
  });
  return { where, values };
}

/** Two columns (or keys) for one field, such as `params` and `N`: which one holds the data is not clear. */
function refuseRepeatedFields(names: readonly string[], fields: ReadonlyArray<Field | undefined>, where: string): void {
  fields.forEach((field, index) => {
    const first = field === undefined ? -1 : fields.indexOf(field);
    if (first >= 0 && first < index) {
      throw invalidRunsFile(`${where}: '${names[first]}' and '${names[index]}' both give ${field}`, 'keep one column per field');
    }
  });
}

function checkColumns(fields: ReadonlyArray<Field | undefined>, name: string): void {
  const has = (field: Field): boolean => fields.includes(field);
  const missing = [!has('params') && 'params', !has('loss') && 'loss', !has('tokens') && !has('flops') && 'tokens or flops'].filter(Boolean);
  if (missing.length > 0) throw invalidRunsFile(`${name}: the header has no ${missing.join(', no ')} column`, COLUMNS_HINT);
}

function fieldOf(column: string): Field | undefined {
  const key = column.trim().toLowerCase().replace(/[\s_-]+/g, '');
  return Object.hasOwn(FIELD_NAMES, key) ? FIELD_NAMES[key] : undefined;
}

export function isNumeric(text: string): boolean {
  return /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(text.trim());
}

/** A runs file that cannot be read as runs: exit 2 with the message and hint. */
export function invalidRunsFile(message: string, hint?: string): PlanError {
  return new PlanError('invalid-file', message, hint);
}
