/** One-dimensional numerical helpers for the constrained optima (pure, deterministic). */

const GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * The x in [low, high] that minimises f: a coarse grid (robust to a poor bracket), then golden-
 * section search between the neighbours of the best grid point. f should be unimodal near its
 * minimum; the grid guards against a flat or misleading start.
 */
export function minimizeScalar(f: (x: number) => number, low: number, high: number, gridPoints = 240, tolerance = 1e-10): number {
  const step = (high - low) / gridPoints;
  let bestIndex = 0;
  let bestValue = Number.POSITIVE_INFINITY;
  for (let index = 0; index <= gridPoints; index++) {
    const value = f(low + index * step);
    if (value < bestValue) {
      bestValue = value;
      bestIndex = index;
    }
  }
  let a = low + Math.max(0, bestIndex - 1) * step;
  let b = low + Math.min(gridPoints, bestIndex + 1) * step;
  let c = b - GOLDEN * (b - a);
  let d = a + GOLDEN * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > tolerance * Math.max(1, Math.abs(a) + Math.abs(b))) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - GOLDEN * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + GOLDEN * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}

/**
 * A root of g in [low, high] by bisection, given g(low) and g(high) of opposite signs. Bisection
 * rather than Newton: the conditions solved here are monotone but steep near one end.
 */
export function bisectRoot(g: (x: number) => number, low: number, high: number, iterations = 200): number {
  let a = low;
  let b = high;
  const signA = Math.sign(g(a));
  for (let index = 0; index < iterations && b - a > 1e-13 * Math.max(1, Math.abs(a)); index++) {
    const middle = (a + b) / 2;
    if (Math.sign(g(middle)) === signA) a = middle;
    else b = middle;
  }
  return (a + b) / 2;
}
