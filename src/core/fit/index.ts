/**
 * Fitting your own scaling law: parse runs, fit `L = E + A/N^α + B/D^β` (Hoffmann et al. 2022
 * §3.3), bootstrap it, and describe the result as a loss-model preset. Pure: no I/O, no clock.
 */
export * from './bootstrap.js';
export * from './document.js';
export * from './fit.js';
export * from './grid.js';
export * from './lbfgs.js';
export * from './limits.js';
export * from './objective.js';
export * from './optimal.js';
export * from './parse-runs.js';
export * from './prng.js';
export * from './runs.js';
