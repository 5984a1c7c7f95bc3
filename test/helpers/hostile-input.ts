import fc from 'fast-check';
import { z } from 'zod';

/**
 * Arbitraries for property tests of the HTTP surface: values no client should get stored
 * (NUL, lone surrogates, denormal or out-of-range numbers, dates outside any sane calendar,
 * crafted paging cursors), and requests shaped by a route's own zod schema with one field
 * replaced by such a value, so the input passes most of validation and reaches the database.
 */

/** Any UTF-16 code unit, lone surrogates and NUL included. */
const codeUnit = fc.nat(0xffff).map((n) => String.fromCharCode(n));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    '\udc00\ud800',
    'tail \ud83d',
    '\uffff\ufffe',
    '\u202e\u200b',
    ' ',
    '',
    'x'.repeat(300),
  ),
  fc.string({ unit: codeUnit, maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);

/** Numbers JSON can carry that a column may not hold: denormals, ±0, past int4/int8/safe-integer bounds. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    5e-324,
    -5e-324,
    2.2250738585072014e-308,
    1e-300,
    1e-45,
    -0,
    1e-7,
    0.5,
    1e308,
    -1e308,
    3.5e38,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53,
    2 ** 63,
    -(2 ** 63),
    Number.MAX_SAFE_INTEGER,
    Number.MIN_SAFE_INTEGER,
    Number.MAX_VALUE,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Dates as ISO text: year 0000, negative and five-digit years, the edges of the calendar. */
export const hostileDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '0000-01-01T00:00:00Z',
    '0000-01-01',
    '0000-12-31T23:59:59+14:00',
    '0001-01-01T00:00:00Z',
    '0999-12-31T23:59:59Z',
    '0999-12-31',
    '1000-01-01T00:00:00+01:00',
    '1000-01-01',
    '1582-10-10',
    '1899-12-31T23:59:59Z',
    '1969-12-31T23:59:59.999Z',
    '9999-12-31T23:59:59-14:00',
    '9999-12-31T23:59:59.999999999Z',
    '9999-12-31',
    '-000001-01-01T00:00:00Z',
    '+010000-01-01T00:00:00Z',
    '10000-01-01',
    '2026-02-29',
    '2024-02-29T24:00:00Z',
  ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc
    .tuple(fc.nat(12_000), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.boolean())
    .map(([y, m, d, time]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}${time ? 'T12:00:00Z' : ''}`),
);

/** Objects whose keys are the hostile part: NUL and lone surrogates in attribute names, answer ids… */
export const hostileKeys: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.constantFrom<Record<string, unknown>>(
    { '\u0000': 1 },
    { 'a\u0000b': 'x' },
    { '\ud800': 'x' },
    { ok: 'x', 'bad\udfff': 1 },
    JSON.parse('{"__proto__": {"x": 1}}'),
  ),
  fc.dictionary(fc.string({ unit: codeUnit, minLength: 1, maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), {
    minKeys: 1,
    maxKeys: 3,
  }),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 4 },
  { arbitrary: hostileNumber, weight: 3 },
  { arbitrary: hostileDate, weight: 3 },
  { arbitrary: hostileKeys, weight: 1 },
  { arbitrary: fc.constantFrom<unknown>(null, true, [], {}, [null], ['\u0000']), weight: 1 },
);

const encodeCursor = (position: unknown) => Buffer.from(JSON.stringify(position)).toString('base64url');

/** Paging cursors no server issued: bad base64, wrong shapes and types, huge numbers, NUL, odd dates. */
export const hostileCursor: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'not a cursor',
    '!!!!',
    '%%%',
    'e30',
    encodeCursor({ a: 1 }),
    encodeCursor([]),
    encodeCursor([null]),
    encodeCursor([null, null, null]),
    encodeCursor([1e308, 'x']),
    // [9007199254740993, uuid]: past the safe integers, written as text since no double holds it
    'WzkwMDcxOTkyNTQ3NDA5OTMsIjAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMCJd',
    encodeCursor([5e-324, '00000000-0000-4000-8000-000000000000']),
    encodeCursor(['\u0000']),
    encodeCursor(['\ud800', '\ud800', '\ud800']),
    encodeCursor(['0000-01-01T00:00:00Z', '00000000-0000-4000-8000-000000000000']),
    encodeCursor(['+275760-09-13T00:00:00.000Z', '00000000-0000-4000-8000-000000000000']),
    encodeCursor(['2026-01-01T00:00:00Z', 'not-a-uuid']),
    encodeCursor(['2026-01-01T00:00:00Z', 'event', 'x\u0000']),
    encodeCursor(['2026-01-01', '9999-99-99']),
    encodeCursor(['USD', '0000-01-01']),
    encodeCursor([{}, []]),
    encodeCursor('["a"]'),
  ),
  fc
    .array(fc.oneof(hostileString, hostileNumber, hostileDate, fc.uuid(), fc.constant(null)), {
      maxLength: 4,
    })
    .map(encodeCursor),
  fc.string({ unit: codeUnit, maxLength: 40 }),
);

type JsonSchema = { [key: string]: any };

/** The JSON Schema of a route's zod schema, as a client sees it (the input side of transforms). */
export function jsonSchemaOf(schema: unknown): JsonSchema | undefined {
  if (!(schema instanceof z.ZodType)) return undefined;
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

const word = fc.stringMatching(/^[a-z]{1,8}$/);
const recent = fc.date({
  min: new Date('2020-01-01T00:00:00Z'),
  max: new Date('2026-03-01T00:00:00Z'),
  noInvalidDate: true,
});

function stringOf(s: JsonSchema): fc.Arbitrary<string> {
  if (s.format === 'uuid') return fc.uuid({ version: 4 });
  if (s.format === 'email') return fc.tuple(word, word).map(([a, b]) => `${a}@${b}.example`);
  if (s.format === 'date-time') return recent.map((d) => d.toISOString());
  if (s.format === 'date') return recent.map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'uri') return word.map((w) => `https://hooks.example/${w}`);
  const minLength = s.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(s.maxLength ?? 20, 20));
  if (typeof s.pattern === 'string') {
    try {
      return fc
        .stringMatching(new RegExp(s.pattern))
        .filter((v) => v.length >= minLength && v.length <= (s.maxLength ?? Number.POSITIVE_INFINITY));
    } catch {
      // a pattern fast-check cannot generate from: plain text below
    }
  }
  return fc.string({ minLength, maxLength });
}

function numberOf(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const low = s.minimum ?? s.exclusiveMinimum ?? (integer ? 0 : -1000);
  const high = s.maximum ?? s.exclusiveMaximum ?? Math.max(low, 0) + 1000;
  if (integer) {
    const min = Math.ceil(s.exclusiveMinimum !== undefined ? low + 1 : low);
    const max = Math.floor(s.exclusiveMaximum !== undefined ? high - 1 : high);
    return fc.integer({ min: Math.max(min, -1e9), max: Math.max(Math.min(max, 1e9), Math.max(min, -1e9)) });
  }
  return fc.double({
    min: Math.max(low, -1e9),
    max: Math.min(high, 1e9),
    minExcluded: s.exclusiveMinimum !== undefined,
    maxExcluded: s.exclusiveMaximum !== undefined,
    noNaN: true,
    noDefaultInfinity: true,
  });
}

/** Values valid for the JSON Schema's structure and bounds (refinements aside). */
export function arbitraryOf(s: JsonSchema | boolean | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || s === true || depth > 8) return fc.jsonValue({ maxDepth: 1 });
  if (s.const !== undefined) return fc.constant(s.const);
  if (Array.isArray(s.examples) && s.examples.length) {
    const { examples, ...rest } = s;
    return fc.oneof({ arbitrary: fc.constantFrom(...examples), weight: 8 }, arbitraryOf(rest, depth));
  }
  if (Array.isArray(s.enum)) return fc.constantFrom(...s.enum);
  const choices = s.anyOf ?? s.oneOf;
  if (Array.isArray(choices)) return fc.oneof(...choices.map((c: JsonSchema) => arbitraryOf(c, depth + 1)));
  if (Array.isArray(s.allOf)) return arbitraryOf(Object.assign({}, ...s.allOf), depth + 1);
  if (Array.isArray(s.type))
    return fc.oneof(...s.type.map((type: string) => arbitraryOf({ ...s, type }, depth)));
  switch (s.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return numberOf(s, true);
    case 'number':
      return numberOf(s, false);
    case 'string':
      return stringOf(s);
    case 'array': {
      if (Array.isArray(s.prefixItems)) {
        return fc.tuple(...s.prefixItems.map((item: JsonSchema) => arbitraryOf(item, depth + 1)));
      }
      const minLength = s.minItems ?? 0;
      return fc.array(arbitraryOf(s.items, depth + 1), {
        minLength,
        maxLength: Math.max(minLength, Math.min(s.maxItems ?? 3, 3)),
      });
    }
    case 'object': {
      if (s.properties) {
        const shape = Object.fromEntries(
          Object.entries(s.properties).map(([k, v]) => [k, arbitraryOf(v as JsonSchema, depth + 1)]),
        );
        return fc.record(shape, { requiredKeys: s.required ?? [] });
      }
      const keys = s.propertyNames ? stringOf(s.propertyNames) : word;
      return fc.dictionary(keys, arbitraryOf(s.additionalProperties, depth + 1), { maxKeys: 3 });
    }
  }
  return fc.jsonValue({ maxDepth: 1 });
}

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push([...prefix, i]);
      pathsOf(v, [...prefix, i], out);
    });
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push([...prefix, k]);
      pathsOf(v, [...prefix, k], out);
    }
  }
  return out;
}

function objectsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (value && typeof value === 'object') {
    if (!Array.isArray(value)) out.push(prefix);
    for (const [k, v] of Object.entries(value))
      objectsOf(v, [...prefix, Array.isArray(value) ? Number(k) : k], out);
  }
  return out;
}

const at = (value: any, path: Path) => path.reduce((v, k) => v?.[k], value);

export type Mutation = { pick: number; hostile: unknown; cursor: string; key: string; asKey: boolean };

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  hostile: hostileValue,
  cursor: hostileCursor,
  key: hostileString.filter((k) => k !== '__proto__'),
  asKey: fc.nat(3).map((n) => n === 0),
});

/**
 * `value` with one field replaced by a hostile value (a field named cursor gets a crafted
 * cursor), or one object's key replaced by a hostile key.
 */
export function mutate(value: unknown, m: Mutation): unknown {
  const copy = structuredClone(value);
  if (m.asKey) {
    const objects = objectsOf(copy);
    if (objects.length) {
      const target = at(copy, objects[m.pick % objects.length]);
      const keys = Object.keys(target);
      const renamed = keys.length ? keys[m.pick % keys.length] : undefined;
      const moved = renamed === undefined ? m.hostile : target[renamed];
      if (renamed !== undefined) delete target[renamed];
      target[m.key] = moved;
      return copy;
    }
  }
  const paths = pathsOf(copy);
  if (!paths.length) return m.hostile;
  const path = paths[m.pick % paths.length];
  const field = path[path.length - 1];
  at(copy, path.slice(0, -1))[field] = field === 'cursor' ? m.cursor : m.hostile;
  return copy;
}
