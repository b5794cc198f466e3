import { Option, type Command } from 'commander';
import { OPTIMIZERS, RECOMPUTE_MODES, ZERO_STAGES } from '../../core/constraints/memory.js';

/**
 * The flags of issue 6 (memory, time, cost, shape, hyperparameters, limited data, inference).
 * Fixed sets of values are commander choices, so shell completion offers them.
 */
export function addConstraintOptions(command: Command): Command {
  return command
    .option('--gpus <count>', 'GPUs the run uses: wall-clock time and memory per GPU (needs --gpu)')
    .option('--days <days>', 'deadline in days: the GPUs needed to finish in time, and memory on them (needs --gpu)')
    .addOption(new Option('--zero <stage>', 'ZeRO sharding stage for the memory estimate (default 0: none)').choices(ZERO_STAGES.map(String)))
    .option('--seq-len <tokens>', 'sequence length for memory and --hyperparams (default 2048)')
    .option('--micro-batch <sequences>', 'sequences per GPU per step, for activation memory (default 1)')
    .addOption(new Option('--recompute <mode>', 'activation recomputation (default selective)').choices(RECOMPUTE_MODES))
    .addOption(new Option('--optimizer <name>', 'optimizer for model-state memory (default adamw)').choices(OPTIMIZERS))
    .option('--shape', 'propose layers, d_model, heads, FFN width and vocabulary for the planned size')
    .option('--vocab <size>', 'vocabulary size for --shape and memory (default 32000)')
    .option('--hyperparams', "batch size and peak learning rate from DeepSeek LLM's fit")
    .option('--unique-tokens <tokens>', 'unique tokens available: epochs, effective data and the data-constrained optimum')
    .option('--inference-tokens <tokens>', 'tokens the model will serve: the smaller model with the least lifetime compute');
}
