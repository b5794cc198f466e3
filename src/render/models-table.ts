import { formatCount, formatNumber, formatScientific } from '../core/format.js';
import type { ModelsDocument } from '../core/real-runs.js';
import { renderGrid } from './grid.js';
import type { Style } from './style.js';
import { renderNotes } from './wrap.js';

/**
 * `llm-plan models`: one row per real run: N, D, compute, tokens per parameter, then N/N_opt under
 * each rule (headers fold to the width). Ratios far from 1 (beyond ×2 either way) are bold.
 */
export function renderModelsTable(document: ModelsDocument, style: Style, width = Infinity): string {
  const rules = document.models[0]?.rules.map((entry) => entry.rule) ?? [];
  const head = ['model', 'N', 'D', 'C', 'D/N', ...rules.map((rule) => `N/opt ${rule}`)].map(style.bold);
  const rows = document.models.map((model) => [
    style.accent(model.id),
    formatCount(model.params),
    formatCount(model.tokens),
    `${formatScientific(model.flops, 2)}${model.flopsBasis === 'paper' ? '*' : ' '}`,
    formatNumber(model.tokensPerParam),
    ...model.rules.map((entry) => {
      const text = formatNumber(entry.paramsRatio, 2);
      return entry.paramsRatio > 2 || entry.paramsRatio < 0.5 ? style.bold(text) : text;
    }),
  ]);
  const alignRight = head.map((_, index) => index).slice(1);
  return `${[renderGrid(head, rows, { alignRight, maxWidth: width }), '', ...renderNotes(document.notes, width, style.dim)].join('\n')}\n`;
}
