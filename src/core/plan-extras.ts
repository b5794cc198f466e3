import type { LossModel, Rule } from '../domain/presets.js';
import { anchorOf, type Anchor } from './baseline.js';
import { formatCount, formatScientific } from './format.js';
import { predictLoss } from './loss.js';
import type { ScoredRule } from './pair-rules.js';
import type { PlanDocument, RulePlan } from './plan-document.js';
import { hasRange, spreadOf, type FixedQuantity } from './spread.js';

/** What a plan shows beyond the point estimate. */
export interface PlanExtraOptions {
  /** The user's `--baseline` (the scored power-law rules are already re-anchored at it). */
  readonly baseline?: Anchor | undefined;
  /** `--range`: add `plans[].range`. */
  readonly range?: boolean;
  /** `--loss all`: score each plan under each of these models too (`plans[].losses`). */
  readonly scoreUnder?: readonly LossModel[] | undefined;
  /** The loss models the range's loss-optimal variants minimise (the built-in ones). */
  readonly lossModels: readonly LossModel[];
}

/**
 * Adds `anchor` (every power-law rule), `range` and `losses` to each plan of a document built by
 * `createPlan` from the same `scored` rules, and the notes that explain them.
 */
export function addPlanExtras(document: PlanDocument, scored: readonly ScoredRule[], options: PlanExtraOptions): PlanDocument {
  const plans = document.plans.map((plan, index): RulePlan => {
    const row = scored[index];
    if (!row) return plan;
    const anchor = row.rule.kind === 'power-law' ? (options.baseline ?? publishedAnchor(row.rule)) : undefined;
    // Comparing rules, those without published variants go without a range (a note says which);
    // asked for alone, rangeOf refuses with the list of rules that have one.
    const ranged = options.range && (scored.length === 1 || hasRange(row));
    // The common case (a sweep's every row) copied with Object.assign: an object spread costs
    // about 2 µs here (Node 20), more than the rest of the row's planning.
    if (!ranged && !options.scoreUnder) return anchor ? Object.assign({}, plan, { anchor }) : plan;
    return {
      ...plan,
      ...(anchor ? { anchor } : {}),
      ...(ranged
        ? { range: spreadOf(row, plan.flops, { params: plan.params, tokens: plan.tokens, loss: plan.loss.value }, options.lossModels, options.baseline, fixedBy(document.input)) }
        : {}),
      ...(options.scoreUnder
        ? { losses: options.scoreUnder.map((model) => ({ model: model.id, value: predictLoss(model, plan.params, plan.tokens) })) }
        : {}),
    };
  });
  const extra = extraNotes(scored, options);
  return Object.assign({}, document, { plans, notes: extra.length > 0 ? [...document.notes, ...extra] : document.notes });
}

/** A rule's published anchor, made once per rule and frozen: every plan (every row of a sweep) under it shares it. */
const PUBLISHED_ANCHORS = new WeakMap<Rule, Anchor | undefined>();

function publishedAnchor(rule: Rule): Anchor | undefined {
  if (!PUBLISHED_ANCHORS.has(rule)) {
    const anchor = anchorOf(rule);
    PUBLISHED_ANCHORS.set(rule, anchor && Object.freeze(anchor));
  }
  return PUBLISHED_ANCHORS.get(rule);
}

/** The quantity an inverse query fixed: a range spreads the others, never it. */
function fixedBy(input: PlanDocument['input']): FixedQuantity | undefined {
  if (typeof input.params === 'number') return { kind: 'params', value: input.params };
  if (typeof input.tokens === 'number') return { kind: 'tokens', value: input.tokens };
  if (typeof input.targetLoss === 'number') return { kind: 'loss', value: input.targetLoss };
  return undefined;
}

function extraNotes(scored: readonly ScoredRule[], options: PlanExtraOptions): string[] {
  const notes: string[] = [];
  const { baseline } = options;
  if (baseline) {
    notes.push(
      `Power-law rules are anchored at your baseline, ${formatCount(baseline.params)} parameters on ${formatCount(baseline.tokens)} tokens ` +
        `(${formatScientific(baseline.flops)} FLOPs); their exponents are the published ones.`,
    );
    if (scored.some(({ rule }) => rule.kind === 'loss-optimal')) {
      notes.push('The loss-optimal rule has no anchor (it follows its loss model), so --baseline does not move it.');
    }
  }
  const unranged = options.range && scored.length > 1 ? scored.filter((row) => !hasRange(row)).map(({ rule }) => rule.id) : [];
  if (unranged.length > 0) notes.push(`${unranged.join(' and ')} ${unranged.length > 1 ? 'have' : 'has'} no published variants to range over.`);
  if (options.range) {
    notes.push(
      'Ranges span the plan and the published variants of its law (or a fitted law\'s bootstrap interval); ' +
        'they show how much the answer depends on whose fit you trust, not a statistical guarantee.',
    );
  }
  if (options.scoreUnder) {
    notes.push('Each loss model predicts loss on its own data and tokenizer, so the loss columns differ partly for that reason.');
  }
  return notes;
}
