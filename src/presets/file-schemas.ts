import * as z from 'zod';
import { ArchitectureSchema, RealModelSchema } from '../domain/architecture.js';
import { AcceleratorSchema, LossModelSchema, RuleSchema } from '../domain/presets.js';

/** The formats of the built-in preset files (`presets/*.json`): one list per file. */

export const AcceleratorFileSchema = z.strictObject({
  accelerators: z.array(AcceleratorSchema).min(1),
});

export const LossModelFileSchema = z.strictObject({
  lossModels: z.array(LossModelSchema).min(1),
});

export const RuleFileSchema = z.strictObject({
  rules: z.array(RuleSchema).min(1),
});

export const ArchitectureFileSchema = z.strictObject({
  architectures: z.array(ArchitectureSchema).min(1),
});

export const RealModelFileSchema = z.strictObject({
  models: z.array(RealModelSchema).min(1),
});
