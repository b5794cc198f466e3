/**
 * The published variants of each scaling law, as data: what `--range` spreads a plan across.
 * Each variant names its source. Power-law variants pivot on their anchor (or the user's
 * `--baseline`); loss-optimal variants follow a loss model, named by its preset id.
 */
export type PublishedVariant =
  | {
      readonly id: string;
      readonly name: string;
      readonly kind: 'power-law';
      readonly exponent: number;
      readonly anchor: { readonly params: number; readonly flops: number };
      readonly source: string;
    }
  | { readonly id: string; readonly name: string; readonly kind: 'loss-optimal'; readonly lossId: string; readonly source: string };

// Kaplan et al. 2020 Table 6: N_opt = 1.3e9 at C_min = 1 PF-day = 8.64e19 FLOPs.
const KAPLAN_TABLE_6 = { params: 1.3e9, flops: 8.64e19 } as const;

/**
 * The Chinchilla family: the paper's three approaches as published (the same laws as the rules
 * chinchilla-1, -2 and -3; tests/core/range.test.ts keeps them equal) and Epoch's replication. The
 * printed, rounded approach-3 constants are not a variant: they put N 18-30% below the paper's own
 * approach-3 projections (Table A3).
 */
export const VARIANT_FAMILIES: Readonly<Record<'chinchilla' | 'kaplan', readonly PublishedVariant[]>> = {
  chinchilla: [
    {
      id: 'chinchilla-1',
      name: 'Chinchilla approach 1 (Table 3)',
      kind: 'power-law',
      exponent: 0.5,
      anchor: { params: 175e9, flops: 3.85e24 },
      source: 'Hoffmann et al. 2022, arXiv:2203.15556, Table 2 approach 1 (a = 0.50) through Table 3\'s 175B row (3.85e24 FLOPs)',
    },
    {
      id: 'chinchilla-2',
      name: 'Chinchilla approach 2 (Table A3)',
      kind: 'power-law',
      exponent: 0.49,
      anchor: { params: 10e9, flops: 1.32e22 },
      source: 'Hoffmann et al. 2022, arXiv:2203.15556, Table 2 approach 2 (a = 0.49) through Table A3\'s approach-2 10B row (1.32e22 FLOPs)',
    },
    {
      id: 'chinchilla-3',
      name: 'Chinchilla approach 3 (fit, unrounded)',
      kind: 'loss-optimal',
      lossId: 'hoffmann2022-unrounded',
      source: 'Hoffmann et al. 2022, Eq. 4 with the App. D.2 fit unrounded (E=1.6934, A=406.401, B=410.7228, α=0.33917084, β=0.2849083)',
    },
    {
      id: 'besiroglu2024',
      name: 'Epoch replication (Besiroglu 2024)',
      kind: 'loss-optimal',
      lossId: 'besiroglu2024',
      source: 'Besiroglu et al. 2024, arXiv:2404.10102, refit of approach 3 (E=1.8172, A=482.01, B=2085.43, α=0.3478, β=0.3658)',
    },
  ],
  kaplan: [
    {
      id: 'openai-5.5x',
      name: 'OpenAI rule, ×5.5 per 10× (a = 0.740)',
      kind: 'power-law',
      exponent: Math.log10(5.5),
      anchor: KAPLAN_TABLE_6,
      source: 'Kaplan et al. 2020, arXiv:2001.08361: parameters ×5.5 per 10× compute, a = log10(5.5); anchor Table 6, 1.3e9 at 1 PF-day',
    },
    {
      id: 'kaplan-table-6',
      name: 'Kaplan Table 6 (a = 0.73)',
      kind: 'power-law',
      exponent: 0.73,
      anchor: KAPLAN_TABLE_6,
      source: 'Kaplan et al. 2020, arXiv:2001.08361, Table 6: N_opt = 1.3e9 · C^0.73, C in PF-days',
    },
  ],
};

/** Which family of published variants spreads a power-law rule, by rule id. */
export const FAMILY_BY_RULE: Readonly<Record<string, keyof typeof VARIANT_FAMILIES>> = {
  openai: 'kaplan',
  deepmind: 'chinchilla',
  'chinchilla-1': 'chinchilla',
  'chinchilla-2': 'chinchilla',
  'chinchilla-3': 'chinchilla',
};

/** Which family spreads the loss-optimal rule, by the id of the loss model it minimises. */
export const FAMILY_BY_OPTIMAL_LOSS: Readonly<Record<string, keyof typeof VARIANT_FAMILIES>> = {
  hoffmann2022: 'chinchilla',
  'hoffmann2022-unrounded': 'chinchilla',
  besiroglu2024: 'chinchilla',
  kaplan2020: 'kaplan',
};
