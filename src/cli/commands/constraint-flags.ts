import { Option, type Command } from 'commander';
import { GRAD_DTYPES, OPTIMIZERS, RECOMPUTE_MODES, ZERO_STAGES } from '../../core/cluster/choices.js';

/**
 * The flags of issues 6 and 12 (memory, time, cost, shape, hyperparameters, limited data, inference;
 * the cluster: architecture, layout, booking). Fixed sets of values are commander choices, so shell
 * completion offers them.
 */
export function addConstraintOptions(command: Command): Command {
  return command
    .option('--gpus <count>', 'GPUs the run uses: layout, memory per GPU and wall-clock time (needs --gpu); with --days or --hours and no --budget, a booking')
    .option('--days <days>', 'with --budget: a deadline (GPUs needed to finish in time); with --gpus and no --budget: the booking length')
    .option('--hours <hours>', 'the booking length in hours (with --gpus, without --budget)')
    .addOption(new Option('--zero <stage>', 'fix the ZeRO stage (default: the layout search picks one)').choices(ZERO_STAGES.map(String)))
    .option('--seq-len <tokens>', 'sequence length for FLOPs, memory and --hyperparams (default 2048, or the --arch preset\'s context up to 8192)')
    .option('--micro-batch <sequences>', 'fix the micro-batch, a power of two (default: searched)')
    .addOption(new Option('--recompute <mode>', 'fix activation recomputation (default: searched)').choices(RECOMPUTE_MODES))
    .addOption(new Option('--optimizer <name>', 'optimizer for model-state memory (default adamw)').choices(OPTIMIZERS))
    .addOption(new Option('--grad-dtype <dtype>', 'gradient precision: bf16 (2 B, default) or fp32 (4 B, Megatron main_grad)').choices(GRAD_DTYPES))
    .option('--no-flash-attn', 'store the attention scores (5·a·s/h per layer) as without FlashAttention')
    .option('--layout <tp=N,pp=N>', 'evaluate one layout instead of searching: tensor and pipeline sizes (data parallel takes the rest)')
    .option('--gpus-per-node <count>', 'GPUs per node: tensor parallelism stays inside one (default 8)')
    .option('--global-batch <sequences>', "sequences per step (default DeepSeek LLM's batch for the compute)")
    .option('--arch <id|file>', "architecture: a preset id (llama-2-70b, llama-3.1-405b, gpt-3-175b, …: presets/architectures.json) or a Hugging Face config.json path")
    .option('--layers <count>', 'architecture from flags: transformer layers')
    .option('--d-model <width>', 'architecture from flags: hidden size')
    .option('--heads <count>', 'architecture from flags: attention heads')
    .option('--kv-heads <count>', 'architecture from flags: key/value heads (default = --heads)')
    .option('--ffn <width>', 'architecture from flags: SwiGLU hidden width')
    .option('--start <date>', 'start date YYYY-MM-DD for the finish date (default today)')
    .option('--shape', 'propose layers, d_model, heads, FFN width and vocabulary for the planned size')
    .option('--vocab <size>', 'vocabulary size for --shape, the proposed architecture and memory (default 32000)')
    .option('--hyperparams', "batch size and peak learning rate from DeepSeek LLM's fit")
    .option('--unique-tokens <tokens>', 'unique tokens available: epochs, effective data and the data-constrained optimum')
    .option('--inference-tokens <tokens>', 'tokens the model will serve: the smaller model with the least lifetime compute');
}
