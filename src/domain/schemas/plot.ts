import * as z from 'zod';
import { InputEchoShape } from './input-echo.js';

/**
 * The `llm-plan/plot@1` document of `llm-plan plot --json`: the data a figure draws. `kind` says
 * which figure: `isoflop` (loss against N at fixed compute, one curve per budget, each rule's plan
 * as a marker) or `frontier` (each rule's N and D against compute). Objects are not strict: `@1`
 * only grows. Numbers are base units (FLOPs, parameters, tokens; loss in nats/token).
 */
const finite = z.number().finite();

const PlotInputSchema = z.object({
  ...InputEchoShape,
  budget: z.string().describe('the --budget text as given: a budget, a comma-separated list, or LO..HI with --frontier'),
  rule: z.string().describe("the rules marked: the user's, or 'all' (the default)"),
  frontier: z.boolean(),
});

const IsoflopPointSchema = z.object({
  params: finite,
  tokens: finite.describe('C/(6·params)'),
  loss: finite.describe("the loss model's prediction, nats/token"),
});

const IsoflopPlotSchema = z.object({
  schema: z.literal('llm-plan/plot@1'),
  kind: z.literal('isoflop'),
  input: PlotInputSchema,
  lossModel: z.string().describe('the loss model that draws every curve and scores every marker'),
  curves: z.array(
    z.object({
      budget: z.string(),
      flops: finite,
      optimum: IsoflopPointSchema.describe("the loss model's minimum on this curve"),
      points: z.array(IsoflopPointSchema).describe('log-spaced in params, 1.5 decades beyond the optimum and the plans'),
    }),
  ),
  markers: z.array(IsoflopPointSchema.extend({ rule: z.string(), budget: z.string(), flops: finite })),
  notes: z.array(z.string()),
});

const FrontierPlotSchema = z.object({
  schema: z.literal('llm-plan/plot@1'),
  kind: z.literal('frontier'),
  input: PlotInputSchema,
  series: z.array(
    z.object({
      rule: z.string(),
      lossModel: z.string(),
      points: z.array(z.object({ flops: finite, params: finite, tokens: finite })),
    }),
  ),
  models: z
    .array(z.object({ id: z.string(), name: z.string(), flops: finite, params: finite, tokens: finite }))
    .optional()
    .describe("with --models: real training runs at their compute (the paper's figure where given, else 6·N·D)"),
  notes: z.array(z.string()),
});

export const PlotDocumentSchema = z
  .discriminatedUnion('kind', [IsoflopPlotSchema, FrontierPlotSchema])
  .meta({ title: 'llm-plan/plot@1', description: 'The data of an IsoFLOP or compute-optimal-frontier figure (llm-plan plot --json).' });
