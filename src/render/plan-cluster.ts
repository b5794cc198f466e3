import { formatCount, formatGrouped, formatNumber, formatScientific } from '../core/format.js';
import { formatBytes } from '../core/format-bytes.js';
import type { PlanDocument, RulePlan } from '../core/plan-document.js';
import type { SectionBlock, SectionPart } from './section-block.js';
import type { Style } from './style.js';

/**
 * The cluster sections of a plan (issue 12): the run against its optimum, the architecture and
 * FLOPs per token, the ranked layouts, and memory per GPU by component. Each block is at most
 * 80 columns wide.
 */
export function clusterSectionBlocks(plan: PlanDocument, style: Style): SectionBlock[] {
  const blocks: SectionBlock[] = [];
  const comparison = renderComparison(plan, style);
  if (comparison) blocks.push(comparison);
  const many = plan.plans.length > 1;
  for (const row of plan.plans) {
    if (!row.layout || !row.architecture || !row.flopsPerToken || !row.memory) continue;
    blocks.push(renderRowCluster(row, many, style));
  }
  return blocks;
}

function renderComparison(plan: PlanDocument, style: Style): SectionBlock | undefined {
  const rows = plan.plans.filter((row): row is RulePlan & Required<Pick<RulePlan, 'comparison'>> => row.comparison !== undefined);
  if (rows.length === 0) return undefined;
  const head = ['rule', 'optimum N', 'optimum D', 'N/N_opt', 'D/N vs opt', 'loss gap'];
  const body = rows.map(({ rule, comparison: c }) => [
    style.accent(rule),
    formatCount(c.optimum.params),
    formatCount(c.optimum.tokens),
    `${formatNumber(c.paramsRatio)}×`,
    `${formatNumber(c.tokensPerParamRatio)}×`,
    Math.abs(c.lossGap) < 0.0005 ? '0.000' : `${c.lossGap > 0 ? '+' : ''}${c.lossGap.toFixed(3)}`,
  ]);
  const verdicts = rows.map(({ rule, comparison: c, tokensPerParam }) => {
    const who = rows.length > 1 ? `${rule}: ` : '';
    if (c.regime === 'optimal') return `${who}the run is at the rule's optimum (${formatNumber(tokensPerParam)} tokens/param).`;
    const k = c.regime === 'over-trained' ? c.tokensPerParamRatio : 1 / c.tokensPerParamRatio;
    const gap = Math.abs(c.lossGap) < 0.0005 ? 'the same loss to 0.001' : `optimum ${Math.abs(c.lossGap).toFixed(3)} nats ${c.lossGap > 0 ? 'lower' : 'higher'}`;
    return `${who}${c.regime} ×${formatNumber(k)}: ${formatNumber(tokensPerParam)} vs ${formatNumber(c.optimum.tokensPerParam)} tokens/param; ${gap}.`;
  });
  return [
    { text: `${style.bold('Against the optimum')} ${style.dim('(the same compute, 6·N·D, allocated by the rule)')}` },
    { head, body, alignRight: [1, 2, 3, 4, 5], fold: false },
    ...verdicts.map((line) => ({ text: line })),
  ];
}

function renderRowCluster(row: RulePlan, many: boolean, style: Style): SectionBlock {
  const arch = row.architecture as NonNullable<RulePlan['architecture']>;
  const flops = row.flopsPerToken as NonNullable<RulePlan['flopsPerToken']>;
  const layout = row.layout as NonNullable<RulePlan['layout']>;
  const memory = row.memory as NonNullable<RulePlan['memory']>;
  const prefix = many ? `${style.accent(row.rule)} · ` : '';
  const parts: SectionPart[] = [];
  const lines = { push: (...texts: string[]): void => void parts.push(...texts.map((text) => ({ text }))) };

  const origin = { preset: 'preset', file: 'config.json', flags: 'from flags', proposed: 'proposed (Llama 2 recipe)' }[arch.origin];
  const attention = arch.kvHeads === arch.heads ? `${arch.heads} heads` : `${arch.heads} heads, ${arch.kvHeads} KV`;
  // A config.json's name is its path (or _name_or_path): its last segment keeps the line within 80 columns.
  const name = arch.origin === 'proposed' ? '' : ` ${arch.origin === 'file' ? (arch.name.split('/').pop() ?? arch.name) : arch.name}`;
  lines.push(`${prefix}${style.bold('Architecture')}${name} · ${origin} · ${formatCount(arch.params)} parameters`);
  lines.push(
    `  ${arch.layers} layers × ${arch.dModel} · ${attention} × ${arch.headDim} · ${arch.mlp === 'swiglu' ? 'SwiGLU' : 'GELU'} ${arch.ffn} · vocab ${arch.vocab}` +
      `${arch.tiedEmbeddings ? ' tied' : ''}`,
  );
  const attentionShare = (flops.attentionPerToken / flops.modelPerToken) * 100;
  const recomputeCost = (flops.hardwarePerToken / flops.modelPerToken - 1) * 100;
  lines.push(`  FLOPs/token (seq ${flops.seqLen}): model ${formatScientific(flops.modelPerToken)}, attention ${formatNumber(attentionShare)}% of it`);
  lines.push(`  hardware FLOPs/token ${formatScientific(flops.hardwarePerToken)}${recomputeCost > 0 ? ` (+${formatNumber(recomputeCost)}% for ${flops.recompute} recomputation)` : ' (no recomputation)'}`);
  lines.push('');

  const { chosen } = layout;
  const title = layout.fixed ? 'Layout' : 'Layouts';
  lines.push(
    `${style.bold(title)} on ${formatGrouped(layout.gpus)} GPUs, ${layout.gpusPerNode} per node · batch ${formatGrouped(layout.requestedGlobalBatch)} × ${flops.seqLen} · ` +
      `${formatGrouped(layout.fittingCount)} of ${formatGrouped(layout.searchedCount)} fit`,
  );
  const head = ['t', 'p', 'd', 'ZeRO', 'recomp.', 'mb', 'mem/GPU', 'step', 'tokens/s', 'MFU', 'days'];
  const candidates = [chosen, ...layout.alternatives];
  const body = candidates.map((entry, index) => [
    index === 0 ? style.accent(String(entry.tp)) : String(entry.tp),
    String(entry.pp),
    formatGrouped(entry.dp),
    String(entry.zero),
    entry.recompute,
    String(entry.microBatch),
    entry.fits ? formatBytes(entry.memory.total) : style.warn(formatBytes(entry.memory.total)),
    `${formatNumber(entry.step.total)} s`,
    formatCount(entry.tokensPerSecond),
    `${formatNumber(entry.achievedMfu * 100)}%`,
    formatNumber(entry.days),
  ]);
  parts.push({ head, body, alignRight: [0, 1, 2, 3, 5, 6, 7, 8, 9, 10], fold: false });
  if (chosen.fits) {
    const finish = layout.finishDate && layout.startDate ? `: from ${layout.startDate} it finishes ${style.bold(layout.finishDate)}` : '';
    const step = chosen.step;
    const parts = [
      `compute ${formatNumber(step.compute - step.recompute)} s`,
      ...(step.recompute > 0 ? [`recompute ${formatNumber(step.recompute)} s`] : []),
      ...(step.bubble > 0 ? [`bubble ${formatNumber(step.bubble)} s`] : []),
      ...(step.tensorComm + step.pipelineComm + step.dataComm > 0 ? [`comm. ${formatNumber(step.tensorComm + step.pipelineComm + step.dataComm)} s`] : []),
    ];
    lines.push(`Step ${formatNumber(step.total)} s = ${parts.join(' + ')}`);
    lines.push(`${formatNumber(chosen.days)} days at this layout${finish}.`);
  } else {
    lines.push(style.warn('Nothing fits: the row above is the leanest layout (see the notes).'));
  }
  lines.push('');

  const split = memory.split;
  const memHead = ['weights', 'gradients', 'optimizer', 'activations', 'buffers', 'total', 'GPU'];
  const memBody = [[split.weights, split.gradients, split.optimizer, split.activations, split.buffers].map(formatBytes).concat([formatBytes(chosen.memory.total), formatBytes(memory.gpuMemoryBytes)])];
  lines.push(
    `${style.bold('Memory per GPU')} t${chosen.tp}·p${chosen.pp}·d${chosen.dp} · ZeRO-${memory.zeroStage} · ${memory.optimizer}, ${memory.gradDtype} gradients (${memory.modelStateBytesPerParam} B/param)`,
  );
  parts.push({ head: memHead, body: memBody, alignRight: [0, 1, 2, 3, 4, 5, 6], fold: false });
  return parts;
}
