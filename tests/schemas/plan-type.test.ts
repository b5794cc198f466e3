import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { PlanDocument } from '../../src/core/plan-document.js';
import type { PlanDocumentSchema } from '../../src/domain/schemas/plan.js';

/** Readonly-ness is not part of the wire format; compare the shapes without it. */
type Mutable<T> = T extends ReadonlyArray<infer Item> ? Array<Mutable<Item>> : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;

type Written = Mutable<PlanDocument>;
type Inferred = Mutable<z.infer<typeof PlanDocumentSchema>>;

describe('PlanDocument and PlanDocumentSchema', () => {
  // A field added to PlanDocument (or to the schema) without the other fails to type-check here.
  it('describe the same document, both ways', () => {
    expectTypeOf<Written>().toExtend<Inferred>();
    expectTypeOf<Inferred>().toExtend<Written>();
    expectTypeOf<keyof Written>().toEqualTypeOf<keyof Inferred>();
    expectTypeOf<keyof Written['input']>().toEqualTypeOf<keyof Inferred['input']>();
    expectTypeOf<keyof NonNullable<Written['hardware']>>().toEqualTypeOf<keyof NonNullable<Inferred['hardware']>>();
    expectTypeOf<keyof Written['compute']>().toEqualTypeOf<keyof Inferred['compute']>();
    expectTypeOf<keyof Written['plans'][number]>().toEqualTypeOf<keyof Inferred['plans'][number]>();
  });
});
