import { PlanError } from '../domain/errors.js';
import type { PlanRequest } from '../domain/request.js';
import type { CliIo } from './io.js';
import { parseJsonInput, readTextInput } from './read-input.js';

/** What `--input` may hold beyond the request: how to load presets, as the flag of that name. */
interface RequestFile extends PlanRequest {
  readonly allowOverride?: boolean | null | undefined;
}

/**
 * `--input FILE|-`: a plan request as a JSON object (`PlanRequestFileSchema`: the `PlanRequestSchema`
 * the library validates with, and `allowOverride`), merged under the flags: a flag given on the
 * command line wins. `null` means "not given", so a plan's own `input` echo reads back as the same
 * request.
 */
export async function readRequestFile(path: string, io: CliIo, flags: PlanRequest): Promise<{ request: PlanRequest; allowOverride: boolean }> {
  const { name, text } = await readTextInput(path, io, 'plan request');
  const file = name === '-' ? 'stdin' : name;
  const data = parseJsonInput(text, file);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new PlanError('invalid-file', `${file}: expected a JSON object of plan fields`, 'for example: {"budget": "5000gpuh", "gpu": "v100"}');
  }
  // zod is loaded only on this path, when a file must be validated (DESIGN §6).
  const [{ PlanRequestFileSchema: schema }, { describeFirstIssue }] = await Promise.all([
    import('../domain/request.js'),
    import('../domain/schemas/describe-issue.js'),
  ]);
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const fields = Object.keys(schema.shape);
    throw new PlanError('invalid-file', describeFirstIssue(parsed.error, file, '', () => fields), `a plan request takes: ${fields.join(', ')}`);
  }
  const { allowOverride, ...fromFile } = parsed.data as RequestFile;
  const request: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fromFile)) if (value !== null && value !== undefined) request[key] = value;
  return { request: { ...request, ...flags }, allowOverride: allowOverride === true };
}
