import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseTestResults } from 'test-results-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { createTempFiles } from '../helpers/run-with-stdin.js';

// Paths relative to the repository root (vitest's working directory), as a workflow passes them:
// the annotations carry them as they are, so GitHub can match them to the diff.
const PLANS = 'tests/fixtures/check/ci/plans.yaml';
const INVALID = 'tests/fixtures/check/ci/invalid.yaml';

// Expected reasons, worked out by hand (not pasted from the output):
// wide-7b: C = 6 × 7e9 × 20e9 = 8.4e20; D/N = 20/7 = 2.857. Under deepmind N/N_opt = √(20 / (20/7)) = √7
//   = 2.6458, so N_opt = 7e9/√7 = 2.6458e9 and D_opt = C/(6 N_opt) = 5.2915e10 (20 tokens/param).
// over-budget-1b: 6 × 1e9 × 20e9 = 1.2e20 against 1e20: 20% over.
// chinchilla-1b: hoffmann2022 = 1.69 + 406.4/1e9^0.34 + 410.7/2e10^0.28 = 1.69 + 0.35395 + 0.53616
//   = 2.5801; maxLoss 2.7 passes and 2.5801 > 0.9 × 2.7 = 2.43 is within 10%: a warning.
const OFF_OPTIMUM =
  '7.00B params on 20.0B tokens (2.86 tokens/param) is 2.65× the deepmind optimum for 8.40e20 FLOPs: 2.65B params on 52.9B tokens (20.0 tokens/param); allowed ±25%';
const OVER_BUDGET = '6·N·D = 1.20e20 FLOPs is 20% over the budget 1e20flops (1.00e20 FLOPs)';
const NEAR = '2.58 is within 10% of maxLoss 2.70';
const INVALID_MESSAGE = `${INVALID}: config (typo-run): unknown field 'tokenz' (did you mean 'tokens'?)`;

const temp = createTempFiles({});
afterAll(() => temp.remove());

describe('check in CI: three configs and an invalid file', () => {
  it('annotates each violation at its config, the invalid file at the field, and the warning as ::warning', async () => {
    const result = await runCli(['check', PLANS, INVALID], { env: { GITHUB_ACTIONS: 'true' } });
    expect(result.code).toBe(2);
    const annotations = result.stdout.split('\n').filter((line) => line.startsWith('::'));
    // Lines in plans.yaml: chinchilla-1b 3–6, wide-7b 7–9, over-budget-1b 10–13; each config's
    // first key is at column 5 (after "  - "). In invalid.yaml, tokenz is the key on line 4.
    expect(annotations).toEqual([
      `::error file=${INVALID},line=4,endLine=4,col=1,title=invalid check file::${INVALID_MESSAGE}`,
      `::warning file=${PLANS},line=3,endLine=6,col=5,title=chinchilla-1b%3A near-limit::${NEAR.replace('%', '%25')}`,
      `::error file=${PLANS},line=7,endLine=9,col=5,title=wide-7b%3A off-optimum::${OFF_OPTIMUM.replace('%', '%25')}`,
      `::error file=${PLANS},line=10,endLine=13,col=5,title=over-budget-1b%3A over-budget::${OVER_BUDGET.replace('%', '%25')}`,
    ]);
    expect(result.stderr).toBe(`llm-plan: error: ${INVALID_MESSAGE}\nhint: see llm-plan schema check-file for every field\n`);
  });

  it('an invalid file alone: nothing on stdout, the error and hint, then its annotation, on stderr', async () => {
    const result = await runCli(['check', INVALID], { env: { GITHUB_ACTIONS: 'true' } });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        `llm-plan: error: ${INVALID_MESSAGE}\nhint: see llm-plan schema check-file for every field\n` +
        `::error file=${INVALID},line=4,endLine=4,col=1,title=invalid check file::${INVALID_MESSAGE}\n`,
    });
  });

  const markdown = [
    '### llm-plan check: failed',
    '',
    '| config | file | N | D | compute | tokens/param | loss | result |',
    '|---|---|---:|---:|---:|---:|---:|---|',
    `| chinchilla-1b | ${PLANS}:3 | 1.00B | 20.0B | 1.20e20 FLOPs | 20.0 | 2.580 (hoffmann2022) | pass |`,
    `| wide-7b | ${PLANS}:7 | 7.00B | 20.0B | 8.40e20 FLOPs | 2.86 | 2.409 (hoffmann2022) | **fail**: off-optimum (${OFF_OPTIMUM}) |`,
    `| over-budget-1b | ${PLANS}:10 | 1.00B | 20.0B | 1.20e20 FLOPs | 20.0 | 2.580 (hoffmann2022) | **fail**: over-budget (${OVER_BUDGET}) |`,
    `| — | ${INVALID}:4 |  |  |  |  |  | **invalid file**: ${INVALID_MESSAGE} |`,
    '',
    '**Warnings**',
    '',
    `- chinchilla-1b: near-limit: ${NEAR}`,
    '',
    `**2 of 3 configs failed; 1 file invalid (${PLANS}, ${INVALID})**; 1 passed, 1 warning`,
    '',
  ].join('\n');
  // wide-7b's loss, by hand: 1.69 + 406.4/7e9^0.34 + 410.7/2e10^0.28 = 1.69 + 0.18323 + 0.53616 = 2.4094.

  it('prints the markdown report with --format markdown, and appends the same to GITHUB_STEP_SUMMARY', async () => {
    const summary = join(temp.dir, 'summary.md');
    writeFileSync(summary, '# Earlier step\n\n');
    const result = await runCli(['check', PLANS, INVALID, '--format', 'markdown'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe(markdown);
    // Appended, not overwritten: other steps write to the same file.
    expect(readFileSync(summary, 'utf8')).toBe(`# Earlier step\n\n${markdown}\n`);
    // The table format writes the summary too: it is for the job, whatever the log shows.
    const again = await runCli(['check', PLANS], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(again.code).toBe(1);
    expect(readFileSync(summary, 'utf8')).toContain('### llm-plan check: failed\n\n| config | N | D |');
  });

  it('an unwritable step summary is a warning, not a different verdict', async () => {
    const result = await runCli(['check', PLANS], { env: { GITHUB_STEP_SUMMARY: join(temp.dir, 'no-such-dir', 'summary.md') } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^llm-plan: warning: cannot write the job summary to .*summary\.md \(ENOENT\)\n$/);
  });

  it('writes JUnit XML that parses, has the common schema shape, and reads the same in a CI JUnit reader', async () => {
    const result = await runCli(['check', PLANS, INVALID, '--format', 'junit']);
    expect(result.code).toBe(2);
    const xml = result.stdout;
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);

    const document = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase', 'failure', 'error'].includes(name) }).parse(xml);
    const root = document.testsuites;
    expect(root).toMatchObject({ name: 'llm-plan check', tests: '4', failures: '2', errors: '1' });
    // Only the elements and attributes of the common JUnit schema (the one Jenkins' JUnit plugin and
    // GitLab read): testsuites > testsuite > testcase > failure | error | system-out.
    const allowed: Record<string, readonly string[]> = {
      testsuites: ['name', 'tests', 'failures', 'errors', 'time', 'testsuite'],
      testsuite: ['name', 'tests', 'failures', 'errors', 'skipped', 'time', 'testcase'],
      testcase: ['name', 'classname', 'time', 'failure', 'error', 'system-out'],
      failure: ['type', 'message', '#text'],
      error: ['type', 'message', '#text'],
    };
    const walk = (name: string, node: unknown): void => {
      if (typeof node !== 'object' || node === null) return;
      for (const [key, child] of Object.entries(node)) {
        if (name in allowed) expect(allowed[name], `<${name}> ${key}`).toContain(key);
        for (const item of Array.isArray(child) ? child : [child]) walk(key, item);
      }
    };
    walk('testsuites', root);
    const suites = root.testsuite as Array<{ name: string; tests: string; failures: string; errors: string; testcase: Array<Record<string, unknown>> }>;
    expect(suites.map((suite) => [suite.name, suite.tests, suite.failures, suite.errors])).toEqual([
      [PLANS, '3', '2', '0'],
      [INVALID, '1', '0', '1'],
    ]);
    const cases = suites[0]!.testcase;
    expect(cases.map((entry) => entry.name)).toEqual(['chinchilla-1b', 'wide-7b', 'over-budget-1b']);
    expect(cases[1]!.failure).toEqual([{ type: 'off-optimum', message: OFF_OPTIMUM, '#text': `${PLANS}:7: off-optimum: ${OFF_OPTIMUM}` }]);
    expect(cases[2]!.failure).toEqual([{ type: 'over-budget', message: OVER_BUDGET, '#text': `${PLANS}:10: over-budget: ${OVER_BUDGET}` }]);
    expect(suites[1]!.testcase[0]!.error).toEqual([expect.objectContaining({ type: 'invalid-file', message: INVALID_MESSAGE })]);

    // test-results-parser: the JUnit reader of the testbeats reporting tool.
    const path = join(temp.dir, 'junit.xml');
    writeFileSync(path, xml);
    const read = parseTestResults({ type: 'junit', files: [path] });
    expect([read.total, read.passed, read.failed, read.errors, read.status]).toEqual([4, 1, 2, 1, 'FAIL']);
    const plans = read.suites.find((suite) => suite.name === PLANS);
    expect(plans?.cases.map((entry) => [entry.name, entry.status, entry.failure])).toEqual([
      ['chinchilla-1b', 'PASS', ''],
      ['wide-7b', 'FAIL', OFF_OPTIMUM],
      ['over-budget-1b', 'FAIL', OVER_BUDGET],
    ]);
  });

  it('escapes names that would break XML, and keeps characters XML cannot carry out', async () => {
    const path = join(temp.dir, 'odd.yaml');
    writeFileSync(path, 'name: "a <b> & \\"c\\" ]]>"\nparams: 7B\ntokens: 20B\n');
    const result = await runCli(['check', path, '--format', 'junit']);
    expect(result.code).toBe(1);
    expect(XMLValidator.validate(result.stdout)).toBe(true);
    const parsed = parseTestResults({ type: 'junit', files: [(writeFileSync(join(temp.dir, 'odd.xml'), result.stdout), join(temp.dir, 'odd.xml'))] });
    expect(parsed.suites[0]?.cases[0]?.name).toBe('a <b> & "c" ]]>');
  });
});

describe('check over several files and directories', () => {
  const dir = join(temp.dir, 'configs');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'a.yaml'), 'name: a\nparams: 1B\ntokens: 20B\n');
  writeFileSync(join(dir, 'b.json'), '[{"name": "b", "params": "2B", "tokens": "40B"}]\n');
  writeFileSync(join(dir, 'notes.txt'), 'not a check file\n');
  mkdirSync(join(dir, 'nested'));
  writeFileSync(join(dir, 'nested', 'c.yaml'), 'name: c\nparams: 7B\ntokens: 20B\n');
  const empty = join(temp.dir, 'empty');
  mkdirSync(empty, { recursive: true });

  it('checks two files and a directory as one report (exit 1 when any violates)', async () => {
    const result = await runCli(['check', PLANS, 'tests/fixtures/check/pass.json', dir, '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    // The directory's *.yaml, *.yml and *.json in name order; not notes.txt, not nested/.
    expect(report.files).toEqual([PLANS, 'tests/fixtures/check/pass.json', join(dir, 'a.yaml'), join(dir, 'b.json')]);
    expect(report.results.map((entry: { file: string; name: string; passed: boolean }) => [entry.file, entry.name, entry.passed])).toEqual([
      [PLANS, 'chinchilla-1b', true],
      [PLANS, 'wide-7b', false],
      [PLANS, 'over-budget-1b', false],
      ['tests/fixtures/check/pass.json', 'chinchilla', true],
      ['tests/fixtures/check/pass.json', 'small', true],
      [join(dir, 'a.yaml'), 'a', true],
      [join(dir, 'b.json'), 'b', true],
    ]);
    // Warnings: chinchilla-1b near maxLoss; pass.json's chinchilla near maxLoss and 70B on 1.4T outside
    // the 70M–16B parameters hoffmann2022 was fitted on.
    expect(report.summary).toEqual({ configs: 7, passed: 5, failed: 2, warnings: 3, invalidFiles: 0 });
    // JSON files are located too: b is the first element of the list, on line 1 at column 2.
    expect(report.results[6].location).toEqual({ line: 1, column: 2, endLine: 1, endColumn: 47 });
  });

  it('exits 0 when every file passes, and 2 when any is invalid even if others violate', async () => {
    expect((await runCli(['check', dir])).code).toBe(0);
    const mixed = await runCli(['check', dir, PLANS, INVALID]);
    expect(mixed.code).toBe(2);
    expect(mixed.stdout).toContain('2 of 5 configs failed; 1 file invalid');
  });

  it('a file named twice (itself and through its directory) is checked once', async () => {
    const report = JSON.parse((await runCli(['check', join(dir, 'a.yaml'), dir, '--json'])).stdout);
    expect(report.results.map((entry: { name: string }) => entry.name)).toEqual(['a', 'b']);
  });

  it('a directory without check files and a missing file are invalid, with the others still checked', async () => {
    const result = await runCli(['check', empty, 'nope.yaml', PLANS, '--format', 'ndjson']);
    expect(result.code).toBe(2);
    // One error line (the first file, and how many more) and its hint; the report has them all.
    expect(result.stderr).toBe(
      `llm-plan: error: ${empty}: a directory with no .yaml, .yml or .json files (and 1 more invalid file)\nhint: give check files, or a directory that holds some\n`,
    );
    expect(result.stdout.trim().split('\n')).toHaveLength(3);
  });
});
