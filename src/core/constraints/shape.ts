/**
 * A decoder-only transformer shape for a parameter count: what `--shape` proposes and what the
 * activation-memory estimate uses.
 *
 * The block is Llama-2's (Touvron et al. 2023): multi-head attention with no biases (4·d² weights),
 * a SwiGLU feed-forward of width f (3·d·f weights), two RMSNorm gains per layer (2·d), one final
 * norm (d), and untied input/output embeddings (2·V·d). Untied because the Llama-2 shapes the
 * suggestions are checked against are untied; tying would save V·d parameters.
 */

/** Head size of Llama-2, GPT-3 175B, Chinchilla and Gopher (d_model / heads = 128 in all of them). */
export const HEAD_DIM = 128;

/** SwiGLU keeps the FFN's parameter count of a 4·d MLP with 2/3 of the width: 8/3·d (Shazeer 2020). */
export const SWIGLU_WIDTH_FACTOR = 8 / 3;

/** Llama rounds the SwiGLU width up to a multiple of 256 (`multiple_of` in Meta's model.py): 4096 → 11008. */
export const FFN_MULTIPLE = 256;

/** Default vocabulary: Llama-2's SentencePiece tokenizer (32,000 tokens). */
export const DEFAULT_VOCAB = 32_000;

/**
 * The aspect-ratio band d_model / n_layers the heuristic aims for. Llama-2 7B and 13B and GPT-3
 * 175B sit at 128, Llama-2 70B and Chinchilla 70B at 102.4 (shared/reference/scaling-laws.md).
 * Kaplan et al. 2020 (§3.1, Fig. 5) found loss within a few percent over a 40× range of aspect
 * ratios, so any shape in the band is as good as another; the band only keeps suggestions familiar.
 */
export const ASPECT_RATIO_BAND = [100, 128] as const;

/** A proposed parameter count may differ from the plan's by at most this fraction. */
export const SHAPE_TOLERANCE = 0.05;

export interface ModelShape {
  readonly nLayers: number;
  readonly dModel: number;
  readonly nHeads: number;
  readonly headDim: number;
  /** SwiGLU hidden width. */
  readonly ffnDim: number;
  readonly vocabSize: number;
  readonly tiedEmbeddings: false;
  /** All parameters of this shape, embeddings included. */
  readonly params: number;
  readonly embeddingParams: number;
  /** d_model / n_layers. */
  readonly aspectRatio: number;
  /** `params / target − 1`. */
  readonly paramsRelativeError: number;
  /** Whether `params` is within `SHAPE_TOLERANCE` of the target. */
  readonly withinTolerance: boolean;
}

/**
 * The SwiGLU width for a model width: 8/3·d rounded up to a multiple of 256.
 *
 * @example swigluWidth(4096) → 11008; swigluWidth(5120) → 13824
 */
export function swigluWidth(dModel: number): number {
  return Math.ceil((SWIGLU_WIDTH_FACTOR * dModel) / FFN_MULTIPLE) * FFN_MULTIPLE;
}

/** Parameters of one layer: attention 4·d², SwiGLU 3·d·f, two norms 2·d. */
export function countLayerParams(dModel: number, ffnDim: number = swigluWidth(dModel)): number {
  return 4 * dModel * dModel + 3 * dModel * ffnDim + 2 * dModel;
}

/**
 * All parameters of a shape: layers, the final norm and untied embeddings (2·V·d).
 *
 * @example countShapeParams(32, 4096, 32000) → 6,738,415,616 (Llama-2 7B)
 */
export function countShapeParams(nLayers: number, dModel: number, vocabSize: number, ffnDim: number = swigluWidth(dModel)): number {
  return nLayers * countLayerParams(dModel, ffnDim) + dModel + 2 * vocabSize * dModel;
}

/**
 * Proposes a shape with about `targetParams` parameters.
 *
 * For every width d (a multiple of 128, so heads of 128), the layer counts nearest the target are
 * candidates. Among those within 5% of the target, the choice is, in order:
 * 1. aspect ratio d/L closest to the 100–128 band (0 inside it);
 * 2. the most factors of two in the head count (heads split evenly over 2, 4, 8 tensor-parallel
 *    ranks; this is what picks 4096 over 3968 for 7B);
 * 3. parameters closest to the target.
 * When nothing is within 5% (tiny targets, where the embeddings alone are too many), the shape
 * with the closest parameter count is returned with `withinTolerance: false`.
 */
export function proposeShape(targetParams: number, vocabSize: number = DEFAULT_VOCAB): ModelShape {
  let best: { shape: ModelShape; key: readonly number[] } | undefined;
  let closest: ModelShape | undefined;
  // Widths up to 128·1024 = 131072 cover far beyond any budget llm-plan plans (1e30 FLOPs).
  for (let heads = 1; heads <= 1024; heads++) {
    const dModel = heads * HEAD_DIM;
    const ffnDim = swigluWidth(dModel);
    const perLayer = countLayerParams(dModel, ffnDim);
    const fixed = countShapeParams(0, dModel, vocabSize, ffnDim);
    const ideal = (targetParams - fixed) / perLayer;
    for (const nLayers of new Set([Math.floor(ideal), Math.ceil(ideal)])) {
      if (nLayers < 1) continue;
      const shape = buildShape(nLayers, dModel, vocabSize, ffnDim, targetParams);
      if (!closest || Math.abs(shape.paramsRelativeError) < Math.abs(closest.paramsRelativeError)) closest = shape;
      if (!shape.withinTolerance) continue;
      const key = [distanceToBand(shape.aspectRatio), -twoAdicValuation(heads), Math.abs(shape.paramsRelativeError)];
      if (!best || isLess(key, best.key)) best = { shape, key };
    }
  }
  const chosen = best?.shape ?? closest;
  if (!chosen) return buildShape(1, HEAD_DIM, vocabSize, swigluWidth(HEAD_DIM), targetParams);
  return chosen;
}

function buildShape(nLayers: number, dModel: number, vocabSize: number, ffnDim: number, targetParams: number): ModelShape {
  const params = countShapeParams(nLayers, dModel, vocabSize, ffnDim);
  const paramsRelativeError = params / targetParams - 1;
  return {
    nLayers,
    dModel,
    nHeads: dModel / HEAD_DIM,
    headDim: HEAD_DIM,
    ffnDim,
    vocabSize,
    tiedEmbeddings: false,
    params,
    embeddingParams: 2 * vocabSize * dModel,
    aspectRatio: dModel / nLayers,
    paramsRelativeError,
    withinTolerance: Math.abs(paramsRelativeError) <= SHAPE_TOLERANCE,
  };
}

/** |ln| distance of an aspect ratio from the band; 0 inside it. */
function distanceToBand(ratio: number): number {
  const [low, high] = ASPECT_RATIO_BAND;
  if (ratio < low) return Math.log(low / ratio);
  if (ratio > high) return Math.log(ratio / high);
  return 0;
}

/** How many times 2 divides n (n ≥ 1). */
function twoAdicValuation(n: number): number {
  let count = 0;
  for (let value = n; value % 2 === 0; value /= 2) count++;
  return count;
}

function isLess(a: readonly number[], b: readonly number[]): boolean {
  for (let index = 0; index < a.length; index++) {
    const left = a[index] ?? 0;
    const right = b[index] ?? 0;
    if (left !== right) return left < right;
  }
  return false;
}
