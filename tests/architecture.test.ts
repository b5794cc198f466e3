import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

interface ImportLine {
  readonly specifier: string;
  readonly typeOnly: boolean;
}

/** Static imports and re-exports of a TypeScript file (dynamic `import()` is deliberately not one). */
function staticImports(file: string): ImportLine[] {
  const text = readFileSync(file, 'utf8');
  const pattern = /^(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  return [...text.matchAll(pattern)].map((match) => ({ specifier: match[2] ?? '', typeOnly: Boolean(match[1]) }));
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

describe('architecture (DESIGN §2, §6)', () => {
  it('the start-up path of the CLI statically loads no table, colour, schema, YAML or plotting library', () => {
    const heavy = /^(chalk|cli-table3|zod|yaml|d3-\w+|ajv)(\/|$)/;
    const seen = new Set<string>();
    const offenders: string[] = [];
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const { specifier, typeOnly } of staticImports(file)) {
        if (typeOnly) continue;
        if (heavy.test(specifier)) offenders.push(`${relative(SRC, file)} → ${specifier}`);
        const local = resolveLocal(file, specifier);
        if (local?.endsWith('.ts')) visit(local);
      }
    };
    visit(join(SRC, 'cli/main.ts'));
    expect(seen.size).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });

  it('src/core is pure: no Node built-ins, and nothing but core at run time', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(SRC, 'core'))) {
      for (const { specifier, typeOnly } of staticImports(file)) {
        const local = resolveLocal(file, specifier);
        const insideCore = local !== undefined && local.startsWith(join(SRC, 'core'));
        if (!insideCore && !typeOnly) offenders.push(`${relative(SRC, file)} → ${specifier}`);
      }
      const text = readFileSync(file, 'utf8');
      if (/\bprocess\.|\bconsole\.|\bDate\.now\(|new Date\(|Math\.random\(/.test(text)) offenders.push(`${relative(SRC, file)} uses I/O, a clock or randomness`);
    }
    expect(offenders).toEqual([]);
  });

  it('nothing in core imports the CLI or the renderers, even for types', () => {
    const offenders = sourceFiles(join(SRC, 'core')).flatMap((file) =>
      staticImports(file)
        .filter(({ specifier }) => /\/(cli|render)\//.test(specifier))
        .map(({ specifier }) => `${relative(SRC, file)} → ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });
});
