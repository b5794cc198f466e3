import { TRAINING_FLOPS_PER_PARAM_TOKEN as SIX } from '../../domain/units.js';
import type { Run } from './runs.js';
import { COLUMNS_HINT, invalidRunsFile, isNumeric, readRunRecords, type Field, type RawRecord } from './run-records.js';

/**
 * Reads training runs from text: CSV with a header row, a JSON array of objects, or NDJSON (one
 * object per line). The format is recognised from the first character (`[` JSON, `{` NDJSON, else
 * CSV). Tokens are derived as `C/(6N)` when only FLOPs are given (Kaplan et al. 2020 §2.1).
 * Every value must be a positive finite number; an error names the line (or JSON element).
 *
 * @param name the input's name for messages (a path, or `-` for stdin)
 * @example parseRuns('params,tokens,loss\n1e8,2e9,3.1\n', 'runs.csv') → [{ params: 1e8, tokens: 2e9, loss: 3.1 }]
 */
export function parseRuns(text: string, name: string): Run[] {
  const records = readRunRecords(text, name);
  if (records.length === 0) throw invalidRunsFile(`${name}: no runs found`, COLUMNS_HINT);
  return records.map((record) => toRun(record, name));
}

/** A record as a run: every value a positive finite number, tokens given or derived from flops. */
function toRun({ where, values }: RawRecord, name: string): Run {
  const read = (field: Field): number | undefined => {
    const raw = values[field];
    if (raw === undefined || raw === null || raw === '') return undefined;
    const value = typeof raw === 'number' ? raw : typeof raw === 'string' && isNumeric(raw) ? Number(raw) : Number.NaN;
    if (!(value > 0 && Number.isFinite(value))) {
      throw invalidRunsFile(`${name}: ${where}: ${field} must be a positive finite number, got ${JSON.stringify(raw)}`);
    }
    return value;
  };
  const params = read('params');
  const loss = read('loss');
  const tokensGiven = read('tokens');
  const flops = read('flops');
  if (params === undefined) throw invalidRunsFile(`${name}: ${where}: no params`, COLUMNS_HINT);
  if (loss === undefined) throw invalidRunsFile(`${name}: ${where}: no loss`, COLUMNS_HINT);
  const tokens = tokensGiven ?? (flops === undefined ? undefined : flops / (SIX * params));
  if (tokens === undefined) throw invalidRunsFile(`${name}: ${where}: neither tokens nor flops`, COLUMNS_HINT);
  if (!(tokens > 0 && Number.isFinite(tokens))) {
    throw invalidRunsFile(`${name}: ${where}: tokens = flops/(6·params) is not a positive finite number`);
  }
  return { params, tokens, loss };
}
