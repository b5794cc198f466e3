import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// Options after a subcommand belong to it (commander's positional options): the root's own --json
// must not swallow them.
describe('subcommand options', () => {
  it.each([['gpus'], ['rules']])('llm-plan %s --json prints JSON', async (command) => {
    const result = await runCli([command, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).schema).toBe('llm-plan/presets@1');
  });
});
