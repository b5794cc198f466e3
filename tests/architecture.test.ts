import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

interface ImportLine {
  readonly specifier: string;
  readonly typeOnly: boolean;
  /** `import('…')`: loaded when called, not when the importing module loads. */
  readonly dynamic: boolean;
}

/** Static imports and re-exports of a TypeScript file, and its dynamic `import()`s. */
function imports(file: string): ImportLine[] {
  const text = readFileSync(file, 'utf8');
  const staticPattern = /^(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  const dynamicPattern = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
  return [
    ...[...text.matchAll(staticPattern)].map((match) => ({ specifier: match[2] ?? '', typeOnly: Boolean(match[1]), dynamic: false })),
    ...[...text.matchAll(dynamicPattern)].map((match) => ({ specifier: match[1] ?? '', typeOnly: false, dynamic: true })),
  ];
}

function resolveLocal(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = resolve(dirname(from), specifier);
  return target.endsWith('.js') ? target.replace(/\.js$/, '.ts') : target;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/**
 * The floors of DESIGN §2, lowest first: `cli -> request | render | presets -> core -> domain`.
 * A file may import its own floor and any floor below it. request sits above presets because a
 * library call without a catalog plans with the built-in presets; render and presets share a
 * floor and import neither each other nor request.
 */
const FLOORS: Readonly<Record<string, number>> = { domain: 0, core: 1, presets: 2, render: 2, request: 3, cli: 4, 'index.ts': 4 };

function floorOf(file: string): string {
  const top = relative(SRC, file).split('/')[0] ?? '';
  if (!(top in FLOORS)) throw new Error(`${relative(SRC, file)} is in no floor of DESIGN §2`);
  return top;
}

const ALL = sourceFiles(SRC);

describe('architecture (DESIGN §2, §6)', () => {
  it('the start-up path of the CLI statically loads no table, colour, schema, YAML or plotting library', () => {
    const heavy = /^(chalk|cli-table3|zod|yaml|d3-\w+|ajv)(\/|$)/;
    const seen = new Set<string>();
    const offenders: string[] = [];
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const { specifier, typeOnly, dynamic } of imports(file)) {
        if (typeOnly || dynamic) continue;
        if (heavy.test(specifier)) offenders.push(`${relative(SRC, file)} → ${specifier}`);
        const local = resolveLocal(file, specifier);
        if (local?.endsWith('.ts')) visit(local);
      }
    };
    visit(join(SRC, 'cli/main.ts'));
    expect(seen.size).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });

  it('every file is on a floor, and no import of any kind (type imports and import() included) points up', () => {
    const offenders = ALL.flatMap((file) =>
      imports(file).flatMap(({ specifier }) => {
        const local = resolveLocal(file, specifier);
        if (!local?.endsWith('.ts')) return [];
        const [from, to] = [floorOf(file), floorOf(local)];
        const up = (FLOORS[to] ?? 0) > (FLOORS[from] ?? 0) || (FLOORS[to] === FLOORS[from] && to !== from);
        return up ? [`${relative(SRC, file)} → ${relative(SRC, local)}`] : [];
      }),
    );
    expect(offenders).toEqual([]);
  });

  it('no import circle, counting type imports and import()', () => {
    const edges = new Map(ALL.map((file) => [file, imports(file).map(({ specifier }) => resolveLocal(file, specifier)).filter((local) => local?.endsWith('.ts')) as string[]]));
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      stack.push(file);
      for (const next of edges.get(file) ?? []) {
        if (state.get(next) === 'open') circles.push([...stack.slice(stack.indexOf(next)), next].map((entry) => relative(SRC, entry)).join(' → '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of ALL) if (!state.has(file)) visit(file);
    expect(circles).toEqual([]);
  });

  it('src/core is pure: no Node built-ins, no package, no I/O, clock or randomness', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(SRC, 'core'))) {
      for (const { specifier, typeOnly } of imports(file)) {
        if (!typeOnly && !specifier.startsWith('.')) offenders.push(`${relative(SRC, file)} → ${specifier}`);
      }
      const text = readFileSync(file, 'utf8');
      if (/\bprocess\.|\bconsole\.|\bDate\.now\(|new Date\(|Math\.random\(/.test(text)) offenders.push(`${relative(SRC, file)} uses I/O, a clock or randomness`);
    }
    expect(offenders).toEqual([]);
  });

  it('importing a type from src/domain loads no zod: core reaches domain at run time only through zod-free modules', () => {
    const loadsZod = (file: string, seen = new Set<string>()): boolean => {
      if (seen.has(file)) return false;
      seen.add(file);
      return imports(file).some(({ specifier, typeOnly, dynamic }) => {
        if (typeOnly || dynamic) return false;
        if (/^zod(\/|$)/.test(specifier)) return true;
        const local = resolveLocal(file, specifier);
        return local?.endsWith('.ts') === true && loadsZod(local, seen);
      });
    };
    const offenders = sourceFiles(join(SRC, 'core')).filter((file) => loadsZod(file)).map((file) => relative(SRC, file));
    expect(offenders).toEqual([]);
  });
});
