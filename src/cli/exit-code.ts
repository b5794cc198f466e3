import { PlanError } from '../domain/errors.js';

/**
 * Exit codes (DESIGN §5). The one place an outcome becomes a process status.
 *
 * | code | meaning                                                    |
 * |------|------------------------------------------------------------|
 * | 0    | success                                                    |
 * | 1    | `check` found a violation                                  |
 * | 2    | bad input: flag, budget, unknown preset, invalid file      |
 * | 70   | internal error: a bug in llm-plan (EX_SOFTWARE)            |
 */
export const EXIT = { ok: 0, violation: 1, usage: 2, internal: 70 } as const;

export function exitCodeFor(error: unknown): number {
  if (error instanceof PlanError) return error.code === 'internal' ? EXIT.internal : EXIT.usage;
  return EXIT.internal;
}

/**
 * The lines printed on stderr for an error: `llm-plan: error: …` and, where useful, `hint: …`.
 * Internal errors say how to report them; the stack only with `LLM_PLAN_DEBUG=1`.
 */
export function describeError(error: unknown, debug: boolean): string {
  if (error instanceof PlanError && error.code !== 'internal') {
    return `llm-plan: error: ${oneLine(error.message)}\n${error.hint ? `hint: ${oneLine(error.hint)}\n` : ''}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  const stack = debug && error instanceof Error && error.stack ? `${error.stack}\n` : '';
  return (
    `llm-plan: internal error: ${oneLine(message)}\n` +
    `hint: this is a bug in llm-plan; please report it with the command you ran and the output of 'llm-plan --version'` +
    `${debug ? '' : ' (LLM_PLAN_DEBUG=1 prints the stack trace)'}\n${stack}`
  );
}

/**
 * One line, safe for a terminal: newlines fold to spaces, and other control characters (which a
 * file or a flag value may carry into a message: ESC sequences, a carriage return) print as \uXXXX.
 */
function oneLine(text: string): string {
  // Split, not /\s*\n\s*/g: that regex rescans every run of spaces from each of its positions,
  // quadratic in a long run (100,000 spaces in a budget took 5 s to report).
  const line = text
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  // A pasted value can be megabytes long; the message quotes it, the terminal need not show it all.
  return line.length <= MAX_LINE ? line : `${line.slice(0, MAX_LINE - 40)}… (${line.length - (MAX_LINE - 40)} more characters)`;
}

/** Longest error or hint line printed; the longest real one (the list of GPU ids) is about 450. */
const MAX_LINE = 1000;
