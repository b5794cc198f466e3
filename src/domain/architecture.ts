import * as z from 'zod';

/**
 * The vocabulary of the cluster model: a decoder-only transformer's shape (an architecture) and a
 * real training run (a model preset). Types come from the zod schemas; core imports them with
 * `import type`, so importing a type from here loads no zod at run time. Built-in presets are
 * validated against these schemas by the test suite (tests/presets-models.test.ts).
 */

const positiveInt = z.number().int().positive();
const positive = z.number().positive().finite();
const presetId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, ".", "_" or "-", starting with a letter or digit');
/** Text a renderer prints as it is: no control characters but tab and newline. */
const plainText = z
  .string()
  .regex(/^[^\u0000-\u0008\u000b-\u001f\u007f-\u009f]*$/, 'no control characters (escape sequences, carriage returns)');

export const MlpKindSchema = z.enum(['swiglu', 'gelu']).describe('swiglu: 3·h·f weights (gate, up, down); gelu: 2·h·f');
export const NormKindSchema = z.enum(['rmsnorm', 'layernorm']).describe('rmsnorm: a gain (h); layernorm: gain and bias (2·h)');
export const BiasKindSchema = z.enum(['none', 'qkv', 'attention', 'all']).describe('which linear layers carry biases (qkv: Q, K, V as in Qwen2; attention: also O; all: also the MLP, as in GPT-2/3)');
export const PositionKindSchema = z.enum(['rope', 'learned', 'relative']).describe('learned positions add maxSeqLen·h parameters');

/** A decoder-only transformer's shape: everything the parameter count, FLOPs and memory need. */
export const ArchitectureSchema = z.strictObject({
  id: presetId.optional(),
  name: plainText.min(1),
  layers: positiveInt.describe('transformer blocks (L)'),
  dModel: positiveInt.describe('hidden size (h)'),
  heads: positiveInt.describe('attention (query) heads (a)'),
  kvHeads: positiveInt.describe('key/value heads (k); = heads without grouped-query attention'),
  headDim: positiveInt.describe('size of one head; usually dModel / heads'),
  ffn: positiveInt.describe('feed-forward hidden width (f)'),
  vocab: positiveInt.describe('vocabulary size (V)'),
  mlp: MlpKindSchema,
  tiedEmbeddings: z.boolean().describe('output head shares the input embedding matrix'),
  norm: NormKindSchema,
  bias: BiasKindSchema,
  positions: PositionKindSchema,
  maxSeqLen: positiveInt.optional().describe('context length the model was trained with'),
  statedParams: positive.optional().describe('the parameter count its paper states, where it differs from the shape'),
  source: plainText.min(1).optional(),
  notes: plainText.optional(),
});
export type Architecture = z.infer<typeof ArchitectureSchema>;


/** A real training run (shared/reference/models.md): N and D as its paper states them. */
export const RealModelSchema = z.strictObject({
  id: presetId,
  name: plainText.min(1),
  aliases: z.array(presetId).optional(),
  /** All parameters, embeddings included, as the paper states them. */
  params: positive,
  /** Training tokens as the paper states them. */
  tokens: positive,
  /** Training FLOPs where the paper gives its own figure (else 6·N·D). */
  paperFlops: positive.optional(),
  year: z.number().int().min(2017).max(2100),
  /** Id of an architecture preset (presets/architectures.json) when the shape is published. */
  architecture: presetId.optional(),
  source: plainText.min(1),
  notes: plainText.optional(),
});
export type RealModel = z.infer<typeof RealModelSchema>;
