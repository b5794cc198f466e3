import type { FittedOn, LossModel, Rule } from '../domain/presets.js';
import { formatCount, formatNumber, formatScientific } from './format.js';

export type ExtrapolatedQuantity = 'params' | 'tokens' | 'flops';

/** One quantity of a plan against the runs behind one law. */
export interface ExtrapolationCheck {
  /** Whose runs: the rule that allocated the plan, or the loss model that scored it. */
  readonly law: 'rule' | 'loss';
  readonly id: string;
  readonly quantity: ExtrapolatedQuantity;
  readonly value: number;
  /** The span of that quantity over the law's runs. */
  readonly range: readonly [number, number];
  /** Decades (log10) outside the span: 0 inside it. */
  readonly decades: number;
  readonly side: 'inside' | 'below' | 'above';
  /**
   * A chosen run (`--params` with `--tokens`, or `--model`) has two points: the run's own (N, D, C),
   * which the loss model scored, and the rule's optimum at the same compute. `run` or `optimum` says
   * which one this check is on; absent for a plan, whose row is the rule's own allocation.
   */
  readonly of?: 'run' | 'optimum';
}

/** `plans[].extrapolation`: whether the plan lies inside the runs its rule and loss model were fitted on. */
export interface Extrapolation {
  /** Every checked quantity lies inside its law's runs. */
  readonly inside: boolean;
  /** The largest distance outside, in decades (0 when inside). */
  readonly decades: number;
  /** The loss prediction is at least `FAR_DECADES` outside its model's runs: a warning, not a number to trust. */
  readonly lossFarOutside: boolean;
  readonly checks: readonly ExtrapolationCheck[];
  /** Laws that do not say which runs they were fitted on (user presets, `optimal`'s rule side). */
  readonly unknown: readonly string[];
}

/**
 * One decade outside the runs is where a fitted power law has only its form to stand on; a loss
 * predicted that far out gets a warning instead of a bare number (issue 13).
 */
export const FAR_DECADES = 1;

const QUANTITIES: readonly ExtrapolatedQuantity[] = ['params', 'tokens', 'flops'];

/**
 * The `range` of the checks against one fitted span: one frozen copy, shared by every plan that is
 * checked against it (a sweep checks each of its rows), so no plan can change a preset's span.
 */
const SHARED_RANGES = new WeakMap<readonly [number, number], readonly [number, number]>();

function sharedRange(range: readonly [number, number]): readonly [number, number] {
  let shared = SHARED_RANGES.get(range);
  if (!shared) {
    shared = Object.freeze([range[0], range[1]] as const);
    SHARED_RANGES.set(range, shared);
  }
  return shared;
}

function check(law: 'rule' | 'loss', id: string, fitted: FittedOn, quantity: ExtrapolatedQuantity, value: number): ExtrapolationCheck | undefined {
  const fittedRange = fitted[quantity];
  if (!fittedRange) return undefined;
  const range = sharedRange(fittedRange);
  const [low, high] = range;
  const below = Math.log10(low / value);
  const above = Math.log10(value / high);
  const side = below > 0 ? 'below' : above > 0 ? 'above' : 'inside';
  return { law, id, quantity, value, range, decades: side === 'below' ? below : side === 'above' ? above : 0, side };
}

/** The largest `decades` of `checks` (0 for none), and whether a loss check lies `FAR_DECADES` out. */
function farthest(checks: readonly ExtrapolationCheck[]): { decades: number; lossFarOutside: boolean } {
  let decades = 0;
  let lossFarOutside = false;
  for (const entry of checks) {
    if (entry.decades > decades) decades = entry.decades;
    if (entry.law === 'loss' && entry.decades >= FAR_DECADES) lossFarOutside = true;
  }
  return { decades, lossFarOutside };
}

/**
 * Checks a plan's N, D and C against the runs behind its rule and its loss model. A rule without its
 * own runs (`optimal` minimises the loss model, so its runs are the model's) adds no checks.
 */
export function extrapolationOf(rule: Rule, loss: LossModel, plan: { params: number; tokens: number; flops: number }): Extrapolation {
  const checks: ExtrapolationCheck[] = [];
  const unknown: string[] = [];
  // No closure or iterator here: a sweep checks every row, and they were most of the cost.
  if (rule.fittedOn) addChecks(checks, 'rule', rule.id, rule.fittedOn, plan);
  else if (rule.kind !== 'loss-optimal') unknown.push(rule.id);
  if (loss.fittedOn) addChecks(checks, 'loss', loss.id, loss.fittedOn, plan);
  else unknown.push(loss.id);
  let decades = 0;
  let lossFarOutside = false;
  for (let index = 0; index < checks.length; index++) {
    const entry = checks[index] as ExtrapolationCheck;
    if (entry.decades > decades) decades = entry.decades;
    if (entry.law === 'loss' && entry.decades >= FAR_DECADES) lossFarOutside = true;
  }
  return { inside: decades === 0, decades, lossFarOutside, checks, unknown };
}

/** The checks of N, D and C (those the law has a range for) against one law's runs. */
function addChecks(checks: ExtrapolationCheck[], law: 'rule' | 'loss', id: string, fitted: FittedOn, plan: { params: number; tokens: number; flops: number }): void {
  for (let index = 0; index < QUANTITIES.length; index++) {
    const quantity = QUANTITIES[index] as ExtrapolatedQuantity;
    const found = check(law, id, fitted, quantity, plan[quantity]);
    if (found) checks.push(found);
  }
}

/**
 * The extrapolation of a chosen run: the loss model's validity is judged on the run's own (N, D, C),
 * the (N, D) its loss was predicted for; the rule's range on the optimum it proposes at the same compute.
 * `optimum` is the extrapolation of the rule's own row (from `extrapolationOf`).
 */
export function extrapolationOfRun(optimum: Extrapolation, loss: LossModel, run: { params: number; tokens: number; flops: number }): Extrapolation {
  const checks: ExtrapolationCheck[] = optimum.checks.filter((entry) => entry.law === 'rule').map((entry) => ({ ...entry, of: 'optimum' as const }));
  const fitted = loss.fittedOn;
  if (fitted) {
    for (const quantity of QUANTITIES) {
      const found = check('loss', loss.id, fitted, quantity, run[quantity]);
      if (found) checks.push({ ...found, of: 'run' });
    }
  }
  const { decades, lossFarOutside } = farthest(checks);
  return { inside: decades === 0, decades, lossFarOutside, checks, unknown: optimum.unknown };
}

const NOUN: Record<ExtrapolatedQuantity, string> = { params: 'parameters', tokens: 'tokens', flops: 'FLOPs' };
const SYMBOL: Record<ExtrapolatedQuantity, string> = { params: 'N', tokens: 'D', flops: 'C' };

function formatQuantity(quantity: ExtrapolatedQuantity, value: number): string {
  return quantity === 'flops' ? formatScientific(value) : formatCount(value);
}

/** Decades to two significant figures at most: 0.062 → "0.06", 2.24 → "2.2", 12.3 → "12". */
export function formatDecades(decades: number): string {
  if (decades >= 10) return decades.toFixed(0);
  if (decades >= 0.1) return decades.toFixed(1);
  return decades.toFixed(2);
}

/** The largest distance outside the runs of the loss model alone. */
export function lossDecades(extrapolation: Extrapolation): number {
  return Math.max(0, ...extrapolation.checks.filter((entry) => entry.law === 'loss').map((entry) => entry.decades));
}

/**
 * One sentence for a plan row: inside, or which quantity lies how many decades outside whose runs.
 *
 * @example "deepmind extrapolates: N 289B is 1.3 decades above the runs of deepmind and hoffmann2022 (70.0M–16.0B parameters)."
 */
export function describeExtrapolation(ruleId: string, extrapolation: Extrapolation): string {
  const { checks } = extrapolation;
  const count = extrapolation.unknown.length;
  const unknown = count > 0 ? ` ${extrapolation.unknown.join(' and ')} ${count > 1 ? 'do' : 'does'} not say which runs ${count > 1 ? 'they were' : 'it was'} fitted on.` : '';
  if (checks.length === 0) return `${ruleId}: no fitted range to compare with.${unknown}`;
  // Indexed loops and no closures: a sweep describes every row, and closures and iterators
  // allocated per check cost more than the sentence.
  const laws: string[] = [];
  for (let index = 0; index < checks.length; index++) {
    const entry = checks[index] as ExtrapolationCheck;
    if (entry.of !== undefined) return describeRunExtrapolation(ruleId, extrapolation) + unknown;
    if (!laws.includes(entry.id)) laws.push(entry.id);
  }
  // The sentence as its parts (see LastSentence): consecutive rows of a sweep mostly say the same.
  sentence.start();
  if (extrapolation.inside) {
    sentence.put(ruleId);
    sentence.put(': ');
    let checked = 0;
    for (let at = 0; at < QUANTITIES.length; at++) {
      const quantity = QUANTITIES[at] as ExtrapolatedQuantity;
      if (indexOfQuantity(checks, quantity, 0, false) < 0) continue;
      sentence.put(checked++ === 0 ? '' : ', ');
      sentence.put(SYMBOL[quantity]);
    }
    sentence.put(' lie inside the runs of ');
    for (let index = 0; index < laws.length; index++) {
      sentence.put(index === 0 ? '' : ' and ');
      sentence.put(laws[index] as string);
    }
    sentence.put('.');
    sentence.put(unknown);
    return sentence.finish();
  }
  sentence.put(ruleId);
  sentence.put(' extrapolates: ');
  let outside = 0;
  for (let at = 0; at < QUANTITIES.length; at++) {
    const quantity = QUANTITIES[at] as ExtrapolatedQuantity;
    const firstIndex = indexOfQuantity(checks, quantity, 0, true);
    if (firstIndex < 0) continue;
    const first = checks[firstIndex] as ExtrapolationCheck;
    // Laws with the same runs (deepmind and hoffmann2022) share one clause: groups of equal ranges,
    // in the order their first check comes, then by distance (farthest first).
    const groups: ExtrapolationCheck[][] = [];
    for (let index = firstIndex; index >= 0; index = indexOfQuantity(checks, quantity, index + 1, true)) {
      const entry = checks[index] as ExtrapolationCheck;
      let group: ExtrapolationCheck[] | undefined;
      for (let other = 0; other < groups.length && !group; other++) {
        const head = (groups[other] as ExtrapolationCheck[])[0] as ExtrapolationCheck;
        if (head.range[0] === entry.range[0] && head.range[1] === entry.range[1]) group = groups[other];
      }
      if (group) group.push(entry);
      else groups.push([entry]);
    }
    if (groups.length > 1) groups.sort(byFarthestHead);
    sentence.put(outside++ === 0 ? '' : '; ');
    sentence.put(SYMBOL[quantity]);
    sentence.put(' ');
    sentence.put(formatQuantity(quantity, first.value));
    sentence.put(' is ');
    for (let index = 0; index < groups.length; index++) {
      const group = groups[index] as ExtrapolationCheck[];
      const head = group[0] as ExtrapolationCheck;
      const decades = formatDecades(head.decades);
      sentence.put(index === 0 ? '' : ' and ');
      sentence.put(decades);
      sentence.put(decades === '1.0' ? ' decade ' : ' decades ');
      sentence.put(head.side);
      sentence.put(' the runs of ');
      for (let member = 0; member < group.length; member++) {
        sentence.put(member === 0 ? '' : ' and ');
        sentence.put((group[member] as ExtrapolationCheck).id);
      }
      sentence.put(' (');
      sentence.put(formatSpan(quantity, head.range));
      sentence.put(' ');
      sentence.put(NOUN[quantity]);
      sentence.put(')');
    }
  }
  sentence.put('.');
  sentence.put(unknown);
  return sentence.finish();
}

/** The index of the first check of `quantity` from `from` on (outside its range only, if `outsideOnly`), or -1. */
function indexOfQuantity(checks: readonly ExtrapolationCheck[], quantity: ExtrapolatedQuantity, from: number, outsideOnly: boolean): number {
  for (let index = from; index < checks.length; index++) {
    const entry = checks[index] as ExtrapolationCheck;
    if (entry.quantity === quantity && !(outsideOnly && entry.side === 'inside')) return index;
  }
  return -1;
}

function byFarthestHead(a: readonly ExtrapolationCheck[], b: readonly ExtrapolationCheck[]): number {
  return (b[0]?.decades ?? 0) - (a[0]?.decades ?? 0);
}

/**
 * Builds a sentence from parts and returns the very string it returned last when the parts are the
 * same: the rows of a sweep come in runs with the same sentence (100,000 rows have about 3,400
 * different ones), and a string already serialised once is copied rather than built and flattened
 * again. `start()`, then `put()` each part, then `finish()`: the parts go into one of two lists
 * kept for reuse (swapped when the sentence changes), so nothing is allocated for a sentence said
 * before. The result is the parts joined either way. Not re-entrant: finish one sentence before
 * starting the next.
 */
class LastSentence {
  private last: string[] = [];
  private lastCount = 0;
  private parts: string[] = [];
  private count = 0;
  private text = '';

  start(): void {
    this.count = 0;
  }

  put(part: string): void {
    this.parts[this.count++] = part;
  }

  finish(): string {
    const { parts, count, last } = this;
    let same = count === this.lastCount;
    for (let index = 0; same && index < count; index++) same = parts[index] === last[index];
    if (same) return this.text;
    let text = '';
    for (let index = 0; index < count; index++) text += parts[index] as string;
    this.parts = last;
    this.last = parts;
    this.lastCount = count;
    this.text = text;
    return text;
  }
}

const sentence = new LastSentence();


/** Formatted spans, by range: the ranges of checks are shared per fitted span (`sharedRange`), so each is formatted once. */
const SPAN_TEXTS: Record<ExtrapolatedQuantity, WeakMap<readonly [number, number], string>> = { params: new WeakMap(), tokens: new WeakMap(), flops: new WeakMap() };

/** A fitted span as `70.0M–16.0B`. */
function formatSpan(quantity: ExtrapolatedQuantity, range: readonly [number, number]): string {
  const texts = SPAN_TEXTS[quantity];
  let text = texts.get(range);
  if (text === undefined) {
    text = `${formatQuantity(quantity, range[0])}–${formatQuantity(quantity, range[1])}`;
    // Only the frozen shared ranges are remembered: a range made elsewhere could change.
    if (Object.isFrozen(range)) texts.set(range, text);
  }
  return text;
}

/**
 * A chosen run's sentence: the run against the runs of the loss model that scored it, then the rule's
 * optimum against the rule's runs, each quantity with its own value.
 *
 * @example "The run: N 280B is 1.2 decades above the runs of hoffmann2022, which scores its loss (70.0M–16.0B parameters); D 300B lies inside (5.00B–500B tokens). deepmind's optimum at the same compute: N 64.8B is 0.6 decades above the runs of deepmind (70.0M–16.0B parameters); D 1.30T is 0.4 decades above (5.00B–500B tokens)."
 */
function describeRunExtrapolation(ruleId: string, extrapolation: Extrapolation): string {
  const sentences: string[] = [];
  for (const of of ['run', 'optimum'] as const) {
    const entries = extrapolation.checks.filter((entry) => entry.of === of);
    const first = entries[0];
    if (!first) continue;
    const whose = of === 'run' ? `the runs of ${first.id}, which scores its loss` : `the runs of ${first.id}`;
    const clauses = entries.map((entry, index) => {
      const [low, high] = entry.range;
      const span = `(${formatQuantity(entry.quantity, low)}–${formatQuantity(entry.quantity, high)} ${NOUN[entry.quantity]})`;
      const value = `${SYMBOL[entry.quantity]} ${formatQuantity(entry.quantity, entry.value)}`;
      if (entry.side === 'inside') return `${value} lies inside ${index === 0 ? `${whose} ` : ''}${span}`;
      const decades = formatDecades(entry.decades);
      return `${value} is ${decades} decade${decades === '1.0' ? '' : 's'} ${entry.side}${index === 0 ? ` ${whose}` : ''} ${span}`;
    });
    const subject = of === 'run' ? 'The run' : `${ruleId}'s optimum at the same compute`;
    sentences.push(`${subject}: ${clauses.join('; ')}.`);
  }
  return sentences.join(' ');
}

/**
 * One line for several rows (`--rule all`): each row's largest distance outside, and which quantity.
 *
 * @example "Beyond the runs behind each rule and its loss model, in decades: openai 2.2 (N), deepmind 0.26 (N); inside: none."
 */
export function summariseExtrapolation(rows: ReadonlyArray<{ readonly rule: string; readonly extrapolation: Extrapolation }>): string {
  if (rows.some(({ extrapolation }) => extrapolation.checks.some((entry) => entry.of !== undefined))) return summariseRunExtrapolation(rows);
  const outside: string[] = [];
  const inside: string[] = [];
  for (const { rule, extrapolation } of rows) {
    if (extrapolation.inside) {
      inside.push(rule);
      continue;
    }
    const farthest = extrapolation.checks.reduce((a, b) => (b.decades > a.decades ? b : a));
    outside.push(`${rule} ${formatDecades(farthest.decades)} (${SYMBOL[farthest.quantity]} ${farthest.side})`);
  }
  const parts = [];
  if (outside.length > 0) parts.push(`Decades beyond the runs behind each rule and its loss model: ${outside.join(', ')}`);
  if (inside.length > 0) parts.push(`inside those runs: ${inside.join(', ')}`);
  return `${parts.join('; ')}. Ask for one rule (or --json, plans[].extrapolation) for each quantity and range.`;
}

/** The farthest check of a list, as "1.2 (N above)", or "inside". */
function farthestOf(entries: readonly ExtrapolationCheck[]): string {
  const farthest = entries.reduce((a, b) => (b.decades > a.decades ? b : a));
  return farthest.decades > 0 ? `${formatDecades(farthest.decades)} (${SYMBOL[farthest.quantity]} ${farthest.side})` : 'inside';
}

/**
 * Several rows of one chosen run: the run once per loss model that scores it, then each rule's optimum.
 *
 * @example "The run's N lies 1.2 decades above the runs of besiroglu2024, which scores its loss. Each rule's optimum at the same compute against the rule's runs, in decades: openai 2.7 (N above), deepmind 0.6 (N above). …"
 */
function summariseRunExtrapolation(rows: ReadonlyArray<{ readonly rule: string; readonly extrapolation: Extrapolation }>): string {
  const byModel = new Map<string, ExtrapolationCheck[]>();
  const optima: string[] = [];
  for (const { rule, extrapolation } of rows) {
    for (const entry of extrapolation.checks) if (entry.of === 'run' && !(byModel.get(entry.id) ?? []).some((seen) => seen.quantity === entry.quantity)) byModel.set(entry.id, [...(byModel.get(entry.id) ?? []), entry]);
    const optimum = extrapolation.checks.filter((entry) => entry.of === 'optimum');
    if (optimum.length > 0) optima.push(`${rule} ${farthestOf(optimum)}`);
  }
  const sentences = [...byModel].map(([id, entries]) => {
    const farthest = entries.reduce((a, b) => (b.decades > a.decades ? b : a));
    if (farthest.decades === 0) return `The run lies inside the runs of ${id}, which scores its loss.`;
    return `The run's ${SYMBOL[farthest.quantity]} lies ${formatDecades(farthest.decades)} decades ${farthest.side} the runs of ${id}, which scores its loss.`;
  });
  if (optima.length > 0) sentences.push(`Each rule's optimum at the same compute against the rule's runs, in decades: ${optima.join(', ')}.`);
  sentences.push('Ask for one rule (or --json, plans[].extrapolation) for each quantity and range.');
  return sentences.join(' ');
}

/**
 * The largest distance, in decades, of (N, D) outside a loss model's runs (0 inside, or when the
 * model does not say): for sections that score their own (N′, D′), like `--unique-tokens`.
 */
export function decadesOutside(loss: LossModel, point: { params: number; tokens: number }): number {
  const fitted = loss.fittedOn;
  if (!fitted) return 0;
  const distances = (['params', 'tokens'] as const).map((quantity) => check('loss', loss.id, fitted, quantity, point[quantity])?.decades ?? 0);
  return Math.max(0, ...distances);
}
