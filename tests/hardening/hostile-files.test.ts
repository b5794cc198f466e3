import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../../src/cli/read-input.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { ONE_ERROR } from '../fuzz/well-behaved.js';

/**
 * Issue 8 §3: every reader of user files against files nobody should have written. Each ends in
 * exit 2 with one error line naming the file (or, where the file is fine after all, a correct
 * result), and none of them reaches Object.prototype.
 */
let dir = '';
const at = (name: string): string => join(dir, name);

/** Hostile files: name → how to make it, and what the error must say. */
const CASES: Record<string, { make: (path: string) => void; reason: RegExp }> = {
  directory: { make: (path) => mkdirSync(path), reason: /not a regular file \(a directory\)/ },
  fifo: { make: (path) => execFileSync('mkfifo', [path]), reason: /not a regular file \(a pipe or device\)/ },
  'symlink loop': { make: (path) => symlinkSync(path, path), reason: /too many levels of symbolic links/ },
  'invalid UTF-8': { make: (path) => writeFileSync(path, Buffer.from('{"id": "\xc3\x28"}', 'latin1')), reason: /not valid UTF-8 text/ },
  'over the size cap': { make: (path) => writeFileSync(path, Buffer.alloc(MAX_INPUT_BYTES + 1, 0x20)), reason: new RegExp(`${MAX_INPUT_BYTES + 1} bytes is over the ${MAX_INPUT_BYTES}-byte limit`) },
  empty: { make: (path) => writeFileSync(path, ''), reason: /empty file|no runs found/ },
  'only a BOM': { make: (path) => writeFileSync(path, '\ufeff'), reason: /empty file|no runs found/ },
  'a key twice': { make: (path) => writeFileSync(path, '[{"params": 1e9, "params": 7e10, "tokens": 2e10, "loss": 2}]'), reason: /key 'params' appears twice in \[0\]/ },
  'nested 100,000 deep': { make: (path) => writeFileSync(path, `${'['.repeat(100_000)}${']'.repeat(100_000)}`), reason: /./ },
  '__proto__ and constructor keys': {
    make: (path) => writeFileSync(path, '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, "budget": "1e22flops"}'),
    reason: /unknown field '__proto__'|not a preset|params|unknown field 'constructor'/,
  },
};

/** The readers: how to point each at a file. LLM_PLAN_PRESETS gets a directory whose x.json links to it. */
const READERS: Record<string, (path: string, name: string) => { argv: string[]; env?: Record<string, string>; named: string }> = {
  '--gpu FILE': (path) => ({ argv: ['--budget', '1e22flops', '--gpu', path], named: path }),
  '--rule FILE': (path) => ({ argv: ['--budget', '1e22flops', '--rule', path], named: path }),
  '--loss FILE': (path) => ({ argv: ['--budget', '1e22flops', '--loss', path], named: path }),
  'plot --gpu FILE': (path) => ({ argv: ['plot', '--budget', '1e22flops', '--gpu', path], named: path }),
  'sweep --rule FILE': (path) => ({ argv: ['sweep', '--budget', '1e21..1e23flops', '--rule', path], named: path }),
  'LLM_PLAN_PRESETS': (path, name) => {
    const presets = at(`presets-${name.replace(/\W/g, '-')}`);
    mkdirSync(presets, { recursive: true });
    rmSync(join(presets, 'x.json'), { force: true, recursive: true });
    symlinkSync(path, join(presets, 'x.json'));
    return { argv: ['gpus'], env: { LLM_PLAN_PRESETS: presets }, named: join(presets, 'x.json') };
  },
  'check FILE': (path) => ({ argv: ['check', path], named: path }),
  'fit FILE': (path) => ({ argv: ['fit', path], named: path }),
  '--input FILE': (path) => ({ argv: ['--input', path], named: path }),
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'llm-plan-hostile-'));
  for (const [name, { make }] of Object.entries(CASES)) make(at(`${name.replace(/\W/g, '-')}.json`));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectRefusal(result: CliResult, named: string, reason: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(ONE_ERROR);
  expect(result.stderr.split('\n')[0]).toContain(named);
  expect(result.stderr).toMatch(reason);
}

describe.each(Object.keys(READERS))('%s', (reader) => {
  it.each(Object.keys(CASES))('refuses a file that is %s, naming it', async (name) => {
    const path = at(`${name.replace(/\W/g, '-')}.json`);
    const { argv, env, named } = (READERS[reader] as (typeof READERS)[string])(path, name);
    // check reads a directory's check files (issue 15): an empty one is refused for having none.
    const reason = reader === 'check FILE' && name === 'directory' ? /a directory with no \.yaml, \.yml or \.json files/ : (CASES[name] as { reason: RegExp }).reason;
    expectRefusal(await runCli(argv, { env }), named, reason);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('prototype keys where a file may hold them', () => {
  it('a preset with __proto__ inside a record plans with the file’s own numbers and pollutes nothing', async () => {
    const gpu = JSON.parse(readFileSync(new URL('../fixtures/presets/my-gpu.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const path = at('nested-proto.json');
    writeFileSync(path, JSON.stringify(gpu).replace('"denseTflops":{', '"denseTflops":{"__proto__":{"polluted":1,"fp32":1e9},'));
    const result = await runCli(['--budget', '1000gpuh', '--gpu', path, '--json']);
    expect(result.code, result.stderr).toBe(0);
    // 1000 GPU-hours × 3600 s × 500e12 FLOP/s (the fixture's bf16) × 0.40 MFU = 7.2e20 FLOPs.
    expect(JSON.parse(result.stdout).compute.flops).toBeCloseTo(7.2e20, -15);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('fp32');
  });

  it('a check YAML file with __proto__ or constructor keys is refused as an unknown field', async () => {
    for (const [key, text] of [
      ['__proto__', '__proto__:\n  polluted: 1\nname: x\nparams: 1B\ntokens: 20B\n'],
      ['constructor', '- name: x\n  params: 1B\n  tokens: 20B\n  constructor:\n    prototype:\n      polluted: 1\n'],
    ] as const) {
      const path = at(`proto-${key}.yaml`);
      writeFileSync(path, text);
      const result = await runCli(['check', path]);
      expectRefusal(result, path, new RegExp(`unknown field '${key}'`));
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('fit runs with __proto__ keys read only the known columns', async () => {
    const path = at('runs-proto.ndjson');
    // Six runs of L = 2 + 1/N^0.3 + 1/D^0.3 would fit; the extra keys must simply be ignored.
    const lines = [[1e7, 1e9], [1e8, 1e9], [1e8, 1e10], [1e9, 1e10], [1e9, 1e11], [1e7, 1e11]].map(([N, D]) =>
      `{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"N":${N},"D":${D},"loss":${2 + (N as number) ** -0.3 + (D as number) ** -0.3}}`);
    writeFileSync(path, lines.join('\n'));
    const result = await runCli(['fit', path, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).fit.runs).toBe(6);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('check files in YAML', () => {
  const yamlCases: Array<[string, string, RegExp]> = [
    [
      'billion laughs (alias expansion)',
      `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n${'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`).join('\n')}\nconfigs: *i\n`,
      /Excessive alias count/,
    ],
    ['a !!js/function tag', 'name: x\nparams: !!js/function "function () { globalThis.pwned = 1 }"\ntokens: 1T\n', /Unresolved tag: tag:yaml.org,2002:js\/function/],
    ['a !!python/object tag', '- name: x\n  params: !!python/object:os.system ["ls"]\n  tokens: 1T\n', /Unresolved tag/],
    ['a key twice', 'name: x\nparams: 1B\nparams: 70B\ntokens: 20B\n', /Map keys must be unique/],
    ['nesting 100,000 deep', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, /nested too deeply to read/],
    ['two documents', 'name: a\nparams: 1B\ntokens: 20B\n---\nname: b\n', /multiple documents/],
  ];
  it.each(yamlCases)('refuses %s, naming the file', async (_name, text, reason) => {
    const path = at(`case-${_name.replace(/\W/g, '-')}.yaml`);
    writeFileSync(path, text);
    expectRefusal(await runCli(['check', path]), path, reason);
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });

  it('a control character in a config name is refused, and escaped in the error line, not sent to the terminal', async () => {
    const path = at('escape.yaml');
    writeFileSync(path, 'name: "x\\e[2J\\r"\nparams: 1B\ntokens: 20B\n');
    const result = await runCli(['check', path]);
    expectRefusal(result, path, /config \(x\\u001b\[2J\\u000d\)\.name: no control characters/);
    expect(result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  it('a control character reaching an error line any other way is escaped too (a budget typed with one)', async () => {
    const result = await runCli(['--budget', '\u001b]0;pwned\u0007 5k gpuh']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(ONE_ERROR);
    expect(result.stderr).toContain('\\u001b]0;pwned\\u0007');
    expect(result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});

describe('duplicate keys and columns in the JSON and CSV readers (JSON.parse would keep the last silently)', () => {
  it.each([
    ['check', 'dup-check.json', '[{"name":"x","params":"1B","params":"70B","tokens":"20B"}]', /key 'params' appears twice in \[0\]/],
    ['--input', 'dup-input.json', '{"budget":"1e22flops","budget":"1e24flops"}', /key 'budget' appears twice$/m],
    ['--gpu', 'dup-gpu.json', '{"id":"g","name":"G","denseTflops":{"bf16":-1},"denseTflops":{"bf16":500},"memoryGB":80,"source":"x"}', /key 'denseTflops' appears twice/],
    ['fit', 'dup-runs.json', '[{"params":1e8,"params":-1,"tokens":1e9,"loss":3}]', /element 1|key 'params' appears twice/],
    ['fit', 'dup-columns.csv', 'params,N,tokens,loss\n1e8,1e9,1e9,3\n', /line 1: 'params' and 'N' both give params/],
    ['fit', 'dup-fields.ndjson', '{"params":1e8,"Model Size":1e9,"tokens":1e9,"loss":3}\n', /line 1: 'params' and 'Model Size' both give params/],
  ])('%s refuses %s', async (command, name, text, reason) => {
    const path = at(name);
    writeFileSync(path, text);
    const argv = command === 'check' || command === 'fit' ? [command, path] : ['--budget', '1e22flops', command, path];
    if (command === '--input') argv.splice(0, 2);
    expectRefusal(await runCli(argv), path, reason);
  });
});

describe('a file that is not JSON is named, never quoted', () => {
  // V8's own message quotes the text ("s3cr3t-t0ken"... is not valid JSON): a path inside an
  // --input request could otherwise copy the first bytes of any readable file into a CI log.
  it.each([
    ['--input whose gpu names the file', (secret: string) => {
      const request = at('request-secret.json');
      writeFileSync(request, JSON.stringify({ budget: '1e22flops', gpu: secret }));
      return ['--input', request];
    }],
    ['--loss FILE', (secret: string) => ['--budget', '1e22flops', '--loss', secret]],
    ['check FILE', (secret: string) => ['check', secret]],
    ['fit FILE (JSON array)', (secret: string) => {
      const runs = at('runs-secret.json');
      writeFileSync(runs, `[{"params": 1}, ${readFileSync(secret, 'utf8')}`);
      return ['fit', runs];
    }],
  ])('%s', async (_name, argvFor) => {
    const secret = at('secret.json');
    writeFileSync(secret, 's3cr3t-t0ken-do-not-print\n');
    const result = await runCli(argvFor(secret));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not valid JSON \(Unexpected token 's'\)/);
    expect(result.stderr).not.toContain('3cr3t');
  });
});

describe('preset text fields are printed as they are, so they carry no control characters', () => {
  it.each(['name', 'vendor', 'source', 'notes'])('an escape sequence in an accelerator %s is refused', async (field) => {
    const gpu = JSON.parse(readFileSync(new URL('../fixtures/presets/my-gpu.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const path = at(`escape-${field}.json`);
    writeFileSync(path, JSON.stringify({ ...gpu, [field]: 'Acme \u001b[2J\r 9000' }));
    expectRefusal(await runCli(['--budget', '1000gpuh', '--gpu', path]), path, new RegExp(`${field}: no control characters`));
  });

  it('tabs and newlines in notes are still fine', async () => {
    const gpu = JSON.parse(readFileSync(new URL('../fixtures/presets/my-gpu.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const path = at('notes-newline.json');
    writeFileSync(path, JSON.stringify({ ...gpu, notes: 'line one\n\tline two' }));
    expect((await runCli(['--budget', '1000gpuh', '--gpu', path, '--json'])).code).toBe(0);
  });
});

describe('a preset id is never a path', () => {
  it('--gpu h100 and --rule deepmind use the built-ins even with files of those names in the working directory', () => {
    const cwd = at('cwd');
    mkdirSync(cwd);
    for (const name of ['h100', 'h100.json', 'deepmind', 'hoffmann2022']) writeFileSync(join(cwd, name), 'not json');
    const bin = new URL('../../bin/llm-plan.js', import.meta.url);
    const run = (args: string[]): { status: number | null; stdout: string; stderr: string } =>
      (({ status, stdout, stderr }) => ({ status, stdout, stderr }))(
        spawnSync(process.execPath, [bin.pathname, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } }),
      );
    const planned = run(['--budget', '1000gpuh', '--gpu', 'h100', '--rule', 'deepmind', '--loss', 'hoffmann2022', '--json']);
    expect(planned.status, planned.stderr).toBe(0);
    expect(JSON.parse(planned.stdout).input.gpu).toBe('h100');
    // Only an explicit path reads the file, and then the error names it.
    const explicit = run(['--budget', '1000gpuh', '--gpu', './h100.json']);
    expect(explicit.status).toBe(2);
    expect(explicit.stderr).toMatch(/^llm-plan: error: \.\/h100\.json: not valid JSON/);
  });

  it('LLM_PLAN_PRESETS: an id shaped like a path is refused by the schema; a file name is not an id', async () => {
    const presets = at('ids');
    mkdirSync(presets);
    const gpu = JSON.parse(readFileSync(new URL('../fixtures/presets/my-gpu.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(presets, 'passwd.json'), JSON.stringify({ ...gpu, id: '../../etc/passwd' }));
    const refused = await runCli(['gpus'], { env: { LLM_PLAN_PRESETS: presets } });
    expectRefusal(refused, join(presets, 'passwd.json'), /id: lower-case letters/);

    writeFileSync(join(presets, 'passwd.json'), JSON.stringify({ ...gpu, id: 'acme-1' }));
    writeFileSync(join(presets, 'h100'), 'not json, and not *.json: never read');
    const byFileName = await runCli(['--budget', '1000gpuh', '--gpu', 'passwd'], { env: { LLM_PLAN_PRESETS: presets } });
    expect(byFileName.code).toBe(2);
    expect(byFileName.stderr).toMatch(/^llm-plan: error: unknown GPU 'passwd'/);
    const byId = await runCli(['--budget', '1000gpuh', '--gpu', 'acme-1', '--json'], { env: { LLM_PLAN_PRESETS: presets } });
    expect(byId.code, byId.stderr).toBe(0);
  });

  it('LLM_PLAN_PRESETS naming a file rather than a directory is refused without reading it', async () => {
    const file = at('a-file');
    writeFileSync(file, '{}');
    const result = await runCli(['gpus'], { env: { LLM_PLAN_PRESETS: file } });
    expectRefusal(result, `LLM_PLAN_PRESETS=${file}`, /not a directory/);
  });
});
