import { afterAll, describe, expect, it } from 'vitest';
import { flagsToFields } from '../../src/request/check-config.js';
import { ROOT, runCli, spawnCli } from '../helpers/cli.js';
import { createTempFiles } from '../helpers/run-with-stdin.js';

// Issue 12, item 7: check configs on a cluster (gpu and gpus) run the plan's layout search, and a
// config whose leanest layout needs more memory than the GPU has fails with does-not-fit.
//
// Expected values by hand, from the published shapes (shared/reference/parallelism.md, models.md):
// - Llama 2 7B (32 × 4096, 32 heads, ffn 11008, vocab 32000, untied, RMSNorm, no biases):
//   per layer 4·4096² (attention) + 3·4096·11008 (SwiGLU) + 2·4096 (norms) = 202,383,360;
//   × 32 = 6,476,267,520, + 2·32000·4096 embeddings + 4096 final norm = 6,738,415,616.
// - Llama 2 70B (80 × 8192, 64 heads, 8 KV heads of 128, ffn 28672): per layer 2·8192² (Q, O)
//   + 2·8192·1024 (K, V) + 3·8192·28672 + 2·8192 = 855,654,400; × 80 = 68,452,352,000,
//   + 2·32000·8192 + 8192 = 68,976,648,192.
// - Mixed-precision AdamW: 2 B weights + 2 B gradients + 12 B fp32 master and moments = 16 B/param
//   (ZeRO, Rajbhandari et al. 2020, Fig. 1); usable memory = 80 GB × (1 − 10% buffer allowance).
const LLAMA2_7B = 6_738_415_616;
const LLAMA2_70B = 68_976_648_192;
const GB = 1e9;
const USABLE_80GB = 80 * GB * (1 - 0.1);

const fixture = `${ROOT}tests/fixtures/check/cluster.yaml`;
const base = (gpus: number, extra = ''): string => `name: x\nparams: 70B\ntokens: 2T\ngpu: a100-80gb\ngpus: ${gpus}\narch: llama-2-70b\ntolerance: 10\n${extra}`;
const small = 'name: x\nparams: 7B\ntokens: 140B\ngpu: h100\ngpus: 8\n';
const ARCH_TYPO = JSON.stringify({ name: 'x', params: '7B', tokens: '140B', gpu: 'h100', gpus: 8, arch: { layers: 32, dModel: 4096, heads: 32, fnn: 11008, ffn: 11008 } });
const files = createTempFiles({
  'on16.yaml': base(16),
  'on32.yaml': base(32),
  'pinned.yaml': base(64, 'layout: tp=1,pp=1\nzero: 0\n'),
  'tied.yaml': `${small}arch: {layers: 32, dModel: 4096, heads: 32, ffn: 11008, tiedEmbeddings: true}\n`,
  'bad-layout.yaml': `${small}layout: tp=8;pp=2\n`,
  'split-layout.yaml': `${small}arch: llama-2-7b\nlayout: tp=3\n`,
  'arch-path.yaml': `${small}arch: ./config.json\n`,
  'arch-unknown.yaml': `${small}arch: llama-2-7\n`,
  'arch-typo.json': ARCH_TYPO,
  'arch-gqa.yaml': `${small}arch: {layers: 32, dModel: 4096, heads: 32, kvHeads: 5, ffn: 11008}\n`,
  'no-gpus.yaml': 'name: x\nparams: 7B\ntokens: 140B\ngpu: h100\narch: llama-2-7b\n',
  'no-gpu.yaml': 'name: x\nparams: 7B\ntokens: 140B\ngpus: 8\nseqLen: 4096\n',
  'micro.yaml': `${small}microBatch: 3\n`,
  'zero.yaml': `${small}zero: 4\n`,
  'seq.yaml': `${small}seqLen: 4x\n`,
  'wide-tp.yaml': `${small}layout: {tp: 16}\n`,
});
afterAll(() => files.remove());

interface Row { tp: number; pp: number; dp: number; zero: number; fits: boolean; memory: Record<string, number>; days: number }
interface Result {
  name: string;
  passed: boolean;
  days: number | null;
  violations: Array<{ code: string; reason: string; value: number; limit: number }>;
  warnings: Array<{ code: string; limit?: string; reason: string }>;
  layout: null | { chosen: Row; leanest: Row; fittingCount: number; gpuMemoryBytes: number; usableBytesPerGpu: number; seqLen: number; gradDtype: string; architecture: { id?: string; origin: string; params: number; tiedEmbeddings: boolean }; advice: Array<{ kind: string; gpus?: number }> };
}

async function check(path: string): Promise<{ code: number; results: Result[] }> {
  const result = await runCli(['check', path, '--json']);
  return { code: result.code, results: JSON.parse(result.stdout).results };
}

const modelBytes = (row: Row): number => (row.memory.weights ?? 0) + (row.memory.gradients ?? 0) + (row.memory.optimizer ?? 0) + (row.memory.activations ?? 0);

describe('check on a cluster: the layout search and does-not-fit', () => {
  it('Llama 2 70B on 8 × A100-80GB does not fit: 16 B/param over at most 8 GPUs is above 72 GB', async () => {
    const { code, results } = await check(fixture);
    expect(code).toBe(1);
    const [seventy] = results;
    expect(seventy?.layout?.architecture).toMatchObject({ id: 'llama-2-70b', origin: 'preset', params: LLAMA2_70B });
    const violation = seventy?.violations.find((entry) => entry.code === 'does-not-fit');
    if (!violation) throw new Error('no does-not-fit');
    // The limit: the GPU's 80 GB less the 10% buffer allowance.
    expect(violation.limit).toBeCloseTo(USABLE_80GB, 0);
    // The value: no layout of 8 GPUs can hold less than the states sharded 8 ways (137.95 GB), activations come on top.
    expect(violation.value).toBeGreaterThanOrEqual((LLAMA2_70B * 16) / 8);
    expect(violation.value).toBeLessThan(((LLAMA2_70B * 16) / 8) * 1.1);
    expect(seventy?.layout).toMatchObject({ fittingCount: 0, gpuMemoryBytes: 80 * GB, usableBytesPerGpu: USABLE_80GB });
    expect(seventy?.layout?.chosen.fits).toBe(false);
    expect(violation.reason).toMatch(/^no layout of 70\.0B params on 2\.00T tokens \(llama-2-70b, 69\.0B params\) fits 8 × a100-sxm4-80gb: the leanest, t\d+·p\d+·d\d+ \(ZeRO-\d, \w+ recomputation, micro-batch \d+\), needs 1\d\d GB per GPU, above the 72\.0 GB usable \(80\.0 GB less the 10% buffer allowance\); would fit: gpus: 16/);
    // days keeps its meaning: 6·N·D at the A100's 312 dense bf16 TFLOP/s × the default MFU 0.4, over 8 GPUs.
    expect(seventy?.days).toBeCloseTo((6 * 70e9 * 2e12) / (312e12 * 0.4) / 8 / 86_400, 6);
  });

  it('the advice helps: 16 GPUs fit, within 10% of the limit (a near-limit warning); 32 fit with room', async () => {
    const [on16] = (await check(files.path('on16.yaml'))).results;
    expect(on16?.passed).toBe(true);
    // The states alone, sharded 16 ways, are 68.98 GB: above 90% of 72 GB, so the leanest layout is near the limit.
    expect((LLAMA2_70B * 16) / 16).toBeGreaterThan(0.9 * USABLE_80GB);
    expect(modelBytes(on16?.layout?.leanest as Row)).toBeLessThanOrEqual(USABLE_80GB);
    expect(on16?.warnings).toContainEqual(expect.objectContaining({ code: 'near-limit', limit: 'does-not-fit' }));
    const [on32] = (await check(files.path('on32.yaml'))).results;
    expect(on32?.passed).toBe(true);
    expect(on32?.warnings.filter((warning) => warning.limit === 'does-not-fit')).toEqual([]);
  });

  it('a pinned layout that cannot fit advises leaving it to the search, and that is true', async () => {
    const { code, results } = await check(files.path('pinned.yaml'));
    expect(code).toBe(1);
    const [pinned] = results;
    // t1·p1 with ZeRO-0: every GPU holds all 16 B/param = 1.10 TB.
    expect(pinned?.violations[0]?.value).toBeGreaterThan(LLAMA2_70B * 16);
    expect(pinned?.violations[0]?.reason).toContain('would fit: without layout, zero (left to the search)');
    const [free] = (await check(files.path('on32.yaml'))).results;
    expect(free?.passed).toBe(true);
  });

  it('Llama 2 7B on 256 × H100 with tp=1, pp=1 and ZeRO-1 fits: 2 + 2 + 12/256 B/param', async () => {
    const [, seven] = (await check(fixture)).results;
    expect(seven?.passed).toBe(true);
    const layout = seven?.layout;
    expect(layout?.architecture).toMatchObject({ id: 'llama-2-7b', params: LLAMA2_7B });
    expect(layout?.chosen).toMatchObject({ tp: 1, pp: 1, dp: 256, zero: 1, fits: true });
    expect(layout?.chosen.memory.weights).toBeCloseTo(LLAMA2_7B * 2, 0);
    expect(layout?.chosen.memory.gradients).toBeCloseTo(LLAMA2_7B * 2, 0);
    expect(layout?.chosen.memory.optimizer).toBeCloseTo((LLAMA2_7B * 12) / 256, 0);
    expect(layout?.chosen.memory.buffers).toBeCloseTo(8 * GB, 0);
    // Llama 2 7B's preset context is 4,096 tokens (as the plan uses it, capped at 8,192).
    expect(layout?.seqLen).toBe(4096);
  });

  it('an inline shape counts like the preset; tiedEmbeddings drops one 32000 × 4096 matrix', async () => {
    const [, , inline] = (await check(fixture)).results;
    expect(inline?.layout?.architecture).toMatchObject({ origin: 'flags', params: LLAMA2_7B });
    expect(inline?.layout).toMatchObject({ seqLen: 4096, gradDtype: 'fp32' });
    expect(inline?.layout?.chosen).toMatchObject({ tp: 2, recompute: 'full', microBatch: 1 });
    const [tied] = (await check(files.path('tied.yaml'))).results;
    expect(tied?.layout?.architecture).toMatchObject({ tiedEmbeddings: true, params: LLAMA2_7B - 32_000 * 4096 });
  });

  it.each([
    ['bad-layout.yaml', /bad-layout\.yaml: config \(x\)\.layout: layout takes tp=<n>,pp=<n>, got 'tp=8;pp=2'\nhint: for example layout: tp=8,pp=4/],
    ['split-layout.yaml', /config \(x\)\.layout: layout tp=3 has no layout on 8 GPUs: tp=3 does not divide the 32 heads or the 8 GPUs per node or the 8 GPUs/],
    ['arch-path.yaml', /config \(x\)\.arch: '\.\/config\.json' is a path; a check file names an architecture by id or gives its shape inline\nhint: .*arch: \{layers: 32, dModel: 4096/],
    ['arch-unknown.yaml', /config \(x\)\.arch: unknown architecture 'llama-2-7' \(did you mean 'llama-2-7b'\?\)\nhint: arch takes one of: /],
    ['arch-typo.json', /config \(x\)\.arch: unknown field 'fnn' \(did you mean 'ffn'\?\)/],
    ['arch-gqa.yaml', /config \(x\)\.arch: arch\.heads 32 is not a multiple of arch\.kvHeads: 5/],
    ['no-gpus.yaml', /config \(x\)\.arch: only used by the layout search, which needs gpu \(the accelerator\) and gpus \(how many\); gpus is missing\nhint: for example: gpu: h100, gpus: 256, arch: llama-2-7b/],
    ['no-gpu.yaml', /config \(x\)\.seqLen: only used by the layout search, .*; gpu is missing/],
    ['micro.yaml', /config \(x\)\.microBatch: microBatch must be a power of two up to 64, got '3'/],
    ['zero.yaml', /config \(x\)\.zero: zero must be one of 0, 1, 2, 3, got '4'/],
    ['seq.yaml', /config \(x\)\.seqLen: seqLen '4x' is not a number\nhint: write it like seqLen: 2048 or seqLen: 4k/],
    ['wide-tp.yaml', /config \(x\)\.layout: layout tp=16 spans more than one node of 8 GPUs\nhint: .*raise gpusPerNode if your nodes are larger/],
  ])('exits 2 for %s, naming the config and field in check-file terms', async (name, message) => {
    const result = await runCli(['check', files.path(name)]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^llm-plan: error: /);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/--[a-z]/);
  });

  it('points annotations at the offending field of a bad config', async () => {
    const result = await runCli(['check', files.path('bad-layout.yaml')], { env: { GITHUB_ACTIONS: 'true' } });
    // bad-layout.yaml: the layout value is on line 6, after "layout: ".
    expect(result.stdout + result.stderr).toMatch(/^::error file=[^,]*bad-layout\.yaml,line=6,endLine=6,col=9,title=invalid check file::.*\.layout: layout takes/m);
    // A misspelt field inside an inline arch points at the arch value: the '{' after "arch": (1-based column).
    const json = await runCli(['check', files.path('arch-typo.json')], { env: { GITHUB_ACTIONS: 'true' } });
    const column = ARCH_TYPO.indexOf('{"layers"') + 1;
    expect(json.stdout + json.stderr).toMatch(new RegExp(`^::error file=[^,]*arch-typo\\.json,line=1,endLine=1,col=${column},title=invalid check file::.*\\.arch: unknown field 'fnn'`, 'm'));
  });

  it('flagsToFields reads the cluster flags as fields', () => {
    expect(flagsToFields('--seq-len must be a whole number')).toBe('seqLen must be a whole number');
    expect(flagsToFields('for example --layout tp=8,pp=4')).toBe('for example layout: tp=8,pp=4');
    expect(flagsToFields('raise --gpus-per-node if your nodes are larger')).toBe('raise gpusPerNode if your nodes are larger');
    expect(flagsToFields('--gpus, --days and the memory flags need --gpu')).toBe('gpus, --days and the memory flags need a gpu: field');
    expect(flagsToFields('add --gpu a100')).toBe('add gpu: a100');
  });

  it('every report shows the layout: text, markdown, JUnit, GitHub annotations', async () => {
    const text = await runCli(['check', fixture], { env: { COLUMNS: '400' } });
    expect(text.stdout).toMatch(/^ {2}does-not-fit: no layout of 70\.0B params/m);
    expect(text.stdout).toMatch(/^ {2}layout t1·p1·d256 \(ZeRO-1, \w+ recomputation, micro-batch \d+\) of llama-2-7b: \d+\.\d GB of 72\.0 GB usable per GPU, [\d.]+ days/m);
    const markdown = await runCli(['check', fixture, '--format', 'markdown']);
    expect(markdown.stdout).toContain('| config | N | D | compute | tokens/param | loss | layout | result |');
    expect(markdown.stdout).toMatch(/\| does not fit \| \*\*fail\*\*: does-not-fit \(no layout/);
    const junit = await runCli(['check', fixture, '--format', 'junit']);
    expect(junit.stdout).toContain('<failure type="does-not-fit" message="no layout of 70.0B params');
    expect(junit.stdout).toMatch(/<system-out>layout t1·p1·d256/);
    const github = await runCli(['check', fixture], { env: { GITHUB_ACTIONS: 'true' } });
    expect(github.stdout).toMatch(/^::error file=[^,]*cluster\.yaml,line=3,endLine=9,col=5,title=llama-2-70b-on-8%3A does-not-fit::no layout/m);
  });
});

describe('a layout that cannot exist (plan and check share the message)', () => {
  it.each([
    // Llama 2 7B has 32 heads: t = 3 splits neither them nor an 8-GPU node.
    [['--params', '7B', '--tokens', '140B', '--gpu', 'h100', '--gpus', '8', '--arch', 'llama-2-7b', '--layout', 'tp=3'], /^llm-plan: error: --layout tp=3 has no layout on 8 GPUs: tp=3 does not divide the 32 heads or the 8 GPUs per node or the 8 GPUs\n/],
    // 32 layers: p = 5 does not divide them.
    [['--params', '7B', '--tokens', '140B', '--gpu', 'h100', '--gpus', '10', '--arch', 'llama-2-7b', '--layout', 'pp=5'], /^llm-plan: error: --layout pp=5 has no layout on 10 GPUs: pp=5 does not divide the 32 layers\n/],
    // 100,000 data-parallel GPUs for a 100-sequence batch: no GPU may go without a sequence.
    [['--params', '1B', '--tokens', '14B', '--gpu', 'h100', '--gpus', '100000', '--global-batch', '100'], /^llm-plan: error: --gpus 100,000: no layout keeps the global batch of 100 sequences/],
  ])('plan %j is bad input (exit 2), not an internal error', async (argv, message) => {
    const result = await runCli(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe('check on a cluster (built bin)', () => {
  it('exits 1 on does-not-fit and 2 on a bad cluster field', () => {
    const failed = spawnCli(['check', fixture]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('does-not-fit: no layout of 70.0B params');
    const bad = spawnCli(['check', files.path('arch-unknown.yaml')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^llm-plan: error: .*arch: unknown architecture 'llama-2-7'/);
    const ok = spawnCli(['check', files.path('on32.yaml')]);
    expect(ok.code).toBe(0);
  });
});
