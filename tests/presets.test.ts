import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveById } from '../src/core/resolve.js';
import { BUILTIN_ACCELERATORS, BUILTIN_LOSS_MODELS, BUILTIN_RULES } from '../src/presets/builtin.js';
import { AcceleratorFileSchema, LossModelFileSchema, RuleFileSchema } from '../src/presets/file-schemas.js';

const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(`../presets/${name}`, import.meta.url), 'utf8'));

// The built-in presets ship as typed data without run-time validation (DESIGN §6); this is the
// validation that makes that safe.
describe('built-in preset files validate against the schemas', () => {
  it.each([
    ['accelerators.json', AcceleratorFileSchema],
    ['rules.json', RuleFileSchema],
    ['loss-models.json', LossModelFileSchema],
  ] as const)('%s', (file, schema) => {
    const result = schema.safeParse(readJson(file));
    expect(result.success ? 'valid' : result.error.message).toBe('valid');
  });

  it('has unique ids and aliases across each kind', () => {
    for (const presets of [BUILTIN_ACCELERATORS, BUILTIN_RULES, BUILTIN_LOSS_MODELS]) {
      const names = presets.flatMap((preset) => [preset.id, ...('aliases' in preset ? (preset.aliases ?? []) : [])]);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('every rule names a loss model that exists', () => {
    for (const rule of BUILTIN_RULES) expect(BUILTIN_LOSS_MODELS.map((model) => model.id)).toContain(rule.defaultLoss);
  });
});

/**
 * The reference table (a copy of shared/reference/accelerators.md, in tests/fixtures) is the
 * independent source: every row must have a preset with the same figures.
 */
function readReferenceRows(): Array<Record<string, string>> {
  const text = readFileSync(new URL('./fixtures/reference-accelerators.md', import.meta.url), 'utf8');
  const lines = text.split('\n').filter((line) => line.startsWith('|'));
  const header = (lines[0] ?? '').split('|').slice(1, -1).map((cell) => cell.trim());
  return lines.slice(2).map((line) => {
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    return Object.fromEntries(header.map((name, index) => [name, cells[index] ?? '']));
  });
}

// Reference row id → the preset(s) that carry it (V100 rows list 16/32 GB: one preset per size).
const REFERENCE_TO_PRESETS: Record<string, string[]> = {
  'V100-SXM2': ['v100-sxm2-32gb', 'v100-sxm2-16gb'],
  'V100-PCIe': ['v100-pcie-32gb', 'v100-pcie-16gb'],
  A10: ['a10'],
  'A100-SXM4-80GB': ['a100-sxm4-80gb'],
  'A100-PCIe-80GB': ['a100-pcie-80gb'],
  'A100-SXM4-40GB': ['a100-sxm4-40gb'],
  'A100-PCIe-40GB': ['a100-pcie-40gb'],
  'A800-40GB-Active': ['a800-40gb-active'],
  'A800-SXM4-80GB': ['a800-sxm4-80gb'],
  'H100-SXM5': ['h100-sxm5'],
  'H100-NVL': ['h100-nvl'],
  'H100-PCIe': ['h100-pcie'],
  'H200-SXM': ['h200-sxm'],
  'H800-SXM5': ['h800-sxm5'],
  H20: ['h20'],
  'B200-HGX': ['b200-hgx'],
  L4: ['l4'],
  L40S: ['l40s'],
  T4: ['t4'],
  'RTX-4090': ['rtx-4090'],
  MI250X: ['mi250x'],
  MI300X: ['mi300x'],
  'TPU-v4': ['tpu-v4'],
  'TPU-v5e': ['tpu-v5e'],
  'TPU-v5p': ['tpu-v5p'],
};

describe('accelerator presets match shared/reference/accelerators.md', () => {
  const rows = readReferenceRows();

  it('covers every reference row', () => {
    expect(rows.map((row) => row.id).sort()).toEqual(Object.keys(REFERENCE_TO_PRESETS).sort());
  });

  it.each(rows.map((row) => [row.id ?? '', row] as const))('%s', (id, row) => {
    for (const presetId of REFERENCE_TO_PRESETS[id] ?? []) {
      const preset = BUILTIN_ACCELERATORS.find((gpu) => gpu.id === presetId);
      expect(preset, presetId).toBeDefined();
      if (!preset) continue;
      for (const precision of ['fp32', 'tf32', 'fp16', 'bf16', 'fp8'] as const) {
        const cell = row[precision] ?? '';
        const expected = cell === '—' ? undefined : Number(cell);
        expect(preset.denseTflops[precision], `${presetId} ${precision}`).toBe(expected);
      }
      const memory = (row['memory GB'] ?? '').split('/').map(Number);
      expect(memory, `${presetId} memory`).toContain(preset.memoryGB);
      expect(preset.bandwidthGBps).toBe(Number(row['bandwidth GB/s']));
      expect(preset.confidence).toBe(row.confidence);
      expect(preset.source.length).toBeGreaterThan(10);
    }
  });
});

describe('aliases from issue 2 resolve case-insensitively', () => {
  it.each([
    ['v100', 'v100-sxm2-32gb'],
    ['V100', 'v100-sxm2-32gb'],
    ['v100-pcie', 'v100-pcie-32gb'],
    ['a10', 'a10'],
    ['a100', 'a100-sxm4-80gb'],
    ['A100-40GB', 'a100-sxm4-40gb'],
    ['a800', 'a800-sxm4-80gb'],
    ['h100', 'h100-sxm5'],
    ['h100-pcie', 'h100-pcie'],
    ['h100-nvl', 'h100-nvl'],
    ['h200', 'h200-sxm'],
    ['h800', 'h800-sxm5'],
    ['h20', 'h20'],
    ['b200', 'b200-hgx'],
    ['l4', 'l4'],
    ['L40S', 'l40s'],
    ['t4', 't4'],
    ['rtx4090', 'rtx-4090'],
    ['mi250x', 'mi250x'],
    ['MI300X', 'mi300x'],
    ['tpu-v4', 'tpu-v4'],
    ['tpu-v5e', 'tpu-v5e'],
    ['tpu-v5p', 'tpu-v5p'],
  ])('%s → %s', (alias, id) => {
    expect(resolveById(BUILTIN_ACCELERATORS, alias, 'GPU', '--gpu').id).toBe(id);
  });

  it.each([
    ['kaplan', 'openai'],
    ['OpenAI', 'openai'],
    ['chinchilla', 'deepmind'],
    ['deepmind', 'deepmind'],
    ['optimal', 'optimal'],
  ])('rule %s → %s', (alias, id) => {
    expect(resolveById(BUILTIN_RULES, alias, 'rule', '--rule').id).toBe(id);
  });

  it('suggests the closest id for a typo and lists the valid ones', () => {
    expect(() => resolveById(BUILTIN_ACCELERATORS, 'h10', 'GPU', '--gpu')).toThrow(/unknown GPU 'h10' \(did you mean 'h100'\?\)/);
    expect(() => resolveById(BUILTIN_LOSS_MODELS, 'hofman2022', 'loss model', '--loss')).toThrow(/did you mean 'hoffmann2022'/);
    expect(() => resolveById(BUILTIN_ACCELERATORS, 'zzz', 'GPU', '--gpu')).toThrow(/^unknown GPU 'zzz'$/);
  });
});
