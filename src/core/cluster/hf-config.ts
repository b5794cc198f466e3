import type { Architecture } from '../../domain/architecture.js';
import { PlanError } from '../../domain/errors.js';

/**
 * A Hugging Face `config.json` (Llama, Mistral, Qwen2 and other Llama-style decoders) as an
 * architecture. Fields (transformers' LlamaConfig / MistralConfig / Qwen2Config):
 * `hidden_size`, `num_hidden_layers`, `num_attention_heads`, `num_key_value_heads` (absent = MHA),
 * `intermediate_size`, `vocab_size`, `tie_word_embeddings` (absent = false in these three configs),
 * `head_dim` (absent = hidden_size / heads), `attention_bias`, `mlp_bias`, `max_position_embeddings`.
 * Qwen2 puts biases on Q, K and V only (Qwen2Attention: q/k/v_proj bias=True, o_proj bias=False).
 * The MLP is SwiGLU (`hidden_act` silu) in all three. Other families (GPT-2's `n_embd`, MoE
 * configs) are refused with a message rather than counted wrongly.
 */
const LLAMA_STYLE = ['llama', 'mistral', 'qwen2', 'qwen3', 'olmo2'] as const;

export function parseHfConfig(json: unknown, file: string): Architecture {
  const fail = (message: string, hint?: string): never => {
    throw new PlanError('invalid-file', `${file}: ${message}`, hint ?? 'give a Llama-, Mistral- or Qwen2-style config.json, or --layers --d-model --heads --ffn --vocab');
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('not a JSON object');
  const config = json as Record<string, unknown>;
  const modelType = typeof config.model_type === 'string' ? config.model_type : undefined;
  if ('n_embd' in config || 'n_layer' in config) return fail('a GPT-2-style config (n_embd, n_layer) is not supported');
  if ('num_local_experts' in config || 'num_experts' in config || 'n_routed_experts' in config) return fail('mixture-of-experts configs are not supported (dense decoders only)');
  if (modelType !== undefined && modelType.startsWith('gemma')) return fail(`model_type '${modelType}' is not supported (Gemma ties and scales embeddings differently)`);
  const int = (key: string, fallback?: number): number => {
    const value = config[key] ?? fallback;
    if (value === undefined) return fail(`missing "${key}"`);
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) return fail(`"${key}" must be a positive whole number, got ${JSON.stringify(value)}`);
    return value;
  };
  const bool = (key: string, fallback: boolean): boolean => {
    const value = config[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'boolean') return fail(`"${key}" must be true or false, got ${JSON.stringify(value)}`);
    return value;
  };
  const dModel = int('hidden_size');
  const heads = int('num_attention_heads');
  const kvHeads = int('num_key_value_heads', heads);
  if (heads % kvHeads !== 0) fail(`num_attention_heads (${heads}) must be a multiple of num_key_value_heads (${kvHeads})`);
  const headDim = config.head_dim === undefined || config.head_dim === null ? dModel / heads : int('head_dim');
  if (!Number.isInteger(headDim)) fail(`hidden_size (${dModel}) is not a multiple of num_attention_heads (${heads}) and there is no head_dim`);
  const act = config.hidden_act ?? config.hidden_activation;
  if (act !== undefined && act !== 'silu' && act !== 'swish') fail(`hidden_act '${String(act)}' is not a SwiGLU (silu) MLP`);
  const qwen = modelType === 'qwen2';
  const attentionBias = bool('attention_bias', false);
  const mlpBias = bool('mlp_bias', false);
  const maxSeqLen = typeof config.max_position_embeddings === 'number' && Number.isInteger(config.max_position_embeddings) && config.max_position_embeddings > 0 ? config.max_position_embeddings : undefined;
  return {
    name: typeof config._name_or_path === 'string' && config._name_or_path.length > 0 && config._name_or_path.length < 200 && !/[\u0000-\u001f\u007f-\u009f]/.test(config._name_or_path) ? config._name_or_path : file,
    layers: int('num_hidden_layers'),
    dModel,
    heads,
    kvHeads,
    headDim,
    ffn: int('intermediate_size'),
    vocab: int('vocab_size'),
    mlp: 'swiglu',
    tiedEmbeddings: bool('tie_word_embeddings', false),
    norm: 'rmsnorm',
    bias: mlpBias ? 'all' : attentionBias ? 'attention' : qwen ? 'qkv' : 'none',
    positions: 'rope',
    ...(maxSeqLen === undefined ? {} : { maxSeqLen }),
    source: `${file}${modelType && (LLAMA_STYLE as readonly string[]).includes(modelType) ? '' : modelType ? ` (model_type '${modelType}', read as Llama-style)` : ''}`,
  };
}
