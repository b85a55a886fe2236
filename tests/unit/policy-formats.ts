/**
 * Small readers of the files admins deploy (docs/examples): Windows .reg files, macOS
 * configuration profiles (XML property lists) and the JSON wrappers of Linux and Firefox. Each
 * turns a file back into the extension's policy object, as the browser would hand it to
 * storage.managed, so the test can check it against the schema. They read what our examples use
 * and throw on anything else, so an example cannot be silently misread.
 */
import type { JsonSchema } from './schema-validate.ts';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// ---------------------------------------------------------------------------------------------
// Windows registry (.reg, "Windows Registry Editor Version 5.00")

export type RegValue = { kind: 'sz'; data: string } | { kind: 'dword'; data: number };

/** One registry key: its values and its subkeys (names compared case-insensitively, as Windows does). */
export interface RegKey {
  values: Map<string, RegValue>;
  keys: Map<string, RegKey>;
}

const newKey = (): RegKey => ({ values: new Map(), keys: new Map() });

/**
 * The keys of a .reg file by full path as first written (Windows compares key names without
 * regard to case; a later [key] that differs only in case adds to the same key), with their values.
 */
export function parseRegFile(text: string): Map<string, Map<string, RegValue>> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== 'Windows Registry Editor Version 5.00') throw new Error('a .reg file must start with "Windows Registry Editor Version 5.00"');
  const keys = new Map<string, Map<string, RegValue>>();
  const spelled = new Map<string, string>();
  let current: Map<string, RegValue> | undefined;
  lines.slice(1).forEach((raw, i) => {
    const line = raw.trim();
    const where = `line ${i + 2}`;
    if (line === '' || line.startsWith(';')) return;
    const key = /^\[([^\]]+)\]$/.exec(line);
    if (key) {
      if (key[1]!.startsWith('-')) throw new Error(`${where}: deleting a key is not expected in an example`);
      const path = spelled.get(key[1]!.toUpperCase()) ?? key[1]!;
      spelled.set(path.toUpperCase(), path);
      current = keys.get(path) ?? new Map();
      keys.set(path, current);
      return;
    }
    if (!current) throw new Error(`${where}: a value before any [key]`);
    const value = /^"((?:[^"\\]|\\.)*)"=(.*)$/.exec(line);
    if (!value) throw new Error(`${where}: not a "name"=value line: ${line}`);
    const name = unescapeRegString(value[1]!);
    const data = value[2]!;
    const dword = /^dword:([0-9a-fA-F]{8})$/.exec(data);
    const sz = /^"((?:[^"\\]|\\.)*)"$/.exec(data);
    if (dword) current.set(name, { kind: 'dword', data: parseInt(dword[1]!, 16) });
    else if (sz) current.set(name, { kind: 'sz', data: unescapeRegString(sz[1]!) });
    else throw new Error(`${where}: only REG_SZ ("...") and REG_DWORD (dword:xxxxxxxx) values are expected, got ${data}`);
  });
  return keys;
}

/** In a .reg string, `\\` is a backslash and `\"` a double quote; nothing else is escaped. */
function unescapeRegString(s: string): string {
  return s.replace(/\\(.)/g, (_, c: string) => {
    if (c === '\\' || c === '"') return c;
    throw new Error(`unexpected escape \\${c} in a .reg string`);
  });
}

/** The tree under `root` (a full key path), from the flat key list of a .reg file. */
export function regTree(keys: Map<string, Map<string, RegValue>>, root: string): RegKey | undefined {
  const prefix = root.toUpperCase();
  const under = (k: string) => k.toUpperCase() === prefix || k.toUpperCase().startsWith(`${prefix}\\`);
  if (![...keys.keys()].some(under)) return undefined;
  const tree = newKey();
  for (const [path, values] of keys) {
    if (!under(path)) continue;
    let node = tree;
    for (const part of path.slice(prefix.length).split('\\').filter(Boolean)) {
      const next = node.keys.get(part) ?? newKey();
      node.keys.set(part, next);
      node = next;
    }
    for (const [name, v] of values) node.values.set(name, v);
  }
  return tree;
}

/** Key paths of a .reg file that lie outside `root`: an example must write only its policy key. */
export function regKeysOutside(keys: Map<string, Map<string, RegValue>>, root: string): string[] {
  const prefix = root.toUpperCase();
  return [...keys.keys()].filter((k) => k.toUpperCase() !== prefix && !k.toUpperCase().startsWith(`${prefix}\\`));
}

const schemaProperty = (schema: JsonSchema | undefined, name: string): JsonSchema | undefined => {
  if (!schema || schema.type !== 'object') return undefined;
  const props = isObj(schema.properties) ? schema.properties : {};
  // Registry names are case-insensitive; Chrome's policy names are not, so the name must match.
  if (Object.hasOwn(props, name)) return props[name] as JsonSchema;
  if (isObj(schema.patternProperties)) for (const [p, sub] of Object.entries(schema.patternProperties)) if (new RegExp(p, 'u').test(name)) return sub as JsonSchema;
  return isObj(schema.additionalProperties) ? schema.additionalProperties : undefined;
};

/**
 * One registry value as Chrome converts it by the schema (registry_dict.cc): a DWORD is a
 * boolean (non-zero is true) or an integer; a string may carry a number; a list or an object may
 * be a JSON string. Values the schema does not know are kept as they are, so the schema check
 * reports them.
 */
function convertValue(v: RegValue, schema: JsonSchema | undefined, where: string): unknown {
  switch (schema?.type) {
    case 'boolean':
      if (v.kind === 'dword') return v.data !== 0;
      if (/^-?\d+$/.test(v.data)) return Number(v.data) !== 0;
      break;
    case 'integer':
      if (v.kind === 'dword') return v.data;
      if (/^-?\d+$/.test(v.data)) return Number(v.data);
      break;
    case 'string':
      if (v.kind === 'sz') return v.data;
      break;
    case 'array':
    case 'object':
      if (v.kind === 'sz') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(v.data);
        } catch (e) {
          throw new Error(`${where}: a ${schema.type} must be written as JSON: ${(e as Error).message}`);
        }
        if ((schema.type === 'array') === Array.isArray(parsed) && typeof parsed === 'object' && parsed !== null) return parsed;
      }
      break;
    default:
      return v.data;
  }
  throw new Error(`${where}: a ${v.kind === 'dword' ? 'REG_DWORD' : 'REG_SZ'} value cannot hold a ${schema?.type}`);
}

/**
 * A registry key as Chrome reads it for `schema`: an object from its values and subkeys, or a
 * list from its values and subkeys named by numbers (1, 2, ...).
 */
export function registryToJson(node: RegKey, schema: JsonSchema | undefined, where = ''): unknown {
  if (schema?.type === 'array') {
    const items = isObj(schema.items) ? (schema.items as JsonSchema) : undefined;
    const entries: [number, unknown][] = [];
    for (const [name, v] of node.values) {
      if (!/^\d+$/.test(name)) throw new Error(`${where}\\${name}: list entries must be named 1, 2, 3 ...`);
      entries.push([Number(name), convertValue(v, items, `${where}\\${name}`)]);
    }
    for (const [name, sub] of node.keys) {
      if (!/^\d+$/.test(name)) throw new Error(`${where}\\${name}: list entries must be named 1, 2, 3 ...`);
      entries.push([Number(name), registryToJson(sub, items, `${where}\\${name}`)]);
    }
    return entries.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  }
  if (schema && schema.type !== 'object') throw new Error(`${where}: a subkey cannot hold a ${schema.type}`);
  const out: Record<string, unknown> = {};
  const put = (name: string, value: unknown) => {
    if (Object.hasOwn(out, name)) throw new Error(`${where}\\${name}: set both as a value and as a subkey`);
    out[name] = value;
  };
  for (const [name, v] of node.values) put(name, convertValue(v, schemaProperty(schema, name), `${where}\\${name}`));
  for (const [name, sub] of node.keys) put(name, registryToJson(sub, schemaProperty(schema, name), `${where}\\${name}`));
  return out;
}

// ---------------------------------------------------------------------------------------------
// XML property lists (.mobileconfig, .plist)

type Token = { kind: 'open' | 'close' | 'empty'; name: string } | { kind: 'text'; text: string };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e]!;
  });
}

function tokenize(xml: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const skipPast = (end: string) => {
    const at = xml.indexOf(end, i);
    if (at < 0) throw new Error(`unterminated markup: no ${end}`);
    return at + end.length;
  };
  while (i < xml.length) {
    if (xml.startsWith('<?', i)) i = skipPast('?>');
    else if (xml.startsWith('<!--', i)) i = skipPast('-->');
    else if (xml.startsWith('<!', i)) i = skipPast('>');
    else if (xml[i] === '<') {
      const end = xml.indexOf('>', i);
      if (end < 0) throw new Error('unterminated tag');
      const tag = xml.slice(i + 1, end).trim();
      const m = /^(\/?)([A-Za-z][\w.-]*)(?:\s+[^>]*?)?\s*(\/?)$/.exec(tag);
      if (!m) throw new Error(`bad tag <${tag}>`);
      tokens.push({ kind: m[1] ? 'close' : m[3] ? 'empty' : 'open', name: m[2]! });
      i = end + 1;
    } else {
      const end = xml.indexOf('<', i);
      const text = xml.slice(i, end < 0 ? xml.length : end);
      tokens.push({ kind: 'text', text: decodeEntities(text) });
      i = end < 0 ? xml.length : end;
    }
  }
  // Text between elements is layout only; text inside <string>/<key>/<integer> is kept below.
  return tokens;
}

/** A property list's root value: dict, array, string, integer, real, true and false. */
export function parsePlist(xml: string): unknown {
  const tokens = tokenize(xml);
  let pos = 0;
  const skipSpace = () => {
    while (tokens[pos]?.kind === 'text' && !(tokens[pos] as { text: string }).text.trim()) pos++;
  };
  const expectOpen = (name?: string) => {
    skipSpace();
    const t = tokens[pos++];
    if (!t || (t.kind !== 'open' && t.kind !== 'empty') || (name && t.name !== name)) throw new Error(`expected <${name ?? 'element'}>, got ${JSON.stringify(t)}`);
    return t;
  };
  const expectClose = (name: string) => {
    skipSpace();
    const t = tokens[pos++];
    if (!t || t.kind !== 'close' || t.name !== name) throw new Error(`expected </${name}>, got ${JSON.stringify(t)}`);
  };
  const textUntilClose = (name: string): string => {
    let text = '';
    while (tokens[pos]?.kind === 'text') text += (tokens[pos++] as { text: string }).text;
    const t = tokens[pos++];
    if (!t || t.kind !== 'close' || t.name !== name) throw new Error(`<${name}> may hold text only`);
    return text;
  };
  const value = (): unknown => {
    const t = expectOpen();
    if (t.kind === 'empty') {
      if (t.name === 'true') return true;
      if (t.name === 'false') return false;
      if (t.name === 'string') return '';
      if (t.name === 'dict') return {};
      if (t.name === 'array') return [];
      throw new Error(`unexpected <${t.name}/>`);
    }
    switch (t.name) {
      case 'string':
        return textUntilClose('string');
      case 'integer': {
        const text = textUntilClose('integer').trim();
        if (!/^[+-]?\d+$/.test(text)) throw new Error(`<integer> holds ${JSON.stringify(text)}`);
        return Number(text);
      }
      case 'real': {
        const n = Number(textUntilClose('real').trim());
        if (!Number.isFinite(n)) throw new Error('<real> is not a number');
        return n;
      }
      case 'array': {
        const out: unknown[] = [];
        for (skipSpace(); tokens[pos]?.kind !== 'close'; skipSpace()) out.push(value());
        expectClose('array');
        return out;
      }
      case 'dict': {
        const out: Record<string, unknown> = {};
        for (skipSpace(); tokens[pos]?.kind !== 'close'; skipSpace()) {
          expectOpen('key');
          const key = textUntilClose('key');
          if (Object.hasOwn(out, key)) throw new Error(`key ${JSON.stringify(key)} appears twice in one <dict>`);
          out[key] = value();
        }
        expectClose('dict');
        return out;
      }
      default:
        throw new Error(`<${t.name}> is not expected in an example (only dict, array, string, integer, real, true, false)`);
    }
  };
  expectOpen('plist');
  const root = value();
  expectClose('plist');
  skipSpace();
  if (pos !== tokens.length) throw new Error('content after </plist>');
  return root;
}

/** A payload's settings: everything but the Payload* keys that describe the payload itself. */
export function payloadSettings(payload: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(payload).filter(([k]) => !k.startsWith('Payload')));
}

/**
 * The policy of the one payload whose PayloadType is `payloadType` in a configuration profile,
 * and the payload types it holds (so the test can say what it found instead).
 */
export function profilePayload(profile: unknown, payloadType: string): { policy?: Record<string, unknown>; types: string[]; problems: string[] } {
  const problems: string[] = [];
  if (!isObj(profile)) return { types: [], problems: ['the profile is not a <dict>'] };
  if (profile.PayloadType !== 'Configuration') problems.push(`the profile's PayloadType is ${JSON.stringify(profile.PayloadType)}, not "Configuration"`);
  for (const key of ['PayloadIdentifier', 'PayloadUUID', 'PayloadDisplayName']) if (typeof profile[key] !== 'string') problems.push(`the profile has no ${key}`);
  if (profile.PayloadVersion !== 1) problems.push('the profile\'s PayloadVersion must be 1');
  const content = Array.isArray(profile.PayloadContent) ? profile.PayloadContent.filter(isObj) : [];
  const types = content.map((p) => String(p.PayloadType));
  const matching = content.filter((p) => p.PayloadType === payloadType);
  if (matching.length !== 1) return { types, problems: [...problems, `expected one payload of type ${payloadType}, found ${matching.length}`] };
  const payload = matching[0]!;
  for (const key of ['PayloadIdentifier', 'PayloadUUID']) if (typeof payload[key] !== 'string') problems.push(`the payload has no ${key}`);
  if (payload.PayloadVersion !== 1) problems.push('the payload\'s PayloadVersion must be 1');
  const uuids = [profile.PayloadUUID, ...content.map((p) => p.PayloadUUID)];
  for (const uuid of uuids) if (typeof uuid === 'string' && !/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/i.test(uuid)) problems.push(`${uuid} is not a UUID`);
  if (new Set(uuids).size !== uuids.length) problems.push('two payloads share a PayloadUUID');
  return { policy: payloadSettings(payload), types, problems };
}

// ---------------------------------------------------------------------------------------------
// JSON wrappers

/** The extension's policy in a Linux managed-policy file: `{"3rdparty":{"extensions":{"<id>":{...}}}}`. */
export function linuxPolicyOf(file: unknown, extensionId: string): { policy?: unknown; problems: string[] } {
  const ext = isObj(file) && isObj(file['3rdparty']) ? file['3rdparty'].extensions : undefined;
  if (!isObj(ext)) return { problems: ['no "3rdparty" → "extensions" object'] };
  const problems = Object.keys(ext)
    .filter((id) => id !== extensionId)
    .map((id) => `names extension ${id}, expected ${extensionId}`);
  if (!(extensionId in ext)) return { problems: [...problems, `has no policy for ${extensionId}`] };
  return { policy: ext[extensionId], problems };
}

/** The extension's policy in Firefox's policies.json: `{"policies":{"3rdparty":{"Extensions":{"<id>":{...}}}}}`. */
export function firefoxPolicyOf(file: unknown, geckoId: string): { policy?: unknown; problems: string[] } {
  const policies = isObj(file) ? file.policies : undefined;
  const ext = isObj(policies) && isObj(policies['3rdparty']) ? policies['3rdparty'].Extensions : undefined;
  if (!isObj(ext)) return { problems: ['no "policies" → "3rdparty" → "Extensions" object'] };
  const problems = Object.keys(ext)
    .filter((id) => id !== geckoId)
    .map((id) => `names add-on ${id}, expected ${geckoId}`);
  if (!(geckoId in ext)) return { problems: [...problems, `has no policy for ${geckoId}`] };
  return { policy: ext[geckoId], problems };
}
