import type { Recompute } from './flops.js';
import type { Layout } from './memory.js';

const RECOMPUTE_WORDS: Readonly<Record<Recompute, string>> = { none: 'no recomputation', selective: 'selective recomputation', full: 'full recomputation' };

/** `t8·p1·d1 (ZeRO-1, full recomputation, micro-batch 1)`: a layout in one phrase, as check reports it. */
export function describeLayout(layout: Pick<Layout, 'tp' | 'pp' | 'dp' | 'zero' | 'recompute' | 'microBatch'>): string {
  return `t${layout.tp}·p${layout.pp}·d${layout.dp} (ZeRO-${layout.zero}, ${RECOMPUTE_WORDS[layout.recompute]}, micro-batch ${layout.microBatch})`;
}
