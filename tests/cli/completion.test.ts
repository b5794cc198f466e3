import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BUILTIN_ACCELERATORS, BUILTIN_LOSS_MODELS, BUILTIN_RULES } from '../../src/presets/builtin.js';
import { ROOT, runCli } from '../helpers/cli.js';

const COMMANDS = ['gpus', 'rules', 'sweep', 'check', 'schema', 'completion'];
const PLAN_FLAGS = ['--budget', '--gpu', '--precision', '--mfu', '--rule', '--loss', '--price', '--json', '--format', '--input', '--allow-override', '--no-color', '--help', '--version'];
// Every built-in id, read from the preset data rather than from the script generator.
const IDS = [...BUILTIN_ACCELERATORS, ...BUILTIN_RULES, ...BUILTIN_LOSS_MODELS].flatMap((preset) => [preset.id, ...(('aliases' in preset && preset.aliases) || [])]);

async function script(shell: string, env: Record<string, string> = {}): Promise<string> {
  const result = await runCli(['completion', shell], { env });
  expect(result.code).toBe(0);
  expect(result.stderr).toBe('');
  return result.stdout;
}

/** What bash completes for the words typed so far (the last one being completed). */
function completeInBash(text: string, words: readonly string[]): string[] {
  const quoted = words.map((word) => `'${word}'`).join(' ');
  const program = `${text}\nCOMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _llm_plan; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['--norc', '--noprofile', '-c', program], { encoding: 'utf8', cwd: ROOT });
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter(Boolean);
}

/** Whether a shell is installed (zsh and fish are not on every CI machine; bash is). */
const hasShell = (shell: string): boolean => spawnSync(shell, ['-c', 'exit 0']).status === 0;

describe('llm-plan completion', () => {
  it.each([['bash'], ['zsh'], ['fish']])('%s: has every command, plan flag and preset id', async (shell) => {
    const text = await script(shell);
    for (const command of COMMANDS) expect(text).toContain(command);
    for (const flag of PLAN_FLAGS) expect(text).toContain(shell === 'fish' ? `-l ${flag.slice(2)}` : flag);
    for (const id of IDS) expect(text).toMatch(new RegExp(`[ ('"]${id.replaceAll('.', '\\.')}[ )'"]`));
    for (const name of ['plan', 'check', 'presets', 'check-file']) expect(text).toContain(name);
  });

  it('bash: the script parses (bash -n)', async () => {
    const result = spawnSync('bash', ['-n'], { input: await script('bash'), encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('bash: completes commands, flags, ids and values', async () => {
    const text = await script('bash');
    expect(completeInBash(text, ['llm-plan', 'ch'])).toEqual(['check']);
    expect(completeInBash(text, ['llm-plan', '--gpu', 'h10']).sort()).toEqual(['h100', 'h100-nvl', 'h100-pcie', 'h100-sxm', 'h100-sxm5']);
    expect(completeInBash(text, ['llm-plan', '--rule', ''])).toEqual(['openai', 'kaplan', 'deepmind', 'chinchilla', 'chinchilla-1', 'chinchilla-2', 'chinchilla-3', 'llama3', 'meta', 'deepseek', 'optimal', 'all']);
    expect(completeInBash(text, ['llm-plan', '--format', 'n'])).toEqual(['ndjson']);
    expect(completeInBash(text, ['llm-plan', '--bu'])).toEqual(['--budget']);
    expect(completeInBash(text, ['llm-plan', 'schema', 'p'])).toEqual(['plan', 'presets', 'plot']);
    expect(completeInBash(text, ['llm-plan', 'check', '--j'])).toEqual(['--json']);
    expect(completeInBash(text, ['llm-plan', 'completion', 'z'])).toEqual(['zsh']);
    // A preset flag completes files once the value looks like a path.
    expect(completeInBash(text, ['llm-plan', '--gpu', 'tests/fixtures/presets/my-g'])).toEqual(['tests/fixtures/presets/my-gpu.json']);
  });

  it.skipIf(!hasShell('zsh'))('zsh: the script parses (zsh -n)', async () => {
    const result = spawnSync('zsh', ['-n'], { input: await script('zsh'), encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.skipIf(!hasShell('fish'))('fish: the script parses and completes ids and commands', async () => {
    const files = await import('../helpers/run-with-stdin.js');
    const temp = files.createTempFiles({ 'llm-plan.fish': await script('fish') });
    const complete = (line: string): string[] => {
      const result = spawnSync('fish', ['--no-config', '-c', `source ${temp.path('llm-plan.fish')}; complete -C '${line}'`], { encoding: 'utf8' });
      return result.stdout.split('\n').filter(Boolean).map((entry) => entry.split('\t')[0] ?? '');
    };
    try {
      expect(spawnSync('fish', ['--no-config', '-n', temp.path('llm-plan.fish')]).status).toBe(0);
      expect(complete('llm-plan --rule deep')).toEqual(['deepmind']);
      expect(complete('llm-plan sch')).toEqual(['schema']);
      expect(complete('llm-plan completion f')).toEqual(['fish']);
    } finally {
      temp.remove();
    }
  });

  it('zsh: a #compdef function with _arguments per command', async () => {
    const text = await script('zsh');
    expect(text.startsWith('#compdef llm-plan\n')).toBe(true);
    expect(text).toContain("'check:check training configs");
    expect(text).toMatch(/\{-g,--gpu\}'\[accelerator preset id or alias[^\]]*\]:gpu:\(v100-sxm2-32gb v100 /);
    expect(text).toMatch(/'1:schema:\(plan check presets [a-z -]*check-file\)'/);
    expect(text).toContain("'1:file:_files'");
  });

  it('fish: complete lines per command and flag', async () => {
    const text = await script('fish');
    expect(text).toContain("complete -c llm-plan -n '__fish_use_subcommand' -a check -d 'check training configs");
    expect(text).toMatch(/complete -c llm-plan -n '__fish_use_subcommand' -s g -l gpu -x -a 'v100-sxm2-32gb v100 /);
    expect(text).toContain("complete -c llm-plan -n '__fish_seen_subcommand_from check' -l json");
    expect(text).toContain("-a 'bash zsh fish'");
  });

  it('includes LLM_PLAN_PRESETS ids', async () => {
    const text = await script('bash', { LLM_PLAN_PRESETS: `${ROOT}tests/fixtures/presets` });
    expect(text).toContain('my-accel');
    expect(text).toContain('twenty-at-1e20');
    expect(text).toContain('flat-loss');
  });

  it('exits 2 for an unknown shell, with the list', async () => {
    const result = await runCli(['completion', 'bsh']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no completion for the shell 'bsh' \(did you mean 'bash'\?\)\nhint: .*bash, zsh, fish/);
  });
});
