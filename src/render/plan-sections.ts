import { formatCount, formatGrouped, formatHours, formatNumber, formatScientific } from '../core/format.js';
import { formatBytes } from '../core/format-bytes.js';
import type { PlanDocument, RulePlan } from '../core/plan-document.js';
import { renderSectionBlock, type SectionBlock, type SectionPart } from './section-block.js';
import { clusterSectionBlocks } from './plan-cluster.js';
import type { Style } from './style.js';
import { wrapJoined, wrapText } from './wrap.js';


type Section = (plan: PlanDocument, style: Style, width: number) => SectionBlock | undefined;

/**
 * The sections of a plan: the cluster blocks (against the optimum, architecture, layouts, memory
 * split) and the tables of issue 6 (time, cost, memory, shape, hyperparameters, limited data,
 * inference), each present only when some row has it. Text is wrapped to `width` and styled with
 * `style`; table headers are left unstyled for the format to style.
 */
export function planSectionBlocks(plan: PlanDocument, style: Style, width = Infinity): SectionBlock[] {
  const sections: Section[] = [renderTime, renderCost, renderMemory, renderShape, renderHyperparams, renderDataConstrained, renderInference];
  const blocks = sections.map((section) => section(plan, style, width)).filter((block): block is SectionBlock => block !== undefined);
  return [...clusterSectionBlocks(plan, style), ...blocks];
}

/** The sections as terminal text: blocks separated by blank lines, or '' when there is none. */
export function renderPlanSections(plan: PlanDocument, style: Style, width = Infinity): string {
  return planSectionBlocks(plan, style, width)
    .map((block) => renderSectionBlock(block, style, width))
    .join('\n\n');
}

const text = (line: string): SectionPart => ({ text: line });
const lines = (many: readonly string[]): SectionPart[] => many.map(text);

function rowsWith<K extends keyof RulePlan>(plan: PlanDocument, key: K): Array<RulePlan & Required<Pick<RulePlan, K>>> {
  return plan.plans.filter((row): row is RulePlan & Required<Pick<RulePlan, K>> => row[key] !== undefined);
}

function renderTime(plan: PlanDocument, style: Style, width: number): SectionBlock | undefined {
  const rows = rowsWith(plan, 'time');
  const first = rows[0]?.time;
  if (!first) return undefined;
  const withGpus = first.gpus !== undefined;
  const withDeadline = first.targetDays !== undefined;
  const head = ['rule', 'GPU-hours', ...(withGpus ? ['GPUs', 'wall clock'] : []), ...(withDeadline ? [`GPUs for ${first.targetDays} days`] : [])];
  const body = rows.map(({ rule, time }) => [
    style.accent(rule),
    formatGrouped(time.gpuHours),
    ...(withGpus ? [formatGrouped(time.gpus ?? 0), formatHours(time.wallClockHours ?? 0)] : []),
    ...(withDeadline ? [formatGrouped(time.gpusForTargetDays ?? 0)] : []),
  ]);
  const title = plan.plans.some((row) => row.layout !== undefined) ? `${style.bold('Time')} ${style.dim('· 6·N·D at the MFU, no overheads (the layout adds them)')}` : style.bold('Time');
  return [text(title), { head, body, alignRight: head.map((_, index) => index).slice(1) }];
}

function renderCost(plan: PlanDocument, style: Style, width: number): SectionBlock | undefined {
  const rows = rowsWith(plan, 'cost');
  if (rows.length === 0) return undefined;
  const head = ['rule', 'GPU-hours', 'USD/GPU-hour', 'cost'];
  const body = rows.map(({ rule, cost }) => [style.accent(rule), formatGrouped(cost.gpuHours), `$${formatNumber(cost.pricePerGpuHour)}`, `$${formatGrouped(cost.usd)}`]);
  return [text(style.bold('Cost')), { head, body, alignRight: [1, 2, 3] }];
}

function renderMemory(plan: PlanDocument, style: Style, width: number): SectionBlock | undefined {
  // With a layout (every memory estimate since issue 12) the cluster block shows memory per GPU.
  if (plan.plans.some((row) => row.layout !== undefined)) return undefined;
  const rows = rowsWith(plan, 'memory');
  const first = rows[0]?.memory;
  if (!first) return undefined;
  const title = wrapJoined(
    [
      style.bold('Memory per GPU'),
      `ZeRO-${first.zeroStage} over ${formatGrouped(first.gpus)} GPU${first.gpus === 1 ? '' : 's'}`,
      `${first.precision} ${first.optimizer} (${first.modelStateBytesPerParam} B/param)`,
      `seq ${first.seqLen} × micro-batch ${first.microBatch}`,
      `${first.recompute} recomputation`,
    ],
    ' · ',
    width,
  );
  const head = ['rule', 'layers × d_model', 'model states', 'activations', 'total', 'GPU memory', 'fits', 'min GPUs (states)'];
  const body = rows.map(({ rule, memory }) => [
    style.accent(rule),
    `${memory.assumedShape.nLayers} × ${memory.assumedShape.dModel}`,
    formatBytes(memory.modelStateBytesPerGpu),
    formatBytes(memory.activationBytesPerGpu),
    formatBytes(memory.totalBytesPerGpu),
    formatBytes(memory.gpuMemoryBytes),
    memory.fits ? 'yes' : style.warn('no'),
    memory.minGpusForModelStates === null ? '—' : formatGrouped(memory.minGpusForModelStates),
  ]);
  return [...lines(title), { head, body, alignRight: [1, 2, 3, 4, 5, 7] }];
}

function renderShape(plan: PlanDocument, style: Style, width: number): SectionBlock | undefined {
  const rows = rowsWith(plan, 'shape');
  if (rows.length === 0) return undefined;
  const head = ['rule', 'layers', 'd_model', 'heads', 'FFN (SwiGLU)', 'parameters', 'vs plan', 'd_model/layers'];
  const body = rows.map(({ rule, shape }) => [
    style.accent(rule),
    String(shape.nLayers),
    String(shape.dModel),
    `${shape.nHeads} × ${shape.headDim}`,
    String(shape.ffnDim),
    formatCount(shape.params),
    `${shape.paramsRelativeError >= 0 ? '+' : ''}${(shape.paramsRelativeError * 100).toFixed(1)}%`,
    formatNumber(shape.aspectRatio),
  ]);
  // The vocabulary is an input (--vocab), the same for every row: it is told once, under the table.
  const vocab = [...new Set(rows.map(({ shape }) => formatGrouped(shape.vocabSize)))].join(', ');
  const legend = wrapText(
    `Llama-2 block: attention 4d², SwiGLU 3·d·ffn, RMSNorm; untied input and output embeddings (2·vocab·d); vocabulary ${vocab}.`,
    width,
  ).map(style.dim);
  return [text(style.bold('Shape')), { head, body, alignRight: [1, 2, 4, 5, 6, 7] }, ...lines(legend)];
}

function renderHyperparams(plan: PlanDocument, style: Style, width: number): SectionBlock | undefined {
  const rows = rowsWith(plan, 'hyperparams');
  if (rows.length === 0) return undefined;
  const head = ['rule', 'batch (tokens)', 'batch (sequences)', 'peak learning rate'];
  const body = rows.map(({ rule, hyperparams }) => [
    style.accent(rule),
    formatCount(hyperparams.batchTokens),
    `${formatGrouped(hyperparams.batchSequences)} × ${hyperparams.seqLen}`,
    formatScientific(hyperparams.peakLearningRate),
  ]);
  return [text(`${style.bold('Hyperparameters')} ${style.dim("(DeepSeek LLM's fit, arXiv:2401.02954)")}`), { head, body, alignRight: [1, 2, 3] }];
}

function renderDataConstrained(plan: PlanDocument, style: Style, width: number): SectionBlock | undefined {
  const rows = rowsWith(plan, 'dataConstrained');
  const first = rows[0]?.dataConstrained;
  if (!first) return undefined;
  const head = ['rule', '', 'parameters', 'tokens', 'epochs', "effective D'", "effective N'", 'loss'];
  const body = rows.flatMap(({ rule, dataConstrained: section }) =>
    [
      ['plan', section],
      ['optimum', section.optimal],
    ].map(([label, run]) => {
      const value = run as typeof section.optimal;
      return [
        label === 'plan' ? style.accent(rule) : '',
        String(label),
        formatCount(value.params),
        formatCount(value.tokens),
        formatNumber(value.epochs),
        formatCount(value.effectiveTokens),
        formatCount(value.effectiveParams),
        `${value.loss.toFixed(3)}`,
      ];
    }),
  );
  const footer = rows.map(
    ({ rule, dataConstrained: section }) =>
      `${rows.length > 1 ? `${rule}: ` : ''}loss floor with these tokens ${section.lossFloor.toFixed(3)}; 10× compute lowers the best loss by ${section.lossGainPer10xCompute.toFixed(4)}` +
      (section.moreComputeHelps ? '' : ' (more compute no longer helps)'),
  );
  const title = wrapJoined([style.bold('Limited data'), `${formatCount(first.uniqueTokens)} unique tokens`, `Muennighoff et al. 2023, scored by ${first.lossModel}`], ' · ', width);
  return [...lines(title), { head, body, alignRight: [2, 3, 4, 5, 6] }, ...lines(footer.flatMap((line) => wrapText(line, width)).map(style.dim))];
}

function renderInference(plan: PlanDocument, style: Style, width: number): SectionBlock | undefined {
  const rows = rowsWith(plan, 'inference');
  const first = rows[0]?.inference;
  if (!first) return undefined;
  // The rule's row is its plan; the indented row under it is the inference-optimal model.
  const head = ['rule', 'parameters', 'training tokens', 'training FLOPs', 'lifetime FLOPs', 'saving', 'loss (both)'];
  const body = rows.flatMap(({ rule, inference }) => [
    [style.accent(rule), formatCount(inference.baseline.params), formatCount(inference.baseline.trainingTokens), formatScientific(inference.baseline.trainingFlops), formatScientific(inference.baseline.lifetimeFlops), '', inference.loss.toFixed(3)],
    ['  inference-optimal', formatCount(inference.params), formatCount(inference.trainingTokens), formatScientific(inference.trainingFlops), formatScientific(inference.lifetimeFlops), `${(inference.lifetimeSavingFraction * 100).toFixed(1)}%`, ''],
  ]);
  const title = wrapJoined([style.bold('Inference demand'), `${formatCount(first.inferenceTokens)} tokens served`, `scored by ${first.lossModel}`, 'Sardana et al. 2023'], ' · ', width);
  return [...lines(title), { head, body, alignRight: [1, 2, 3, 4, 5, 6] }];
}
