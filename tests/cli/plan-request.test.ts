import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addPlanOptions } from '../../src/cli/commands/plan.js';
import { planRequestFromFlags } from '../../src/cli/plan-request.js';

/** Flags in, request out: commander reads the plan command's own options, then the pure picker. */
function requestOf(argv: string): unknown {
  const command = addPlanOptions(new Command()).exitOverride();
  command.parse(argv.split(' ').filter(Boolean), { from: 'user' });
  return planRequestFromFlags(command.opts(), (key) => command.getOptionValueSource(key));
}

describe('flags → plan request', () => {
  it.each<[string, object]>([
    ['--budget 5000gpuh --gpu v100', { budget: '5000gpuh', gpu: 'v100' }],
    ['-b 5000gpuh -g v100 -r openai -l kaplan2020', { budget: '5000gpuh', gpu: 'v100', rule: 'openai', loss: 'kaplan2020' }],
    ['--budget 5000gpuh --json --no-color', { budget: '5000gpuh' }],
    ['--budget 5000gpuh --format csv --allow-override', { budget: '5000gpuh' }],
    ['--input req.json --mfu 45%', { mfu: '45%' }],
    ['--params 7B --rule openai', { params: '7B', rule: 'openai' }],
    ['--target-loss 2.2', { targetLoss: '2.2' }],
    ['--budget $5k --price 2.10 --precision bf16', { budget: '$5k', price: '2.10', precision: 'bf16' }],
    ['--budget 1e22flops --range --shape --hyperparams', { budget: '1e22flops', range: true, shape: true, hyperparams: true }],
    ['--budget 1e22flops --gpus 64 --days 30 --zero 3 --seq-len 4096', { budget: '1e22flops', gpus: '64', days: '30', zero: '3', seqLen: '4096' }],
    ['--budget 1e22flops --micro-batch 2 --recompute full --optimizer adamw', { budget: '1e22flops', microBatch: '2', recompute: 'full', optimizer: 'adamw' }],
    ['--budget 1e22flops --vocab 50257 --unique-tokens 1T --inference-tokens 1e13', { budget: '1e22flops', vocab: '50257', uniqueTokens: '1T', inferenceTokens: '1e13' }],
    ['--budget 1e21flops --baseline 1B:20B', { budget: '1e21flops', baseline: '1B:20B' }],
    ['--gpus 1024 --days 30 --gpu h100 --arch llama-2-70b', { gpus: '1024', days: '30', gpu: 'h100', arch: 'llama-2-70b' }],
    ['--gpus 64 --hours 12 --layout tp=8,pp=2 --gpus-per-node 8 --global-batch 512', { gpus: '64', hours: '12', layout: 'tp=8,pp=2', gpusPerNode: '8', globalBatch: '512' }],
    ['--params 70B --tokens 1.4T --grad-dtype fp32 --no-flash-attn', { params: '70B', tokens: '1.4T', gradDtype: 'fp32', flashAttn: false }],
    ['--model gopher --start 2026-01-05', { model: 'gopher', start: '2026-01-05' }],
    ['--budget 1e23flops --layers 32 --d-model 4096 --heads 32 --kv-heads 8 --ffn 14336', { budget: '1e23flops', layers: '32', dModel: '4096', heads: '32', kvHeads: '8', ffn: '14336' }],
    ['', {}],
  ])('%s', (argv, request) => {
    expect(requestOf(argv)).toEqual(request);
  });
});
