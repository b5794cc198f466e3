import { describe, expect, it } from 'vitest';
import { minimizeLbfgs, type ObjectiveWithGradient } from '../../../src/core/fit/lbfgs.js';

/** Rosenbrock in n dimensions: Σ 100(x_{i+1} − x_i²)² + (1 − x_i)², minimum 0 at (1, …, 1). */
const rosenbrock: ObjectiveWithGradient = (x, g) => {
  let f = 0;
  g.fill(0);
  for (let i = 0; i + 1 < x.length; i++) {
    const xi = x[i] as number;
    const next = x[i + 1] as number;
    const u = next - xi * xi;
    f += 100 * u * u + (1 - xi) ** 2;
    g[i] = (g[i] as number) - 400 * xi * u - 2 * (1 - xi);
    g[i + 1] = (g[i + 1] as number) + 200 * u;
  }
  return f;
};

/** Σ sᵢ (xᵢ − cᵢ)² with scales 1…100: minimum 0 at c, badly conditioned (κ = 100). */
function quadratic(center: readonly number[]): ObjectiveWithGradient {
  return (x, g) => {
    let f = 0;
    for (let i = 0; i < x.length; i++) {
      const scale = i === 0 ? 1 : 100 ** (i / (x.length - 1));
      const d = (x[i] as number) - (center[i] as number);
      f += scale * d * d;
      g[i] = 2 * scale * d;
    }
    return f;
  };
}

describe('minimizeLbfgs', () => {
  it.each([
    ['2-d from the classic (−1.2, 1)', [-1.2, 1]],
    ['5-d from the origin', [0, 0, 0, 0, 0]],
    ['10-d from −1', Array.from({ length: 10 }, () => -1)],
  ])('finds the Rosenbrock minimum at (1, …, 1): %s', (_, start) => {
    const result = minimizeLbfgs(rosenbrock, start, { maxIterations: 2000 });
    expect(result.converged).toBe(true);
    expect(result.f).toBeLessThan(1e-12);
    for (const value of result.x) expect(value).toBeCloseTo(1, 5);
  });

  it('finds the centre of a badly conditioned quadratic in few iterations', () => {
    const center = [3, -2, 0.5, 10, -7];
    const result = minimizeLbfgs(quadratic(center), [0, 0, 0, 0, 0]);
    expect(result.converged).toBe(true);
    // Quasi-Newton on a 5-d quadratic: exact in about n steps, far fewer than gradient descent's ~κ.
    expect(result.iterations).toBeLessThan(30);
    result.x.forEach((value, i) => expect(value).toBeCloseTo(center[i] as number, 7));
  });

  it('minimises a 1-d parabola: (x − 3)², minimum at 3', () => {
    const result = minimizeLbfgs((x, g) => {
      g[0] = 2 * ((x[0] as number) - 3);
      return ((x[0] as number) - 3) ** 2;
    }, [0]);
    expect(result.x[0]).toBeCloseTo(3, 8);
  });

  it('recovers from steps that overflow: cosh-like exp(x) + exp(−x), minimum 2 at 0, from x = 300', () => {
    const result = minimizeLbfgs((x, g) => {
      const v = x[0] as number;
      g[0] = Math.exp(v) - Math.exp(-v);
      return Math.exp(v) + Math.exp(-v);
    }, [300]);
    expect(result.x[0]).toBeCloseTo(0, 6);
    expect(result.f).toBeCloseTo(2, 10);
  });

  it('stops at a start that is already a minimum, and leaves the start untouched', () => {
    const start = Float64Array.of(3, -2, 0.5, 10, -7);
    const result = minimizeLbfgs(quadratic([3, -2, 0.5, 10, -7]), start);
    expect(result).toMatchObject({ iterations: 0, converged: true, status: 'gradient' });
    expect(result.x).not.toBe(start);
  });

  it('reports an iteration cap as not converged', () => {
    const result = minimizeLbfgs(rosenbrock, [-1.2, 1], { maxIterations: 3 });
    expect(result).toMatchObject({ converged: false, status: 'max-iterations', iterations: 3 });
  });
});
