import type { Command } from 'commander';

/** The flags of issue 6 (memory, time, cost, shape, hyperparameters, limited data, inference). */
export function addConstraintOptions(command: Command): Command {
  return command
    .option('--gpus <count>', 'GPUs the run uses: wall-clock time and memory per GPU (needs --gpu)')
    .option('--days <days>', 'deadline in days: the GPUs needed to finish in time, and memory on them (needs --gpu)')
    .option('--zero <stage>', 'ZeRO sharding stage 0|1|2|3 for the memory estimate (default 0: none)')
    .option('--seq-len <tokens>', 'sequence length for memory and --hyperparams (default 2048)')
    .option('--micro-batch <sequences>', 'sequences per GPU per step, for activation memory (default 1)')
    .option('--recompute <mode>', 'activation recomputation: none, selective or full (default selective)')
    .option('--optimizer <name>', 'optimizer for model-state memory: adamw or sgd (default adamw)')
    .option('--shape', 'propose layers, d_model, heads, FFN width and vocabulary for the planned size')
    .option('--vocab <size>', 'vocabulary size for --shape and memory (default 32000)')
    .option('--hyperparams', "batch size and peak learning rate from DeepSeek LLM's fit")
    .option('--unique-tokens <tokens>', 'unique tokens available: epochs, effective data and the data-constrained optimum')
    .option('--inference-tokens <tokens>', 'tokens the model will serve: the smaller model with the least lifetime compute');
}
