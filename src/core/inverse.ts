import { badInput } from '../domain/errors.js';
import { irreducibleLoss, predictLoss } from './loss.js';
import { chinchillaOptimalLaw, flopsForParams, flopsForTokens, powerLawOf } from './params-law.js';
import type { ScoredRule } from './pair-rules.js';
import { allocate } from './rules.js';

/** A planning question that starts from the model, the data or the goal instead of the budget. */
export type InverseQuery =
  | { readonly kind: 'params'; readonly params: number }
  | { readonly kind: 'tokens'; readonly tokens: number }
  | { readonly kind: 'target-loss'; readonly loss: number };

// The search interval for a target loss. 1 FLOP is below any real run; 1e60 is far beyond any
// physically available compute (the largest runs of 2024 are near 1e26), yet finite in doubles
// for every built-in law, so an answer outside it is an unreachable target, not a plan.
const MIN_FLOPS = 1;
const MAX_FLOPS = 1e60;

/**
 * The training FLOPs that answer an inverse query under one rule and the loss model scoring it:
 * the compute at which the rule allocates `params` parameters or `tokens` tokens (closed form), or
 * the smallest compute whose rule-allocated plan reaches `loss` under the loss model.
 *
 * @example flopsForQuery({ kind: 'params', params: 70e9 }, { rule: deepmind, loss: hoffmann2022 }) → 5.88e23
 */
export function flopsForQuery(query: InverseQuery, scored: ScoredRule): number {
  const law = powerLawOf(scored.rule, scored.loss);
  // A rule whose N is not a pure power of C: N and D both rise strictly with C, so bisect in log C.
  const solve = (quantity: 'params' | 'tokens', wanted: number): number =>
    bisectLogFlops((flops) => wanted - allocate(scored.rule, flops, scored.loss)[quantity]);
  switch (query.kind) {
    case 'params':
      return checkFinite(law ? flopsForParams(law, query.params) : solve('params', query.params), `--params ${query.params}`);
    case 'tokens':
      return checkFinite(law ? flopsForTokens(law, query.tokens) : solve('tokens', query.tokens), `--tokens ${query.tokens}`);
    case 'target-loss':
      return flopsForTargetLoss(query.loss, scored);
  }
}

/**
 * The smallest C whose plan reaches `target` under the scoring model. Loss falls strictly with C
 * under every rule here (N and D both grow, as 0 < a < 1), so the answer is the unique root of
 * `L(C) = target`. Loss-optimal chinchilla form: closed form; otherwise bisection in log C.
 */
export function flopsForTargetLoss(target: number, { rule, loss }: ScoredRule): number {
  const floor = irreducibleLoss(loss);
  if (!(target > floor)) {
    throw badInput(
      `--target-loss ${target} is at or below ${loss.id}'s irreducible loss ${floor}: no amount of compute reaches it`,
      `aim above ${floor}, or score with another --loss`,
    );
  }
  const flops =
    rule.kind === 'loss-optimal' && loss.form === 'chinchilla'
      ? optimalFlopsForLoss(target, loss)
      : bisectLogFlops((flops) => {
          const { params, tokens } = allocate(rule, flops, loss);
          return predictLoss(loss, params, tokens) - target;
        });
  if (!(flops <= MAX_FLOPS)) {
    throw badInput(
      `--target-loss ${target} needs more than ${MAX_FLOPS.toExponential().replace('+', '')} FLOPs under ${rule.id} and ${loss.id}`,
      `it is too close to the irreducible loss ${floor}; aim higher`,
    );
  }
  if (!(flops >= MIN_FLOPS)) {
    throw badInput(`--target-loss ${target} is reached with under ${MIN_FLOPS} FLOP under ${loss.id}`, 'aim for a lower loss');
  }
  return flops;
}

/**
 * On the loss-optimal frontier of `E + A/N^α + B/D^β` (N = G·(C/6)^a, D = (C/6)^(1−a)/G, a = β/(α+β))
 * both terms fall as `(C/6)^(−αβ/(α+β))`: `L = E + (A·G^−α + B·G^β)·(C/6)^(−αβ/(α+β))`, which
 * inverts to `C = 6·((L − E)/K)^(−(α+β)/(αβ))`.
 */
function optimalFlopsForLoss(target: number, loss: { E: number; A: number; B: number; alpha: number; beta: number }): number {
  const { E, A, B, alpha, beta } = loss;
  // log G from the frontier law: log k = log G − a·log 6.
  const law = chinchillaOptimalLaw(loss);
  const logG = law.logCoefficient + law.exponent * Math.log(6);
  const K = A * Math.exp(-alpha * logG) + B * Math.exp(beta * logG);
  const decay = (alpha * beta) / (alpha + beta);
  return 6 * Math.exp(-Math.log((target - E) / K) / decay);
}

/**
 * The root of a strictly decreasing `excess(C)` in log C on [MIN_FLOPS, MAX_FLOPS], by bisection
 * (robust: no derivative, no overshoot). Returns Infinity when even MAX_FLOPS leaves excess > 0
 * and 0 when MIN_FLOPS already has excess ≤ 0, so the caller reports an unreachable target.
 */
function bisectLogFlops(excess: (flops: number) => number): number {
  let low = Math.log(MIN_FLOPS);
  let high = Math.log(MAX_FLOPS);
  if (excess(Math.exp(high)) > 0) return Number.POSITIVE_INFINITY;
  if (excess(Math.exp(low)) <= 0) return 0;
  // 80 halvings of a width of ln(1e60) ≈ 138 leave ~1e-22 in log C: far below double precision,
  // so the loop ends on the width test once the midpoint stops moving.
  for (let step = 0; step < 200 && high - low > 1e-15 * Math.max(1, Math.abs(high)); step++) {
    const middle = (low + high) / 2;
    if (excess(Math.exp(middle)) > 0) low = middle;
    else high = middle;
  }
  return Math.exp(high);
}

function checkFinite(flops: number, what: string): number {
  if (!(flops > 0 && Number.isFinite(flops))) {
    throw badInput(`${what} needs a compute budget beyond what can be planned`, 'ask for a smaller model or dataset');
  }
  return flops;
}

/**
 * Parses `--target-loss`: a loss in nats/token, a plain positive number.
 *
 * @example parseTargetLoss('2.0') → 2
 */
export function parseTargetLoss(text: string): number {
  const body = text.trim();
  const value = /^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(body) ? Number(body) : Number.NaN;
  if (!(value > 0 && Number.isFinite(value))) {
    throw badInput(`--target-loss must be a positive loss in nats/token, got '${text}'`, 'for example --target-loss 2.0');
  }
  return value;
}
