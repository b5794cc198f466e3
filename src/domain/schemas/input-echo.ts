import * as z from 'zod';

const finite = z.number().finite();

/**
 * The flags every document echoes in its `input` the same way (plan@1, plot@1, sweep@1): hardware,
 * loss model, price and baseline as the user gave them (null when not given). `budget` and `rule`
 * stay with each document, because what they hold differs (one budget, a list, a LO..HI range).
 */
export const InputEchoShape = {
  gpu: z.string().nullable(),
  precision: z.string().nullable(),
  mfu: finite.nullable(),
  loss: z.string().nullable(),
  price: finite.nullable().describe('USD per GPU-hour'),
  baseline: z.string().nullable().optional().describe('--baseline N:D as typed'),
};
