/**
 * Every screen a person sees: each command, each plan section, each command's --help and a few errors.
 * The pseudo-terminal test runs each one with colour and without, and keeps a golden file per case.
 */
export interface ScreenCase {
  /** File name of the golden file (tests/terminal/golden/<name>.txt). */
  readonly name: string;
  readonly args: readonly string[];
  /** Also run at 120 columns: screens whose layout depends on the width (plots, wide tables). */
  readonly wide?: boolean;
  /** May be wider than the terminal: `--wide` lists, and error lines (one line each, by contract). */
  readonly overflows?: boolean;
}

const HELP_COMMANDS = ['plan', 'gpus', 'rules', 'models', 'sweep', 'check', 'plot', 'schema', 'completion', 'fit'] as const;

export const SCREEN_CASES: readonly ScreenCase[] = [
  { name: 'plan', args: ['--budget', '5000gpuh', '--gpu', 'v100'] },
  { name: 'plan-rule-all', args: ['--budget', '2e23flops', '--rule', 'all'] },
  { name: 'plan-range', args: ['--budget', '5000gpuh', '--gpu', 'v100', '--range'] },
  { name: 'plan-loss-all', args: ['--budget', '5000gpuh', '--gpu', 'v100', '--loss', 'all', '--rule', 'all'] },
  {
    name: 'plan-every-section',
    args: ['--budget', '50000gpuh', '--gpu', 'a100', '--gpus', '256', '--price', '1.8', '--shape', '--hyperparams', '--unique-tokens', '300B', '--inference-tokens', '2T', '--rule', 'all', '--start', '2026-12-01'],
    wide: true,
  },
  { name: 'plan-days', args: ['--budget', '50000gpuh', '--gpu', 'a100', '--days', '14', '--start', '2026-12-01'] },
  { name: 'plan-booking', args: ['--gpu', 'h100', '--gpus', '256', '--days', '21', '--start', '2026-12-01'] },
  { name: 'plan-model-gopher', args: ['--model', 'gopher'] },
  { name: 'plan-run-layout', args: ['--params', '7B', '--tokens', '2T', '--gpu', 'h100', '--gpus', '64', '--arch', 'llama-2-7b', '--layout', 'tp=2,pp=1', '--start', '2026-12-01'] },
  { name: 'plan-no-fit', args: ['--arch', 'llama-2-70b', '--params', '69B', '--tokens', '2T', '--gpu', 'h100', '--gpus', '8', '--start', '2026-12-01'] },
  { name: 'plan-params-shape', args: ['--params', '7e9', '--shape', '--hyperparams'] },
  { name: 'plan-target-loss', args: ['--target-loss', '2.0', '--gpu', 'a100'] },
  { name: 'plan-markdown', args: ['--budget', '1e23flops', '--format', 'markdown'], overflows: true },
  { name: 'sweep', args: ['sweep', '--budget', '1e3gpuh..1e6gpuh', '--steps', '4', '--gpu', 'h100', '--rule', 'all'], wide: true },
  { name: 'check', args: ['check', 'tests/fixtures/check/plans.yaml'] },
  { name: 'fit', args: ['fit', 'tests/fixtures/chinchilla-figure4-points.csv', '--budgets', '1e22flops,1e24flops'] },
  { name: 'gpus', args: ['gpus'], wide: true },
  { name: 'gpus-wide', args: ['gpus', '--wide'], overflows: true },
  { name: 'rules-wide', args: ['rules', '--wide'], overflows: true },
  { name: 'rules', args: ['rules'], wide: true },
  { name: 'models', args: ['models'], wide: true },
  { name: 'plot-models', args: ['plot', '--models'], wide: true },
  { name: 'plot', args: ['plot', '--budget', '5000gpuh', '--gpu', 'v100'], wide: true },
  { name: 'plot-budgets', args: ['plot', '--budget', '1e21flops,1e22flops,1e23flops'], wide: true },
  { name: 'plot-frontier', args: ['plot', '--budget', '1e21flops..1e25flops', '--frontier'], wide: true },
  { name: 'error-budget-unit', args: ['--budget', '5000'], overflows: true },
  { name: 'error-unknown-gpu', args: ['--budget', '5000gpuh', '--gpu', 'v1000'], overflows: true },
  { name: 'bare', args: [] },
  { name: 'plan-explicit', args: ['plan', '--budget', '1e22flops'] },
  { name: 'help-command', args: ['help', 'check'] },
  { name: 'help', args: ['--help'] },
  ...HELP_COMMANDS.map((command) => ({ name: `help-${command}`, args: [command, '--help'] })),
];
