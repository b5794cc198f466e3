import { describe, expect, it } from 'vitest';
import type { Architecture } from '../../../src/domain/architecture.js';
import { countParams } from '../../../src/core/cluster/params.js';
import { HEADS_MULTIPLE, proposeArchitecture } from '../../../src/core/cluster/shape.js';
import { parseHfConfig } from '../../../src/core/cluster/hf-config.js';
import { PlanError } from '../../../src/domain/errors.js';

const llama = (layers: number, dModel: number, heads: number, kvHeads: number, ffn: number, vocab: number): Architecture => ({
  name: 'test', layers, dModel, heads, kvHeads, headDim: dModel / heads, ffn, vocab,
  mlp: 'swiglu', tiedEmbeddings: false, norm: 'rmsnorm', bias: 'none', positions: 'rope',
});

describe('parameter count (shared/reference/parallelism.md; model cards)', () => {
  // Expected values: the published counts (Hugging Face model cards / num_parameters()), each also
  // written out by hand: L·(attention + 3·h·f + 2h) + h + 2·V·h.
  it.each([
    // 32·(2·4096² + 2·4096·4096 + 3·4096·11008 + 8192) + 4096 + 2·32000·4096
    ['Llama-2-7B', llama(32, 4096, 32, 32, 11008, 32000), 6_738_415_616],
    ['Llama-2-13B', llama(40, 5120, 40, 40, 13824, 32000), 13_015_864_320],
    // GQA: K and V are 8 heads × 128 = 1024 wide: 80·(2·8192² + 2·8192·1024 + 3·8192·28672 + 16384) + 8192 + 2·32000·8192
    ['Llama-2-70B', llama(80, 8192, 64, 8, 28672, 32000), 68_976_648_192],
    ['Llama-3-8B', llama(32, 4096, 32, 8, 14336, 128256), 8_030_261_248],
    ['Llama-3.1-405B', llama(126, 16384, 128, 8, 53248, 128256), 405_853_388_800],
    ['Mistral-7B', llama(32, 4096, 32, 8, 14336, 32000), 7_241_732_096],
  ])('%s counts exactly', (_name, arch, expected) => {
    expect(countParams(arch).total).toBe(expected);
  });

  it('agrees with the reference page’s rounded figures (6.738e9, 6.898e10, 8.03e9, 4.06e11)', () => {
    expect(countParams(llama(80, 8192, 64, 8, 28672, 32000)).total / 6.898e10).toBeCloseTo(1, 3);
    expect(countParams(llama(126, 16384, 128, 8, 53248, 128256)).total / 4.06e11).toBeCloseTo(1, 2);
  });

  it('tied embeddings drop the output head (V·h)', () => {
    const untied = llama(24, 896, 14, 2, 4864, 151936);
    const tied = { ...untied, tiedEmbeddings: true };
    expect(countParams(untied).total - countParams(tied).total).toBe(151936 * 896);
  });

  it('GPT-3 175B matches Narayanan et al. 2021 Eq. (2): 12·l·h²·(1 + 13/(12h) + (V + s)/(12·l·h))', () => {
    const gpt3: Architecture = { ...llama(96, 12288, 96, 96, 4 * 12288, 50257), mlp: 'gelu', tiedEmbeddings: true, norm: 'layernorm', bias: 'all', positions: 'learned', maxSeqLen: 2048 };
    const [l, h, V, s] = [96, 12288, 50257, 2048];
    const narayanan = 12 * l * h ** 2 * (1 + 13 / (12 * h) + (V + s) / (12 * l * h));
    // Narayanan's form omits the final layer norm (2h): the only difference.
    expect(countParams(gpt3).total - narayanan).toBeCloseTo(2 * h, 0);
  });
});

describe('proposed shape from N (Llama 2 recipe, heads divisible by 8)', () => {
  it.each([
    [6_738_415_616, 32, 4096, 32, 32, 11008],
    [13_015_864_320, 40, 5120, 40, 40, 13824],
    [68_976_648_192, 80, 8192, 64, 8, 28672],
  ])('reproduces the Llama 2 shape from its own count %d', (params, layers, dModel, heads, kvHeads, ffn) => {
    const { architecture, relativeError } = proposeArchitecture(params);
    expect(architecture).toMatchObject({ layers, dModel, heads, kvHeads, ffn });
    expect(relativeError).toBe(0);
  });

  it('keeps heads divisible by 8 and the count within 5% from 1e9 to 1e12', () => {
    for (let n = 1e9; n <= 1e12; n *= 1.7) {
      const proposal = proposeArchitecture(n);
      expect(proposal.architecture.heads % HEADS_MULTIPLE).toBe(0);
      expect(Math.abs(proposal.relativeError)).toBeLessThanOrEqual(0.05);
      expect(countParams(proposal.architecture).total).toBe(proposal.params);
    }
  });
});

describe('Hugging Face config.json', () => {
  // Fields as in meta-llama/Llama-2-7b-hf and Qwen/Qwen2.5-72B config.json.
  const llama2 = { architectures: ['LlamaForCausalLM'], model_type: 'llama', hidden_size: 4096, intermediate_size: 11008, num_attention_heads: 32, num_hidden_layers: 32, num_key_value_heads: 32, vocab_size: 32000, tie_word_embeddings: false, hidden_act: 'silu', max_position_embeddings: 4096 };
  const qwen72 = { model_type: 'qwen2', hidden_size: 8192, intermediate_size: 29568, num_attention_heads: 64, num_hidden_layers: 80, num_key_value_heads: 8, vocab_size: 152064, tie_word_embeddings: false, hidden_act: 'silu' };
  const qwen05 = { model_type: 'qwen2', hidden_size: 896, intermediate_size: 4864, num_attention_heads: 14, num_hidden_layers: 24, num_key_value_heads: 2, vocab_size: 151936, tie_word_embeddings: true, hidden_act: 'silu' };

  it('Llama-2-7B reproduces 6,738,415,616', () => {
    expect(countParams(parseHfConfig(llama2, 'config.json')).total).toBe(6_738_415_616);
  });
  it('Qwen2.5-72B (QKV biases) gives 72.7B as its report states', () => {
    // 80·(2·8192² + 2·8192·1024 + (8192 + 2·1024) + 3·8192·29568 + 2·8192) + 8192 + 2·152064·8192
    expect(countParams(parseHfConfig(qwen72, 'c.json')).total).toBe(72_706_203_648);
  });
  it('Qwen2.5-0.5B (tied, 2 KV heads) gives the model card’s 494M', () => {
    // 24·(896·896·2 + 2·896·128 + (896 + 256) + 3·896·4864 + 1792) + 896 + 151936·896
    expect(countParams(parseHfConfig(qwen05, 'c.json')).total).toBe(494_032_768);
  });
  it('missing num_key_value_heads means multi-head attention', () => {
    const { num_key_value_heads: _dropped, ...rest } = llama2;
    expect(parseHfConfig(rest, 'c.json').kvHeads).toBe(32);
  });
  it.each([
    [{ n_embd: 768, n_layer: 12 }, /GPT-2-style/],
    [{ ...llama2, hidden_size: undefined }, /missing "hidden_size"/],
    [{ ...llama2, num_key_value_heads: 5 }, /multiple of num_key_value_heads/],
    [{ ...llama2, num_local_experts: 8 }, /mixture-of-experts/],
    [[1, 2], /not a JSON object/],
  ])('refuses %j with a message', (config, message) => {
    let error: unknown;
    try {
      parseHfConfig(config, 'c.json');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PlanError);
    expect((error as PlanError).code).toBe('invalid-file');
    expect((error as PlanError).message).toMatch(message);
  });
});

describe('proposed shape for tiny targets', () => {
  it('still proposes one layer (flagged outside tolerance) when the embeddings alone exceed the target', () => {
    const proposal = proposeArchitecture(1e5);
    expect(proposal.architecture.layers).toBe(1);
    expect(proposal.withinTolerance).toBe(false);
  });
});
