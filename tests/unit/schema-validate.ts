/**
 * The subset of JSON Schema that Chrome accepts for `storage.managed_schema`, checked the way
 * Chrome checks it (components/policy/core/common/schema.cc): which attributes each type may
 * carry, that every schema has a `type` or a `$ref`, and the extra rules of the top-level schema.
 * Chrome refuses to load an extension whose schema breaks these rules, so the test runs this on
 * assets/managed_schema.json; `validateValue` then checks policies (docs/examples) against it.
 *
 * Both return problems as "path: reason"; an empty list means no problem.
 */

export type JsonSchema = Record<string, unknown>;

/** Attributes Chrome knows, per `type` (and for a `$ref` schema), with the JSON type each takes. */
const ATTRIBUTES: Record<string, Record<string, 'string' | 'number' | 'boolean' | 'object' | 'array'>> = {
  array: { description: 'string', id: 'string', items: 'object', sensitiveValue: 'boolean', title: 'string', type: 'string' },
  boolean: { description: 'string', id: 'string', sensitiveValue: 'boolean', title: 'string', type: 'string' },
  integer: { description: 'string', enum: 'array', id: 'string', maximum: 'number', minimum: 'number', sensitiveValue: 'boolean', title: 'string', type: 'string' },
  number: { description: 'string', id: 'string', sensitiveValue: 'boolean', title: 'string', type: 'string' },
  object: {
    additionalProperties: 'object',
    description: 'string',
    id: 'string',
    patternProperties: 'object',
    properties: 'object',
    required: 'array',
    sensitiveValue: 'boolean',
    title: 'string',
    type: 'string',
  },
  string: { description: 'string', enum: 'array', id: 'string', pattern: 'string', sensitiveValue: 'boolean', title: 'string', type: 'string' },
  $ref: { $ref: 'string', description: 'string', title: 'string' },
};

export const SCHEMA_TYPES = ['array', 'boolean', 'integer', 'number', 'object', 'string'] as const;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function jsonTypeOf(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  return typeof v;
}

const at = (path: string, key: string) => (path ? `${path}.${key}` : key);
const shown = (path: string) => path || '(schema)';

/**
 * A regular expression Chrome (RE2) and this test (JavaScript) read alike: no look-around and no
 * back-references, which RE2 rejects.
 */
function patternProblem(pattern: string): string | undefined {
  if (/\(\?[=!<]/.test(pattern)) return 'look-around is not supported by Chrome (RE2)';
  if (/\\[1-9]/.test(pattern)) return 'back-references are not supported by Chrome (RE2)';
  try {
    new RegExp(pattern, 'u');
  } catch (e) {
    return `invalid regular expression: ${(e as Error).message}`;
  }
  return undefined;
}

/** Problems that would make Chrome reject the schema (and with it the extension). */
export function checkChromeSchema(schema: unknown): string[] {
  const problems: string[] = [];
  if (!isObj(schema)) return ['(schema): must be an object'];
  if (schema.type !== 'object') problems.push('(schema): the top-level schema must have type "object"');
  for (const key of ['additionalProperties', 'patternProperties', '$ref']) {
    if (key in schema) problems.push(`(schema): "${key}" is not allowed in the top-level schema`);
  }
  checkNode(schema, '', problems);
  const ids = new Set<string>();
  collectIds(schema, ids, '', problems);
  collectRefs(schema, '', (ref, path) => {
    if (!ids.has(ref)) problems.push(`${shown(path)}: $ref "${ref}" names no schema id`);
  });
  return problems;
}

function checkNode(node: unknown, path: string, problems: string[]): void {
  if (!isObj(node)) {
    problems.push(`${shown(path)}: a schema must be an object`);
    return;
  }
  const kind = '$ref' in node ? '$ref' : node.type;
  if (kind === undefined) {
    problems.push(`${shown(path)}: each schema must have a "type" or a "$ref"`);
    return;
  }
  if (typeof kind !== 'string' || !(kind in ATTRIBUTES)) {
    problems.push(`${shown(path)}: unknown type ${JSON.stringify(kind)}`);
    return;
  }
  const allowed = ATTRIBUTES[kind]!;
  for (const [attr, value] of Object.entries(node)) {
    const expected = allowed[attr];
    if (!expected) {
      problems.push(`${shown(path)}: attribute "${attr}" is not supported for ${kind === '$ref' ? 'a $ref schema' : `type "${kind}"`}`);
      continue;
    }
    const actual = jsonTypeOf(value);
    if (actual !== expected) problems.push(`${shown(path)}: attribute "${attr}" must be ${expected === 'object' ? 'an object' : `a ${expected}`}, not ${actual}`);
  }
  if (kind === '$ref') return;

  if ('enum' in node) {
    const list = node.enum;
    if (!Array.isArray(list) || list.length === 0) problems.push(`${shown(path)}: "enum" must be a non-empty list`);
    else if (list.some((v) => (kind === 'integer' ? !Number.isInteger(v) : typeof v !== 'string'))) problems.push(`${shown(path)}: "enum" values must all be of type ${kind}`);
    else if (new Set(list).size !== list.length) problems.push(`${shown(path)}: "enum" lists a value twice`);
  }
  if (typeof node.minimum === 'number' && typeof node.maximum === 'number' && node.minimum > node.maximum) {
    problems.push(`${shown(path)}: minimum ${node.minimum} is above maximum ${node.maximum}`);
  }
  if (typeof node.pattern === 'string') {
    const why = patternProblem(node.pattern);
    if (why) problems.push(`${shown(path)}: pattern: ${why}`);
  }
  if (kind === 'array') {
    if (!isObj(node.items)) problems.push(`${shown(path)}: an array schema needs an "items" schema`);
    else checkNode(node.items, `${path}[]`, problems);
  }
  if (kind === 'object') {
    if (isObj(node.properties)) for (const [name, sub] of Object.entries(node.properties)) checkNode(sub, at(path, name), problems);
    if (isObj(node.patternProperties)) {
      for (const [pattern, sub] of Object.entries(node.patternProperties)) {
        const why = patternProblem(pattern);
        if (why) problems.push(`${shown(path)}: patternProperties /${pattern}/: ${why}`);
        checkNode(sub, at(path, `/${pattern}/`), problems);
      }
    }
    if (isObj(node.additionalProperties)) checkNode(node.additionalProperties, at(path, '*'), problems);
    if (Array.isArray(node.required)) {
      const props = isObj(node.properties) ? node.properties : {};
      for (const name of node.required) if (typeof name !== 'string' || !(name in props)) problems.push(`${shown(path)}: "required" names ${JSON.stringify(name)}, which is not a property`);
    }
  }
}

/** Every sub-schema with the path it sits at (the top-level schema first, at ''). */
export function* subSchemas(node: unknown, path = ''): Generator<[string, JsonSchema]> {
  if (!isObj(node)) return;
  yield [path, node];
  if (isObj(node.items)) yield* subSchemas(node.items, `${path}[]`);
  if (isObj(node.properties)) for (const [name, sub] of Object.entries(node.properties)) yield* subSchemas(sub, at(path, name));
  if (isObj(node.patternProperties)) for (const [p, sub] of Object.entries(node.patternProperties)) yield* subSchemas(sub, at(path, `/${p}/`));
  if (isObj(node.additionalProperties)) yield* subSchemas(node.additionalProperties, at(path, '*'));
}

function collectIds(node: unknown, ids: Set<string>, path: string, problems: string[]): void {
  for (const [p, sub] of subSchemas(node, path)) {
    if (typeof sub.id !== 'string') continue;
    if (ids.has(sub.id)) problems.push(`${shown(p)}: id "${sub.id}" is used twice`);
    ids.add(sub.id);
  }
}

function collectRefs(node: unknown, path: string, visit: (ref: string, path: string) => void): void {
  for (const [p, sub] of subSchemas(node, path)) if (typeof sub.$ref === 'string') visit(sub.$ref, p);
}

function idMap(root: JsonSchema): Map<string, JsonSchema> {
  const map = new Map<string, JsonSchema>();
  for (const [, sub] of subSchemas(root)) if (typeof sub.id === 'string') map.set(sub.id, sub);
  return map;
}

/**
 * Problems of `value` against `schema`, as Chrome validates a policy: wrong types, values outside
 * an enum, a range or a pattern (partial match, as RE2's PartialMatch), and properties the
 * schema does not declare (unknown unless `patternProperties` or `additionalProperties` take them).
 */
export function validateValue(schema: JsonSchema, value: unknown, path = ''): string[] {
  const problems: string[] = [];
  walk(schema, value, path, problems, idMap(schema));
  return problems;
}

function walk(schema: JsonSchema, value: unknown, path: string, problems: string[], ids: Map<string, JsonSchema>): void {
  const where = path || '(policy)';
  if (typeof schema.$ref === 'string') {
    const target = ids.get(schema.$ref);
    if (!target) problems.push(`${where}: schema $ref "${schema.$ref}" is not defined`);
    else walk(target, value, path, problems, ids);
    return;
  }
  const type = schema.type;
  const actual = jsonTypeOf(value);
  switch (type) {
    case 'string':
      if (typeof value !== 'string') return void problems.push(`${where}: expected a string, got ${actual}`);
      if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return void problems.push(`${where}: ${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`);
      if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) problems.push(`${where}: ${JSON.stringify(value)} does not match /${schema.pattern}/`);
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return void problems.push(`${where}: expected an integer, got ${actual === 'number' ? String(value) : actual}`);
      if (Array.isArray(schema.enum) && !schema.enum.includes(value)) problems.push(`${where}: ${value} is not one of ${schema.enum.join(', ')}`);
      if (typeof schema.minimum === 'number' && value < schema.minimum) problems.push(`${where}: ${value} is below the minimum ${schema.minimum}`);
      if (typeof schema.maximum === 'number' && value > schema.maximum) problems.push(`${where}: ${value} is above the maximum ${schema.maximum}`);
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) problems.push(`${where}: expected a number, got ${actual}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') problems.push(`${where}: expected true or false, got ${actual}`);
      return;
    case 'array':
      if (!Array.isArray(value)) return void problems.push(`${where}: expected a list, got ${actual}`);
      if (isObj(schema.items)) value.forEach((item, i) => walk(schema.items as JsonSchema, item, `${path}[${i}]`, problems, ids));
      return;
    case 'object': {
      if (!isObj(value)) return void problems.push(`${where}: expected an object, got ${actual}`);
      const props = isObj(schema.properties) ? schema.properties : {};
      const patterns = isObj(schema.patternProperties) ? Object.entries(schema.patternProperties) : [];
      for (const [key, item] of Object.entries(value)) {
        const matching: JsonSchema[] = [];
        if (Object.hasOwn(props, key)) matching.push(props[key] as JsonSchema);
        for (const [pattern, sub] of patterns) if (new RegExp(pattern, 'u').test(key)) matching.push(sub as JsonSchema);
        if (matching.length === 0 && isObj(schema.additionalProperties)) matching.push(schema.additionalProperties);
        if (matching.length === 0) {
          problems.push(`${at(path, key)}: unknown property`);
          continue;
        }
        for (const sub of matching) walk(sub, item, at(path, key), problems, ids);
      }
      if (Array.isArray(schema.required)) for (const name of schema.required) if (typeof name === 'string' && !(name in value)) problems.push(`${at(path, name)}: missing`);
      return;
    }
    default:
      problems.push(`${where}: schema has no usable type`);
  }
}
