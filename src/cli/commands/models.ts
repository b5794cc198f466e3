import { commandSummary } from './summaries.js';
import type { Command } from 'commander';
import { pairRulesWithLoss } from '../../core/pair-rules.js';
import { compareRuns, MODELS_SCHEMA_ID, modelsNotes, type ModelsDocument } from '../../core/real-runs.js';
import type { Rule } from '../../domain/presets.js';
import { findLossModel, findRule } from '../../presets/catalog.js';
import { BUILTIN_REAL_MODELS } from '../../presets/real-models.js';
import { renderJson } from '../../render/json.js';
import { styleFor, widthFor, type CommandContext, type OutputOptions } from '../context.js';
import { loadCatalog } from '../load-catalog.js';
import { addExamples } from '../help.js';
import { addOutputOptions } from './shared-options.js';

/** The rules the table compares without --rule: the seed's two, and the loss-optimal one. */
export const DEFAULT_MODEL_RULES: readonly string[] = ['openai', 'deepmind', 'optimal'];

interface ModelsOptions extends OutputOptions {
  readonly rule?: string;
  readonly loss?: string;
  readonly allowOverride?: boolean;
}

/** `llm-plan models`: real training runs next to the rules. */
export function registerModelsCommand(program: Command, { io }: CommandContext): void {
  addOutputOptions(
    addExamples(program.command('models').description(commandSummary('models')), io, [
      ['llm-plan models', 'every run against openai, deepmind and optimal'],
      ['llm-plan models --rule all --json', 'against every rule, as JSON (llm-plan/models@1)'],
      ['llm-plan models --rule llama3', 'how far each run is from Llama 3’s allocation'],
      ['llm-plan plot --models', 'the runs on the compute-optimal frontier'],
    ]),
  )
    .option('--rule <id>', "a rule, or 'all' (default: openai, deepmind and optimal)")
    .option('--loss <id>', 'the loss model that scores the runs and the optimal rule (default besiroglu2024)')
    .option('--allow-override', 'let LLM_PLAN_PRESETS presets replace built-in ones with the same id')
    .action(async (options: ModelsOptions) => {
      const document = await modelsDocument(options, io);
      if (options.json) return io.stdout(renderJson(document));
      const { renderModelsTable } = await import('../../render/models-table.js');
      io.stdout(renderModelsTable(document, await styleFor(io, options), widthFor(io)));
    });
}

async function modelsDocument(options: ModelsOptions, io: CommandContext['io']): Promise<ModelsDocument> {
  const catalog = await loadCatalog(io, options);
  const ruleOption = options.rule?.trim().toLowerCase();
  const rules: Rule[] =
    ruleOption === undefined
      ? catalog.rules.filter((rule) => DEFAULT_MODEL_RULES.includes(rule.id))
      : ruleOption === 'all'
        ? [...catalog.rules]
        : [findRule(catalog, ruleOption, [{ id: 'all' }])];
  const lossOverride = options.loss === undefined ? undefined : findLossModel(catalog, options.loss);
  // One loss model scores every row (the comparison model unless --loss), as in --rule all.
  const scored = pairRulesWithLoss(rules, catalog.lossModels, lossOverride ?? catalog.lossModels.find((model) => model.id === 'besiroglu2024'));
  return {
    schema: MODELS_SCHEMA_ID,
    input: { rule: options.rule ?? DEFAULT_MODEL_RULES.join(','), loss: options.loss ?? null },
    models: compareRuns(BUILTIN_REAL_MODELS, scored),
    notes: modelsNotes(scored),
  };
}
