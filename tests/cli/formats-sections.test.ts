import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { readCsv } from '../helpers/csv.js';

// Issue 11 item 5: --format markdown and --format csv carry every section the flags ask for.
// For each section flag: the markdown has the section's heading and table header (written out here
// as the terminal table prints them), and the CSV has the section's columns, each equal to the field
// of --json at the column's path (parsed and compared as data, not as text).

type Json = Record<string, unknown>;

interface Case {
  readonly name: string;
  readonly argv: readonly string[];
  /** Sections of plans[] in --json whose scalar fields must all be CSV columns. */
  readonly sections: readonly string[];
  /** Lines the markdown must contain exactly. */
  readonly markdown: readonly string[];
  /** CSV cells computed by hand: column → value. */
  readonly csv?: Readonly<Record<string, string>>;
}

const CASES: readonly Case[] = [
  {
    name: 'time and the cluster sections (--gpus)',
    argv: ['--budget', '50000gpuh', '--gpu', 'a100', '--gpus', '256'],
    sections: ['time', 'architecture', 'flopsPerToken', 'layout', 'memory'],
    markdown: [
      '| rule | GPU-hours | GPUs | wall clock |',
      '| t | p | d | ZeRO | recomp. | mb | mem/GPU | step | tokens/s | MFU | days |',
      '| weights | gradients | optimizer | activations | buffers | total | GPU |',
    ],
    // 50,000 GPU-hours on 256 GPUs: 195.3125 hours of wall clock at the MFU.
    csv: { 'time.gpuHours': '50000', 'time.gpus': '256', 'time.wallClockHours': '195.3125', 'layout.gpus': '256' },
  },
  {
    name: 'cost (--price)',
    argv: ['--budget', '5000gpuh', '--gpu', 'v100', '--price', '2'],
    sections: ['cost'],
    // 5000 GPU-hours × $2 = $10,000.
    markdown: ['**Cost**', '| rule | GPU-hours | USD/GPU-hour | cost |', '| deepmind | 5,000 | $2.00 | $10,000 |'],
    csv: { 'cost.usd': '10000', 'cost.gpuHours': '5000', 'cost.pricePerGpuHour': '2' },
  },
  {
    name: 'shape (--shape)',
    argv: ['--params', '7e9', '--shape'],
    sections: ['shape'],
    markdown: ['**Shape**', '| rule | layers | d\\_model | heads | FFN (SwiGLU) | parameters | vs plan | d\\_model/layers |'],
    // The default vocabulary is Llama 2's 32,000.
    csv: { 'shape.vocabSize': '32000' },
  },
  {
    name: 'hyperparameters (--hyperparams)',
    argv: ['--params', '7e9', '--hyperparams'],
    sections: ['hyperparams'],
    markdown: ["**Hyperparameters** (DeepSeek LLM's fit, arXiv:2401.02954)", '| rule | batch (tokens) | batch (sequences) | peak learning rate |'],
  },
  {
    name: 'limited data (--unique-tokens)',
    argv: ['--budget', '1e23flops', '--unique-tokens', '300B'],
    sections: ['dataConstrained'],
    markdown: ["| rule |  | parameters | tokens | epochs | effective D' | effective N' | loss |"],
    csv: { 'dataConstrained.uniqueTokens': '300000000000' },
  },
  {
    name: 'inference (--inference-tokens)',
    argv: ['--params', '13e9', '--inference-tokens', '2T'],
    sections: ['inference'],
    markdown: ['| rule | parameters | training tokens | training FLOPs | lifetime FLOPs | saving | loss (both) |'],
    csv: { 'inference.inferenceTokens': '2000000000000' },
  },
  {
    name: 'against the optimum (--params with --tokens)',
    argv: ['--params', '7e9', '--tokens', '2T'],
    sections: ['comparison'],
    markdown: ['**Against the optimum** (the same compute, 6·N·D, allocated by the rule)', '| rule | optimum N | optimum D | N/N\\_opt | D/N vs opt | loss gap |'],
    csv: { params: '7000000000', tokens: '2000000000000' },
  },
  {
    name: 'extrapolation (a loss far outside its runs)',
    argv: ['--budget', '1e28flops'],
    sections: ['extrapolation'],
    markdown: [],
    csv: { 'extrapolation.inside': 'false', 'extrapolation.lossFarOutside': 'true' },
  },
];

/** The scalar leaves of a JSON value as [path, value] (lists of objects skipped, as the CSV documents). */
function leaves(path: string, value: unknown): Array<[string, unknown]> {
  if (value === null || typeof value !== 'object') return [[path, value]];
  if (Array.isArray(value)) return value.some((item) => item !== null && typeof item === 'object') ? [] : value.map((item, index) => [`${path}.${index}`, item]);
  return Object.entries(value).flatMap(([key, item]) => leaves(`${path}.${key}`, item));
}

function at(row: Json, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value === null || typeof value !== 'object' ? undefined : (value as Json)[key]), row);
}

async function outputs(argv: readonly string[]): Promise<{ json: Json; markdown: string; csv: string[][] }> {
  const [json, markdown, csv] = await Promise.all([runCli([...argv, '--json']), runCli([...argv, '--format', 'markdown']), runCli([...argv, '--format', 'csv'])]);
  for (const result of [json, markdown, csv]) expect(result.stderr).toBe('');
  return { json: JSON.parse(json.stdout) as Json, markdown: markdown.stdout, csv: readCsv(csv.stdout) };
}

describe('--format markdown and csv carry every requested section', () => {
  it.each(CASES.map((entry) => [entry.name, entry] as const))('%s', async (_, entry) => {
    const { json, markdown, csv } = await outputs(entry.argv);
    const lines = markdown.split('\n');
    for (const line of entry.markdown) expect(lines).toContain(line);

    const [header = [], ...rows] = csv;
    const plans = json.plans as Json[];
    expect(rows).toHaveLength(plans.length);
    expect(new Set(header).size).toBe(header.length);
    plans.forEach((plan, index) => {
      const record = Object.fromEntries(header.map((name, column) => [name, rows[index]?.[column] ?? '']));
      // Every scalar field of each requested section is a column…
      for (const section of entry.sections) {
        const fields = leaves(section, plan[section]);
        expect(fields.length).toBeGreaterThan(0);
        for (const [path] of fields) expect(header).toContain(path);
      }
      // …and every section column holds the JSON's value at its path.
      for (const name of header.filter((column) => column.includes('.'))) {
        const expected = at(plan, name);
        const cell = record[name];
        if (expected === undefined || expected === null) expect(cell, name).toBe('');
        else if (typeof expected === 'number') expect(Number(cell), name).toBe(expected);
        else expect(cell, name).toBe(String(expected));
      }
      for (const [name, value] of Object.entries(entry.csv ?? {})) expect(record[name], name).toBe(value);
    });
  });

  it('markdown marks a loss far outside its runs with (!), the mark its note refers to', async () => {
    const { markdown } = await outputs(['--budget', '1e28flops']);
    expect(markdown).toMatch(/^\| deepmind \| [^|]+ \| [^|]+ \| [^|]+ \| \d\.\d{3} \(!\) \| hoffmann2022 \|$/m);
    expect(markdown).toMatch(/^- Warning \(!\): the loss of deepmind/m);
  });

  it('markdown shows the range and the loss columns its notes talk about (--range --loss all)', async () => {
    const { markdown } = await outputs(['--budget', '5000gpuh', '--gpu', 'v100', '--range', '--loss', 'all']);
    expect(markdown).toMatch(/^- Ranges span the plan and the published variants/m);
    expect(markdown).toMatch(/^- Each loss model predicts loss on its own data and tokenizer, so the loss columns differ/m);
    const lines = markdown.split('\n');
    // One column per loss model, the primary starred (escaped for Markdown).
    expect(lines).toContain('| rule | parameters | tokens | tokens/param | hoffmann2022\\* | hoffmann2022-unrounded | besiroglu2024 | kaplan2020 |');
    // deepmind's published variants (Chinchilla approaches 1–3 and Epoch's replication) as a table.
    expect(lines.some((line) => line.startsWith('**Range** of deepmind across published variants: parameters '))).toBe(true);
    expect(lines).toContain('| variant | parameters | tokens | est. loss |');
    expect(lines.filter((line) => /^\| (Chinchilla approach [123]|Epoch replication)/.test(line))).toHaveLength(4);
  });

  it('markdown tables the same sections, in the same order, as the terminal table', async () => {
    const argv = ['--budget', '50000gpuh', '--gpu', 'a100', '--gpus', '256', '--price', '2', '--shape', '--hyperparams', '--unique-tokens', '300B', '--inference-tokens', '2T'];
    const [table, markdown] = await Promise.all([runCli(argv, { env: { NO_COLOR: '1' } }), runCli([...argv, '--format', 'markdown'])]);
    const titles = ['Architecture', 'Layouts', 'Memory per GPU', 'Time', 'Cost', 'Shape', 'Hyperparameters', 'Limited data', 'Inference demand'];
    const order = (text: string, pattern: (title: string) => RegExp): number[] => titles.map((title) => text.search(pattern(title)));
    const inTable = order(table.stdout, (title) => new RegExp(`^${title}\\b`, 'm'));
    const inMarkdown = order(markdown.stdout, (title) => new RegExp(`^\\*\\*${title}\\*\\*`, 'm'));
    expect(inTable.every((position) => position >= 0)).toBe(true);
    expect(inMarkdown.every((position) => position >= 0)).toBe(true);
    expect([...inTable].sort((a, b) => a - b)).toEqual(inTable);
    expect([...inMarkdown].sort((a, b) => a - b)).toEqual(inMarkdown);
  });
});
