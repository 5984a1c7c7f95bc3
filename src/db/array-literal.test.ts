import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES } from '../../test/helpers/db';
import { numberArray, textArray } from './array-literal';
import type { Database } from './database';

describe.each(ENGINES)('array literals on %s', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db?.close());

  it('round-trips any text without NUL, and nulls, through text[]', async () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 20 }).filter((s) => !s.includes('\u0000'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(text), { maxLength: 20 }), async (values) => {
        const [row] = await db.queryOwner<{ v: (string | null)[] }>('select $1::text[] as v', [
          textArray(values),
        ]);
        expect(row.v).toEqual(values);
      }),
      { numRuns: 100 },
    );
  });

  it('round-trips safe integers and nulls through bigint[]', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(fc.maxSafeInteger()), { maxLength: 20 }), async (values) => {
        const [row] = await db.queryOwner<{ v: string }>('select array_to_json($1::bigint[])::text as v', [
          numberArray(values),
        ]);
        expect(JSON.parse(row.v)).toEqual(values);
      }),
      { numRuns: 50 },
    );
  });

  it('refuses what is not a finite number', () => {
    expect(() => numberArray([1, Number.NaN])).toThrow(/finite/);
  });
});
