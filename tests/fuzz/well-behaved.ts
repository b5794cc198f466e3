import { expect } from 'vitest';
import { DOCUMENT_SCHEMAS } from '../../src/domain/schemas/registry.js';
import type { CliResult } from '../helpers/cli.js';

/** One error line, and at most one hint line: the whole of stderr on a refusal (DESIGN §5). */
export const ONE_ERROR = /^llm-plan: error: [^\n]+\n(hint: [^\n]+\n)?$/;
/** What a successful command may print on stderr: warnings (fit's failed bootstrap resamples), check's GitHub annotations. */
const WARNINGS = /^(llm-plan: warning: [^\n]+\n|::(error|warning) [^\n]+\n)*$/;
/**
 * `check`'s refusal (issue 15): the one error line and hint, then its GitHub annotations (an invalid
 * file is annotated at the offending field), and possibly a warning about the job summary.
 */
const CHECK_ERROR = /^llm-plan: error: [^\n]+\n(hint: [^\n]+\n)?(llm-plan: warning: [^\n]+\n|::(error|warning) [^\n]+\n)*$/;

/** Every number anywhere in a JSON document is finite, and no field is null where zod promised a number. */
export function assertFiniteNumbers(value: unknown, path = '$'): void {
  if (typeof value === 'number') expect(Number.isFinite(value), path).toBe(true);
  else if (Array.isArray(value)) value.forEach((item, index) => assertFiniteNumbers(item, `${path}[${index}]`));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) assertFiniteNumbers(item, `${path}.${key}`);
  }
}

/**
 * A JSON document llm-plan printed: numbers finite, and when it names an `llm-plan/<kind>@1`
 * schema of the registry, it validates against that zod schema (so `null` where a number is
 * promised fails here). Plans also keep the identity C = 6·N·D (DESIGN §3).
 */
export function assertValidDocument(document: unknown, context: string): void {
  assertFiniteNumbers(document);
  if (typeof document !== 'object' || document === null) return;
  const name = (document as { schema?: unknown }).schema;
  const kind = typeof name === 'string' ? /^llm-plan\/([a-z-]+)@1$/.exec(name)?.[1] : undefined;
  const schema = kind === undefined ? undefined : DOCUMENT_SCHEMAS[kind];
  if (schema) {
    const result = schema.safeParse(document);
    expect(result.success, `${context}\n${result.success ? '' : JSON.stringify(result.error.issues.slice(0, 3))}`).toBe(true);
  }
  if (kind === 'plan') {
    const plan = document as { compute: { flops: number }; plans: Array<{ params: number; tokens: number }> };
    for (const { params, tokens } of plan.plans) {
      expect(params, context).toBeGreaterThan(0);
      expect(Math.abs((6 * params * tokens) / plan.compute.flops - 1), context).toBeLessThan(1e-9);
    }
  }
}

/** Which machine-readable form stdout should have, from what the argv asked for. */
export type OutputKind = 'json' | 'ndjson' | 'text';

/**
 * The contract of issue 8 for one run: exit 0 with output (valid documents when JSON was asked
 * for), exit 1 only from `check` with its report, or exit 2 with exactly one error line (plus an
 * optional hint) and nothing on stdout. Never 70, never a stack trace, never NaN or Infinity.
 */
export function assertWellBehaved(result: CliResult, argv: readonly string[], output: OutputKind, allowViolation = false): void {
  const context = `${JSON.stringify(argv)}\nexit ${result.code}\nstdout: ${result.stdout.slice(0, 300)}\nstderr: ${result.stderr.slice(0, 500)}`;
  if (result.code === 0 || (result.code === 1 && allowViolation)) {
    expect(result.stderr, context).toMatch(WARNINGS);
    expect(result.stdout.length, context).toBeGreaterThan(0);
    expect(result.stdout, context).not.toMatch(/\bNaN\b|Infinity|undefined|\[object Object\]/);
    if (output === 'json' && /^[{[]/.test(result.stdout)) assertValidDocument(JSON.parse(result.stdout), context);
    if (output === 'ndjson' && result.stdout.startsWith('{')) {
      const lines = result.stdout.split('\n');
      expect(lines.pop(), context).toBe('');
      for (const line of lines) assertValidDocument(JSON.parse(line), context);
    }
  } else if (allowViolation && result.code === 2) {
    // check over several files: an invalid one is exit 2 with one error line, and the others' report
    // still on stdout (issue 15); with no file read, nothing on stdout.
    expect(result.stderr, context).toMatch(CHECK_ERROR);
    expect(result.stdout, context).not.toMatch(/\bNaN\b|Infinity|undefined|\[object Object\]/);
    if (output === 'json' && /^[{[]/.test(result.stdout)) assertValidDocument(JSON.parse(result.stdout), context);
    expect(result.stderr, context).not.toMatch(/'([^']*)' \(did you mean '\1'\?\)/);
  } else {
    expect(result.code, context).toBe(2);
    expect(result.stdout, context).toBe('');
    expect(result.stderr, context).toMatch(ONE_ERROR);
    // A suggestion that repeats the word it corrects is a wrong diagnosis (issue 8 fuzz find).
    expect(result.stderr, context).not.toMatch(/'([^']*)' \(did you mean '\1'\?\)/);
  }
}

/** The output kind an argv asks for: the last `--format`, else `--json`, before any `--`. */
export function outputKindOf(argv: readonly string[]): OutputKind {
  const end = argv.includes('--') ? argv.indexOf('--') : argv.length;
  const args = argv.slice(0, end);
  if (args.some((arg) => ['--help', '-h', '-V', '--version'].includes(arg))) return 'text';
  let kind: OutputKind = 'text';
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--json') kind = 'json';
    const format = args[i] === '--format' ? args[i + 1] : args[i]?.startsWith('--format=') ? args[i]?.slice('--format='.length) : undefined;
    if (format !== undefined) kind = format === 'json' || format === 'ndjson' ? format : 'text';
  }
  return kind;
}
