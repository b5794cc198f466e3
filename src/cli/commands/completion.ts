import type { Command } from 'commander';
import { commandSummary } from './summaries.js';
import { PlanError } from '../../domain/errors.js';
import { renderJson } from '../../render/json.js';
import { suggest } from '../../domain/suggest.js';
import { COMPLETION_SHELLS, type CompletionShell } from '../../render/completion-types.js';
import type { CommandContext } from '../context.js';
import { addExamples } from '../help.js';
import { loadCatalog } from '../load-catalog.js';

/** `llm-plan completion bash|zsh|fish`: a completion script for commands, flags and preset ids. */
export function registerCompletionCommand(program: Command, { io, loadFullProgram }: CommandContext): void {
  addExamples(program.command('completion').description(commandSummary('completion')), io, [
    ['llm-plan completion bash > /etc/bash_completion.d/llm-plan', ''],
    ['llm-plan completion zsh > "${fpath[1]}/_llm-plan"', ''],
    ['llm-plan completion fish > ~/.config/fish/completions/llm-plan.fish', ''],
  ])
    .argument('[shell]', `one of: ${COMPLETION_SHELLS.join(', ')}`)
    .option('--allow-override', 'let LLM_PLAN_PRESETS presets replace built-in ones with the same id')
    .option('--json', 'print what the scripts complete (commands, flags, values) as llm-plan/completion@1 instead')
    .action(async (shellName: string | undefined, options: { allowOverride?: boolean; json?: boolean }) => {
      if (shellName !== undefined && options.json) throw new PlanError('bad-input', 'give a shell or --json, not both', 'llm-plan completion bash, or llm-plan completion --json');
      if (shellName === undefined && !options.json) {
        throw new PlanError('bad-input', 'which shell? name one', `llm-plan completion takes one of: ${COMPLETION_SHELLS.join(', ')} (or --json)`);
      }
      // Loaded here only: the outline of every command's flags (precomputed in the built CLI) and the scripts.
      const [catalog, { loadCompletionOutline }, { createCompletionSpec, presetFlagValues }, { renderCompletion }] = await Promise.all([
        loadCatalog(io, { allowOverride: options.allowOverride }),
        import('../completion-outline.js'),
        import('../completion-spec.js'),
        import('../../render/completion.js'),
      ]);
      const outline = await loadCompletionOutline(loadFullProgram);
      const spec = createCompletionSpec(outline, presetFlagValues(catalog, outline.flagValues), outline.argValues);
      if (shellName === undefined) return io.stdout(renderJson({ schema: 'llm-plan/completion@1', ...spec }));
      io.stdout(renderCompletion(parseShell(shellName), spec));
    });
}

function parseShell(name: string): CompletionShell {
  const found = COMPLETION_SHELLS.find((shell) => shell === name.trim().toLowerCase());
  if (found) return found;
  const guess = suggest(name, COMPLETION_SHELLS);
  throw new PlanError('bad-input', `no completion for the shell '${name}'${guess ? ` (did you mean '${guess}'?)` : ''}`, `llm-plan completion takes one of: ${COMPLETION_SHELLS.join(', ')}`);
}
