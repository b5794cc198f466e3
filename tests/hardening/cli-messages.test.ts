import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/**
 * Fuzz finds of issue 8 in commander's errors, pinned. A known command with one argument too many
 * was reported as "unknown command 'sweep' (did you mean 'sweep'?)".
 */
describe('a known command with extra arguments', () => {
  it.each([
    [['sweep', '--budget', '1e21..1e25flops', 'foo'], "unexpected argument 'foo' for 'sweep'", "see 'llm-plan sweep --help'"],
    [['gpus', 'x', 'y'], "unexpected arguments 'x' 'y' for 'gpus'", "see 'llm-plan gpus --help'"],
    [['check', 'a.yaml', 'b.yaml'], "unexpected argument 'b.yaml' for 'check'", "see 'llm-plan check --help'"],
    [['schema', 'plan', 'sweep'], "unexpected argument 'sweep' for 'schema'", "see 'llm-plan schema --help'"],
  ])('%j names the extra argument', async (argv, message, hint) => {
    const result = await runCli(argv);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `llm-plan: error: ${message}\nhint: ${hint}\n` });
  });

  it('an unknown word at the top is still an unknown command, with a suggestion when close', async () => {
    expect((await runCli(['sweeep'])).stderr).toMatch(/^llm-plan: error: unknown command 'sweeep' \(did you mean 'sweep'\?\)\n/);
  });
});
