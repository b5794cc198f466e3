import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { pool, runOnPty, stripAnsi, visibleWidth, type PtyResult } from '../helpers/pty.js';
import { SCREEN_CASES, type ScreenCase } from './cases.js';

/**
 * What a person at a terminal sees (issue 11). Every case runs through the built bin on a
 * pseudo-terminal (util-linux `script`), with colour (a TTY turns it on) and with NO_COLOR, at 80
 * columns and, for screens that adapt to the width, at 120. With its ANSI codes removed the coloured
 * screen must equal the plain one line for line: colour may only add emphasis, never move text.
 *
 * The 80-column screens are also kept as golden files under tests/terminal/golden/ (command line,
 * exit code, plain output, then the coloured output with ESC shown as ␛), so a reviewer reads each
 * screen in the diff. `UPDATE_GOLDEN=1 npx vitest run tests/terminal` rewrites them: read every
 * changed file before committing it.
 */
const GOLDEN_DIR = join(ROOT, 'tests/terminal/golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface Screens {
  readonly colour: PtyResult;
  readonly plain: PtyResult;
}

const runs = new Map<string, Screens>();
const key = (screen: ScreenCase, columns: number): string => `${screen.name}@${columns}`;

beforeAll(async () => {
  const jobs: Array<{ id: string; columns: number; screen: ScreenCase }> = [];
  for (const screen of SCREEN_CASES) {
    for (const columns of screen.wide ? [80, 120] : [80]) jobs.push({ id: key(screen, columns), columns, screen });
  }
  const tasks = jobs.flatMap((job) => [
    () => runOnPty(job.screen.args, { columns: job.columns, noColor: false }),
    () => runOnPty(job.screen.args, { columns: job.columns, noColor: true }),
  ]);
  const results = await pool(tasks, 4);
  jobs.forEach((job, index) => runs.set(job.id, { colour: results[2 * index]!, plain: results[2 * index + 1]! }));
}, 120_000);

function golden(screen: ScreenCase, screens: Screens): string {
  const command = ['llm-plan', ...screen.args.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg}'`))].join(' ');
  return [
    `$ ${command}`,
    `# exit ${screens.plain.code} · 80 columns · NO_COLOR=1`,
    screens.plain.output.trimEnd(),
    '',
    `# the same on a colour terminal (␛ = ESC)`,
    screens.colour.output.trimEnd().replace(/\u001b/g, '␛'),
    '',
  ].join('\n');
}

describe('every screen, coloured and plain, on a pseudo-terminal', () => {
  for (const screen of SCREEN_CASES) {
    for (const columns of screen.wide ? [80, 120] : [80]) {
      it(`${screen.name} at ${columns} columns: colour stripped = NO_COLOR, line for line`, () => {
        const screens = runs.get(key(screen, columns))!;
        expect(screens.colour.code).toBe(screens.plain.code);
        expect(stripAnsi(screens.colour.output).split('\n')).toEqual(screens.plain.output.split('\n'));
        expect(screens.plain.output).not.toMatch(/\u001b/);
      });
    }
  }

  for (const screen of SCREEN_CASES.filter((entry) => !entry.overflows)) {
    it(`${screen.name} fits in 80 columns`, () => {
      const lines = runs.get(key(screen, 80))!.plain.output.split('\n');
      const wider = lines.filter((line) => visibleWidth(line) > 80);
      expect(wider).toEqual([]);
    });
  }

  it('colour is really on where colour is used (the test would pass vacuously otherwise)', () => {
    for (const name of ['plan', 'plan-every-section', 'sweep', 'fit', 'gpus', 'rules', 'plot', 'check']) {
      const screens = runs.get(`${name}@80`)!;
      expect(screens.colour.output, name).toMatch(/\u001b\[1m/);
    }
  });
});

describe('golden screens (80 columns)', () => {
  for (const screen of SCREEN_CASES) {
    it(screen.name, () => {
      const text = golden(screen, runs.get(key(screen, 80))!);
      const file = join(GOLDEN_DIR, `${screen.name}.txt`);
      if (UPDATE || !existsSync(file)) {
        if (!UPDATE) throw new Error(`no golden file ${file}: run UPDATE_GOLDEN=1 npx vitest run tests/terminal, then read it`);
        mkdirSync(GOLDEN_DIR, { recursive: true });
        writeFileSync(file, text);
      }
      expect(text).toBe(readFileSync(file, 'utf8'));
    });
  }
});


