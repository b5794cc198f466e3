import type { LossModel } from '../domain/presets.js';
import { extrapolationOfRun, type Extrapolation } from './extrapolation.js';
import { predictLoss } from './loss.js';

/**
 * A chosen run (`--params N --tokens D`, or `--model`) against the rule's optimum at the same
 * compute C = 6·N·D: the row carries the run, and `optimum` the rule's split of its compute.
 */
export interface RunComparison {
  /** The rule's compute-optimal allocation of the run's compute. */
  readonly optimum: { readonly params: number; readonly tokens: number; readonly tokensPerParam: number; readonly loss: number };
  /** N / N_opt: above 1 the run is larger than optimal (under-trained), below 1 smaller (over-trained). */
  readonly paramsRatio: number;
  /** (D/N) / (D_opt/N_opt): how many times the optimum's tokens per parameter the run trains on. */
  readonly tokensPerParamRatio: number;
  /** Nats/token: the run's loss minus the optimum's under the scoring model (≥ 0 for a loss-optimal rule). */
  readonly lossGap: number;
  /** `over-trained` when the run has more tokens per parameter than the optimum, else `under-trained`. */
  readonly regime: 'over-trained' | 'under-trained' | 'optimal';
}

/** Within 2% of the optimum's tokens per parameter counts as optimal. */
const OPTIMAL_BAND = 0.02;

/** The fields of a plan row the comparison reads (RulePlan, without importing it: no import circle). */
interface PlannedRow {
  readonly params: number;
  readonly tokens: number;
  readonly tokensPerParam: number;
  readonly flops: number;
  readonly loss: { readonly model: string; readonly value: number };
  readonly range?: unknown;
  readonly losses?: unknown;
  readonly extrapolation?: Extrapolation;
}

export function evaluateRun<R extends PlannedRow>(row: R, params: number, tokens: number, lossModel: LossModel): Omit<R, 'range' | 'losses'> & { readonly comparison: RunComparison } {
  const runLoss = predictLoss(lossModel, params, tokens);
  const tokensPerParam = tokens / params;
  const tokensPerParamRatio = tokensPerParam / row.tokensPerParam;
  const regime = Math.abs(tokensPerParamRatio - 1) <= OPTIMAL_BAND ? 'optimal' : tokensPerParamRatio > 1 ? 'over-trained' : 'under-trained';
  const { range: _range, losses: _losses, ...rest } = row;
  const flops = 6 * params * tokens;
  return {
    ...rest,
    params,
    tokens,
    tokensPerParam,
    flops,
    // The loss model is judged on the run it scored; the rule on the optimum it proposes.
    ...(row.extrapolation ? { extrapolation: extrapolationOfRun(row.extrapolation, lossModel, { params, tokens, flops }) } : {}),
    loss: { model: row.loss.model, value: runLoss },
    comparison: {
      optimum: { params: row.params, tokens: row.tokens, tokensPerParam: row.tokensPerParam, loss: row.loss.value },
      paramsRatio: params / row.params,
      tokensPerParamRatio,
      lossGap: runLoss - row.loss.value,
      regime,
    },
  };
}

/**
 * The ISO date `days` after `start` (YYYY-MM-DD), by civil-calendar arithmetic (no clock):
 * the CLI supplies today's date. Partial days round up (a run that ends mid-day finishes that day).
 *
 * @example addDays('2026-11-29', 21.2) → '2026-12-21'
 */
export function addDays(start: string, days: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(start);
  if (!match) throw new Error(`addDays: not an ISO date: ${start}`);
  const serial = daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3])) + Math.ceil(days);
  const [y, m, d] = civilFromDays(serial);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Whether `text` is a real calendar date YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const back = civilFromDays(daysFromCivil(y, m, d));
  return back[0] === y && back[1] === m && back[2] === d;
}

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian calendar).
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(serial: number): [number, number, number] {
  const z = serial + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}
