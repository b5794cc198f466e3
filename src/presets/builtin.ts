import acceleratorFile from '../../presets/accelerators.json' with { type: 'json' };
import lossModelFile from '../../presets/loss-models.json' with { type: 'json' };
import ruleFile from '../../presets/rules.json' with { type: 'json' };
import type { Accelerator, LossModel, Rule } from '../domain/presets.js';

/**
 * The built-in presets as typed data. They are validated against `file-schemas.ts` by the test suite
 * (tests/presets.test.ts), which is what makes these casts safe; validating them here would load
 * zod (~110 ms) on every run for files that cannot change after the build.
 */
export const BUILTIN_ACCELERATORS = acceleratorFile.accelerators as Accelerator[];
export const BUILTIN_LOSS_MODELS = lossModelFile.lossModels as LossModel[];
export const BUILTIN_RULES = ruleFile.rules as Rule[];
