/**
 * A small limited-memory BFGS minimiser (Nocedal & Wright 2006, "Numerical Optimization", 2nd ed.,
 * Algorithm 7.4 two-loop recursion, Algorithm 7.5 L-BFGS, Algorithms 3.5/3.6 strong-Wolfe line
 * search with cubic interpolation).
 *
 * Why our own: no maintained npm package offers L-BFGS for Node 20 ESM with a small footprint
 * (searched npm and docs in 2026: `fmin` 0.0.4 has only conjugate gradient and Nelder-Mead, and is
 * unmaintained; `optimization-js` 1.5 ships browserify/jsdoc/travis as run-time dependencies; the
 * well-known libLBFGS has no JS port on npm). The fit needs a few thousand short, allocation-free
 * runs on a five-parameter problem, which ~200 lines cover, tested on Rosenbrock and quadratics.
 */

/** Writes ∇f(x) into `gradient` and returns f(x). */
export type ObjectiveWithGradient = (x: Float64Array, gradient: Float64Array) => number;

export interface LbfgsOptions {
  /** Stored correction pairs. @default 10 */
  readonly memory?: number;
  /** Stop when max |∂f/∂xᵢ| ≤ gtol. @default 1e-8 */
  readonly gradientTolerance?: number;
  /**
   * Stop when an iteration lowers f by at most ftol · max(|f|, fScale) (the criterion of
   * L-BFGS-B's `factr`, with the floor `fScale` made explicit). @default 1e-12
   */
  readonly functionTolerance?: number;
  /** @default 1 */
  readonly functionScale?: number;
  /** @default 500 */
  readonly maxIterations?: number;
}

export type LbfgsStatus = 'gradient' | 'function' | 'max-iterations' | 'line-search';

export interface LbfgsResult {
  readonly x: Float64Array;
  readonly f: number;
  readonly iterations: number;
  readonly evaluations: number;
  /** True when a convergence test (gradient or function change) stopped the run. */
  readonly converged: boolean;
  readonly status: LbfgsStatus;
}

// Sufficient-decrease and curvature constants of the strong Wolfe conditions (N&W §3.1: c1 = 1e-4,
// c2 = 0.9 for quasi-Newton methods).
const C1 = 1e-4;
const C2 = 0.9;
const MAX_LINE_SEARCH_STEPS = 30;

/**
 * Minimises `objective` from `start`. Pure: `start` is not modified; the result owns its `x`.
 *
 * @example minimizeLbfgs((x, g) => { g[0] = 2 * (x[0] - 3); return (x[0] - 3) ** 2; }, Float64Array.of(0)).x → [3]
 */
export function minimizeLbfgs(objective: ObjectiveWithGradient, start: ArrayLike<number>, options: LbfgsOptions = {}): LbfgsResult {
  const memory = options.memory ?? 10;
  const gtol = options.gradientTolerance ?? 1e-8;
  const ftol = options.functionTolerance ?? 1e-12;
  const fScale = options.functionScale ?? 1;
  const maxIterations = options.maxIterations ?? 500;
  const n = start.length;

  let x = Float64Array.from(start);
  let g = new Float64Array(n);
  let xNext = new Float64Array(n);
  let gNext = new Float64Array(n);
  const direction = new Float64Array(n);
  const s: Float64Array[] = Array.from({ length: memory }, () => new Float64Array(n));
  const y: Float64Array[] = Array.from({ length: memory }, () => new Float64Array(n));
  const rho = new Float64Array(memory);
  const alphaTmp = new Float64Array(memory);
  let stored = 0;
  let newest = -1;

  let evaluations = 1;
  let f = objective(x, g);
  if (!Number.isFinite(f)) return { x, f, iterations: 0, evaluations, converged: false, status: 'line-search' };
  if (maxAbs(g) <= gtol) return { x, f, iterations: 0, evaluations, converged: true, status: 'gradient' };

  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    computeDirection(g, s, y, rho, alphaTmp, stored, newest, memory, direction);
    let slope = dot(g, direction);
    if (!(slope < 0)) {
      // Not a descent direction (bad curvature pairs): restart from steepest descent.
      stored = 0;
      for (let i = 0; i < n; i++) direction[i] = -(g[i] as number);
      slope = dot(g, direction);
    }
    // First step of a fresh memory: a unit-length move, since the scale of H is still unknown.
    const initialStep = stored === 0 ? Math.min(1, 1 / Math.sqrt(dot(direction, direction))) : 1;
    const search = searchLine(objective, x, f, slope, direction, initialStep, xNext, gNext);
    evaluations += search.evaluations;
    if (!search.ok) return { x, f, iterations, evaluations, converged: false, status: 'line-search' };

    newest = (newest + 1) % memory;
    const sNew = s[newest] as Float64Array;
    const yNew = y[newest] as Float64Array;
    for (let i = 0; i < n; i++) {
      sNew[i] = (xNext[i] as number) - (x[i] as number);
      yNew[i] = (gNext[i] as number) - (g[i] as number);
    }
    const sy = dot(sNew, yNew);
    if (sy > 1e-16 * Math.sqrt(dot(sNew, sNew) * dot(yNew, yNew))) {
      rho[newest] = 1 / sy;
      stored = Math.min(stored + 1, memory);
    } else {
      // Skip a pair without positive curvature (keeps H positive definite, N&W §7.2).
      newest = (newest - 1 + memory) % memory;
    }

    const decrease = f - search.f;
    [x, xNext] = [xNext, x];
    [g, gNext] = [gNext, g];
    f = search.f;
    if (maxAbs(g) <= gtol) return { x, f, iterations, evaluations, converged: true, status: 'gradient' };
    if (decrease <= ftol * Math.max(Math.abs(f), Math.abs(f + decrease), fScale)) {
      return { x, f, iterations, evaluations, converged: true, status: 'function' };
    }
  }
  return { x, f, iterations, evaluations, converged: false, status: 'max-iterations' };
}

/** Two-loop recursion: direction = −H·g with the stored pairs (N&W Algorithm 7.4). */
function computeDirection(
  g: Float64Array,
  s: readonly Float64Array[],
  y: readonly Float64Array[],
  rho: Float64Array,
  alphaTmp: Float64Array,
  stored: number,
  newest: number,
  memory: number,
  out: Float64Array,
): void {
  const n = g.length;
  for (let i = 0; i < n; i++) out[i] = -(g[i] as number);
  let k = newest;
  for (let j = 0; j < stored; j++) {
    const a = (rho[k] as number) * dot(s[k] as Float64Array, out);
    alphaTmp[k] = a;
    axpy(-a, y[k] as Float64Array, out);
    k = (k - 1 + memory) % memory;
  }
  if (stored > 0) {
    const yk = y[newest] as Float64Array;
    const gamma = dot(s[newest] as Float64Array, yk) / dot(yk, yk);
    for (let i = 0; i < n; i++) out[i] = (out[i] as number) * gamma;
  }
  k = (newest - stored + 1 + memory) % memory;
  for (let j = 0; j < stored; j++) {
    const b = (rho[k] as number) * dot(y[k] as Float64Array, out);
    axpy((alphaTmp[k] as number) - b, s[k] as Float64Array, out);
    k = (k + 1) % memory;
  }
}

interface LineSearchResult {
  readonly ok: boolean;
  readonly f: number;
  readonly evaluations: number;
}

/**
 * Strong-Wolfe line search along `direction` (N&W Algorithms 3.5 and 3.6). Leaves the accepted
 * point in `xOut` and its gradient in `gOut`.
 */
function searchLine(
  objective: ObjectiveWithGradient,
  x: Float64Array,
  f0: number,
  slope0: number,
  direction: Float64Array,
  initialStep: number,
  xOut: Float64Array,
  gOut: Float64Array,
): LineSearchResult {
  let evaluations = 0;
  const evaluate = (step: number): { f: number; slope: number } => {
    evaluations++;
    for (let i = 0; i < x.length; i++) xOut[i] = (x[i] as number) + step * (direction[i] as number);
    const f = objective(xOut, gOut);
    return { f, slope: dot(gOut, direction) };
  };

  let previousStep = 0;
  let previousF = f0;
  let previousSlope = slope0;
  let step = initialStep;
  for (let i = 0; i < MAX_LINE_SEARCH_STEPS; i++) {
    const { f, slope } = evaluate(step);
    if (!Number.isFinite(f) || !Number.isFinite(slope)) {
      // Overflow far along the line: retreat towards the last good step.
      step = previousStep + (step - previousStep) / 4;
      continue;
    }
    if (f > f0 + C1 * step * slope0 || (i > 0 && f >= previousF)) {
      return zoom(evaluate, f0, slope0, previousStep, previousF, previousSlope, step, f, slope, () => evaluations);
    }
    if (Math.abs(slope) <= -C2 * slope0) return { ok: true, f, evaluations };
    if (slope >= 0) return zoom(evaluate, f0, slope0, step, f, slope, previousStep, previousF, previousSlope, () => evaluations);
    previousStep = step;
    previousF = f;
    previousSlope = slope;
    step *= 2;
  }
  return { ok: false, f: f0, evaluations };
}

/** N&W Algorithm 3.6: shrink the bracket [lo, hi] by cubic interpolation until strong Wolfe holds. */
function zoom(
  evaluate: (step: number) => { f: number; slope: number },
  f0: number,
  slope0: number,
  lo: number,
  fLo: number,
  slopeLo: number,
  hi: number,
  fHi: number,
  slopeHi: number,
  countEvaluations: () => number,
): LineSearchResult {
  for (let i = 0; i < MAX_LINE_SEARCH_STEPS; i++) {
    let step = interpolateCubic(lo, fLo, slopeLo, hi, fHi, slopeHi);
    const width = Math.abs(hi - lo);
    // Keep the trial point safely inside the bracket, or the bracket stops shrinking.
    if (!Number.isFinite(step) || Math.abs(step - lo) < 0.1 * width || Math.abs(step - hi) < 0.1 * width) step = (lo + hi) / 2;
    const { f, slope } = evaluate(step);
    if (!Number.isFinite(f) || f > f0 + C1 * step * slope0 || f >= fLo) {
      hi = step;
      fHi = Number.isFinite(f) ? f : Number.MAX_VALUE;
      slopeHi = Number.isFinite(slope) ? slope : 0;
    } else {
      if (Math.abs(slope) <= -C2 * slope0) return { ok: true, f, evaluations: countEvaluations() };
      if (slope * (hi - lo) >= 0) {
        hi = lo;
        fHi = fLo;
        slopeHi = slopeLo;
      }
      lo = step;
      fLo = f;
      slopeLo = slope;
    }
    if (Math.abs(hi - lo) <= 1e-14 * Math.max(1, Math.abs(lo))) break;
  }
  // The bracket collapsed. Accept its low end if it improved on f0 (the point is a descent step,
  // though curvature may not hold); otherwise report failure.
  if (lo > 0 && fLo < f0) {
    const { f } = evaluate(lo);
    return { ok: true, f, evaluations: countEvaluations() };
  }
  return { ok: false, f: f0, evaluations: countEvaluations() };
}

/** Minimiser of the cubic through (a, fa, da) and (b, fb, db) (N&W Eq. 3.59). */
function interpolateCubic(a: number, fa: number, da: number, b: number, fb: number, db: number): number {
  const d1 = da + db - (3 * (fa - fb)) / (a - b);
  const radicand = d1 * d1 - da * db;
  if (radicand < 0) return Number.NaN;
  const d2 = Math.sign(b - a) * Math.sqrt(radicand);
  return b - (b - a) * ((db + d2 - d1) / (db - da + 2 * d2));
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

function axpy(scale: number, a: Float64Array, out: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) + scale * (a[i] as number);
}

function maxAbs(a: Float64Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] as number));
  return max;
}
