/**
 * The one error type of llm-plan. Core and preset code throw it; the CLI maps `code` to an exit
 * status in one place (`src/cli/exit-code.ts`). `message` is one line for a person; `hint` says
 * what to do instead.
 */
export type PlanErrorCode =
  | 'bad-input' // a flag value, budget or option combination the user typed (exit 2)
  | 'unknown-id' // a preset id that does not exist (exit 2)
  | 'invalid-file' // a user-supplied file that cannot be read or does not validate (exit 2)
  | 'internal'; // a bug in llm-plan (exit 70)

// The shipped bundle loads some code in lazy chunks that carry their own copy of this module;
// a registered symbol makes `instanceof PlanError` true for errors from any copy.
const PLAN_ERROR_BRAND = Symbol.for('llm-plan.PlanError');

export class PlanError extends Error {
  readonly code: PlanErrorCode;
  readonly hint: string | undefined;

  constructor(code: PlanErrorCode, message: string, hint?: string) {
    super(message);
    this.name = 'PlanError';
    this.code = code;
    this.hint = hint;
    Object.defineProperty(this, PLAN_ERROR_BRAND, { value: true });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[PLAN_ERROR_BRAND] === true;
  }
}

/** Shorthand for the most common case: the user asked for something we cannot do. */
export function badInput(message: string, hint?: string): PlanError {
  return new PlanError('bad-input', message, hint);
}
