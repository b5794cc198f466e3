/**
 * Limits of the fit flags, in a module of their own so the CLI can check flags before it loads
 * the fitting code (which only the `fit` command evaluates, through a dynamic import).
 */

/** Most bootstrap resamples: 1e5 refits take over 20 minutes here, far past any useful interval. */
export const MAX_BOOTSTRAP_SAMPLES = 100_000;
