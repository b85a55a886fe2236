/**
 * The managed-policy schema (assets/managed_schema.json) and the files admins copy
 * (docs/examples): the schema must be one Chrome accepts (Chrome refuses to load an extension
 * whose schema it rejects) and must name exactly the keys the extension reads; every example
 * must turn back into a policy that the schema accepts, under the right extension ID.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID, GECKO_ID } from '../../src/core/constants.ts';
import { BLOCK_LEVELS, MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, MODES, POLICY_KEYS, USER_KEYS } from '../../src/core/settings.ts';
import { firefoxPolicyOf, linuxPolicyOf, parsePlist, parseRegFile, profilePayload, registryToJson, regKeysOutside, regTree } from './policy-formats.ts';
import { parsePolicy } from '../../src/core/policy-parse.ts';
import { checkChromeSchema, type JsonSchema, subSchemas, validateValue } from './schema-validate.ts';

const schema = JSON.parse(readFileSync('assets/managed_schema.json', 'utf8')) as JsonSchema;
const properties = schema.properties as Record<string, JsonSchema>;
const EXAMPLES = 'docs/examples';
const read = (file: string) => readFileSync(`${EXAMPLES}/${file}`, 'utf8');

/** Levels a policy may give a country (settings.ts: CountryLevel, RiskLevel without `unknown`). */
const COUNTRY_LEVELS = ['low', 'medium', 'high'];

/** Where each browser reads an extension's policy on Windows (under HKLM or HKCU). */
const regRoot = (browserKey: string) => `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${browserKey}\\3rdparty\\extensions\\${CHROME_EXTENSION_ID}\\policy`;

interface Loaded {
  policy?: unknown;
  /** Problems of the wrapper (wrong ID, wrong key path), apart from the policy's own. */
  problems: string[];
}

function loadReg(file: string, browserKey: string): Loaded {
  const keys = parseRegFile(read(file));
  const root = regRoot(browserKey);
  const problems = regKeysOutside(keys, root).map((k) => `writes ${k}, outside ${root}`);
  const tree = regTree(keys, root);
  if (!tree) return { problems: [...problems, `has no key ${root}`] };
  return { policy: registryToJson(tree, schema, root), problems };
}

function loadProfile(file: string, domainPrefix: string): Loaded {
  const { policy, problems, types } = profilePayload(parsePlist(read(file)), `${domainPrefix}.extensions.${CHROME_EXTENSION_ID}`);
  return { policy, problems: policy ? problems : [...problems, `payload types found: ${types.join(', ')}`] };
}

const plainJson = (file: string): Loaded => ({ policy: JSON.parse(read(file)), problems: [] });

/** Every file in docs/examples, and how to read the extension's policy out of it. */
const LOADERS: Record<string, () => Loaded> = {
  'chrome-linux.json': () => linuxPolicyOf(JSON.parse(read('chrome-linux.json')), CHROME_EXTENSION_ID),
  'chromium-linux.json': () => linuxPolicyOf(JSON.parse(read('chromium-linux.json')), CHROME_EXTENSION_ID),
  'edge-linux.json': () => linuxPolicyOf(JSON.parse(read('edge-linux.json')), CHROME_EXTENSION_ID),
  'chrome-windows.reg': () => loadReg('chrome-windows.reg', 'Google\\Chrome'),
  'edge-windows.reg': () => loadReg('edge-windows.reg', 'Microsoft\\Edge'),
  'chrome-macos.mobileconfig': () => loadProfile('chrome-macos.mobileconfig', 'com.google.Chrome'),
  'edge-macos.mobileconfig': () => loadProfile('edge-macos.mobileconfig', 'com.microsoft.Edge'),
  'firefox-policies.json': () => firefoxPolicyOf(JSON.parse(read('firefox-policies.json')), GECKO_ID),
  'scenario-block-cn-ru.json': () => plainJson('scenario-block-cn-ru.json'),
  'scenario-gateway-only.json': () => plainJson('scenario-gateway-only.json'),
  'scenario-warn-rollout.json': () => plainJson('scenario-warn-rollout.json'),
};

/** The platform files all carry the same policy, so that they can be compared with each other. */
const PLATFORM_FILES = Object.keys(LOADERS).filter((f) => !f.startsWith('scenario-'));

describe('managed_schema.json', () => {
  it('is a schema Chrome accepts', () => {
    expect(checkChromeSchema(schema)).toEqual([]);
  });

  it('declares exactly the policy keys the extension reads', () => {
    expect(Object.keys(properties).sort()).toEqual([...POLICY_KEYS].sort());
  });

  it('gives every schema a type, a title and a description for admin consoles, and avoids what Chrome may not know', () => {
    const problems: string[] = [];
    for (const [path, sub] of subSchemas(schema)) {
      if (path === '') continue;
      if (typeof sub.type !== 'string') problems.push(`${path}: no type`);
      for (const attr of ['title', 'description'] as const) {
        const text = sub[attr];
        if (typeof text !== 'string' || text.trim().length < 3) problems.push(`${path}: no ${attr}`);
      }
      // Chrome knows `required`, but a missing key must never make Chrome drop the whole policy.
      for (const attr of ['required', '$ref']) if (attr in sub) problems.push(`${path}: uses ${attr}`);
    }
    expect(problems).toEqual([]);
  });

  it('says the default of every top-level key', () => {
    for (const [key, sub] of Object.entries(properties)) expect(sub.description, key).toMatch(/Default/);
  });

  it('leaves value checks to the extension, so that it can report them', () => {
    // Chrome drops a whole key whose value fails the schema (a list with one bad entry, an enum
    // miss) before the extension sees it, and only chrome://policy shows why. The schema states
    // types; allowed values are checked, and each problem reported, by policy-parse.ts.
    const constrained = [...subSchemas(schema)].filter(([, sub]) => ['enum', 'pattern', 'patternProperties', 'minimum', 'maximum'].some((k) => k in sub)).map(([path]) => path);
    expect(constrained).toEqual([]);
  });

  it('names every allowed value of settings.ts in the descriptions admins read', () => {
    const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`);
    for (const v of quoted(MODES)) expect(properties.mode!.description).toContain(v);
    for (const v of quoted(BLOCK_LEVELS)) expect(properties.blockLevel!.description).toContain(v);
    for (const v of quoted(USER_KEYS)) expect(properties.lockedSettings!.description).toContain(v);
    for (const v of quoted(COUNTRY_LEVELS)) expect(properties.countryLevels!.description).toContain(v);
    expect(properties.auditRetentionDays!.description).toContain(`from ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS}`);
  });

  it('accepts the ID of every provider in the database', () => {
    const idSchema = properties.blockedProviders!;
    const ids = readdirSync('src/data/providers').map((f) => (JSON.parse(readFileSync(`src/data/providers/${f}`, 'utf8')) as { id: string }).id);
    expect(ids.length).toBeGreaterThan(10);
    expect(validateValue(idSchema, ids, 'blockedProviders')).toEqual([]);
  });
});

describe('the schema checker', () => {
  it('rejects what Chrome rejects', () => {
    const bad = {
      type: 'object',
      additionalProperties: { type: 'string' },
      properties: {
        noType: { title: 't', description: 'd' },
        size: { type: 'integer', minimum: 5, maximum: 1, minItems: 1 },
        strict: { type: 'object', additionalProperties: false },
        list: { type: 'array' },
        level: { type: 'string', enum: [] },
        wrongRef: { $ref: 'Nothing' },
        lookahead: { type: 'string', pattern: '^(?!x)' },
        kind: { type: 'date' },
      },
    };
    const problems = checkChromeSchema(bad);
    for (const expected of [
      '(schema): "additionalProperties" is not allowed in the top-level schema',
      'noType: each schema must have a "type" or a "$ref"',
      'size: attribute "minItems" is not supported for type "integer"',
      'size: minimum 5 is above maximum 1',
      'strict: attribute "additionalProperties" must be an object, not boolean',
      'list: an array schema needs an "items" schema',
      'level: "enum" must be a non-empty list',
      'wrongRef: $ref "Nothing" names no schema id',
      'lookahead: pattern: look-around is not supported by Chrome (RE2)',
      'kind: unknown type "date"',
    ]) {
      expect(problems).toContain(expected);
    }
    expect(checkChromeSchema({ type: 'array', items: { type: 'string' } })).toContain('(schema): the top-level schema must have type "object"');
  });
});

describe('policy validation', () => {
  it('reports what Chrome drops (a wrong type, an unknown key), and the extension reports every bad value', () => {
    const broken = {
      mode: 'enforce',
      showWarning: 'yes',
      auditRetentionDays: 0,
      blockedCountries: ['CN', 'china'],
      countryLevels: { US: 'severe', usa: 'high' },
      lockedSettings: ['mode', 'allowBypass'],
      extraProviders: [{ id: 'Corp Gateway', name: 'x', country: 'DE', hosts: 'ai.corp.example', colour: 'red' }],
      blockList: ['deepseek'],
    };
    expect(validateValue(schema, broken).sort()).toEqual(
      ['showWarning: expected true or false, got string', 'extraProviders[0].hosts: expected a list, got string', 'extraProviders[0].colour: unknown property', 'blockList: unknown property'].sort(),
    );
    const { value, problems } = parsePolicy(broken, (id) => id === 'deepseek');
    expect(problems.map((p) => p.key).sort()).toEqual(
      ['mode', 'showWarning', 'auditRetentionDays', 'blockedCountries[1]', 'countryLevels.US', 'countryLevels.usa', 'lockedSettings[1]', 'extraProviders[0].id', 'extraProviders[0].hosts', 'extraProviders[0].colour', 'blockList'].sort(),
    );
    expect(value).toEqual({ blockedCountries: ['CN'], countryLevels: {}, lockedSettings: ['mode'], extraProviders: [] });
  });

  it('accepts an empty policy and a policy that is not an object is one problem', () => {
    expect(validateValue(schema, {})).toEqual([]);
    expect(validateValue(schema, ['mode'])).toEqual(['(policy): expected an object, got array']);
  });
});

describe('the format readers', () => {
  it('read a .reg file with JSON strings, subkey lists, DWORDs and escapes as Chrome would', () => {
    const root = regRoot('Google\\Chrome');
    const text = [
      'Windows Registry Editor Version 5.00',
      '',
      `[${root}]`,
      '"mode"="warn"',
      '"showWarning"=dword:00000000',
      '"auditRetentionDays"=dword:0000016d',
      '"blockedCountries"="[\\"CN\\",\\"RU\\"]"',
      '"countryLevels"="{\\"US\\":\\"medium\\"}"',
      `[${root}\\allowedSites]`,
      '"2"="b.example"',
      '"1"="a.example"',
    ].join('\r\n');
    const tree = regTree(parseRegFile(text), root)!;
    expect(registryToJson(tree, schema)).toEqual({
      mode: 'warn',
      showWarning: false,
      auditRetentionDays: 365,
      blockedCountries: ['CN', 'RU'],
      countryLevels: { US: 'medium' },
      allowedSites: ['a.example', 'b.example'],
    });
    expect(() => parseRegFile('REGEDIT4\r\n')).toThrow(/Version 5.00/);
    expect(() => registryToJson(regTree(parseRegFile(`Windows Registry Editor Version 5.00\n[${root}]\n"showWarning"="yes"`), root)!, schema)).toThrow(/showWarning/);
  });

  it('read an XML property list', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
      <plist version="1.0"><dict>
        <!-- a comment -->
        <key>a</key><string>x &amp; y</string>
        <key>b</key><array><integer>3</integer><true/><false/></array>
        <key>c</key><dict/>
      </dict></plist>`;
    expect(parsePlist(xml)).toEqual({ a: 'x & y', b: [3, true, false], c: {} });
    expect(() => parsePlist('<plist><dict><key>a</key><date>2024-01-01T00:00:00Z</date></dict></plist>')).toThrow(/date/);
    expect(() => parsePlist('<plist><dict><key>a</key><string>1</string><key>a</key><string>2</string></dict></plist>')).toThrow(/twice/);
  });

  it('notice a wrapper that names another extension', () => {
    expect(linuxPolicyOf({ '3rdparty': { extensions: { [GECKO_ID]: {} } } }, CHROME_EXTENSION_ID).problems).toEqual([
      `names extension ${GECKO_ID}, expected ${CHROME_EXTENSION_ID}`,
      `has no policy for ${CHROME_EXTENSION_ID}`,
    ]);
    expect(firefoxPolicyOf({ policies: { '3rdparty': { extensions: { [GECKO_ID]: {} } } } }, GECKO_ID).problems).toEqual(['no "policies" → "3rdparty" → "Extensions" object']);
  });
});

describe('docs/examples', () => {
  it('has a reader for every file, and every reader has its file', () => {
    expect(readdirSync(EXAMPLES).sort()).toEqual(Object.keys(LOADERS).sort());
  });

  for (const [file, load] of Object.entries(LOADERS)) {
    it(`${file} holds a valid policy for the right extension`, () => {
      const { policy, problems } = load();
      expect(problems).toEqual([]);
      expect(policy).toBeTypeOf('object');
      expect(Object.keys(policy as object).length).toBeGreaterThan(2);
      expect(validateValue(schema, policy)).toEqual([]);
      // And the extension itself finds nothing to leave out.
      const known = new Set(readdirSync('src/data/providers').map((f) => (JSON.parse(readFileSync(`src/data/providers/${f}`, 'utf8')) as { id: string }).id));
      expect(parsePolicy(policy, (id) => known.has(id)).problems).toEqual([]);
    });
  }

  it('carries one and the same policy in every platform file', () => {
    const [first, ...rest] = PLATFORM_FILES.map((f) => LOADERS[f]!().policy);
    for (const [i, policy] of rest.entries()) expect(policy, PLATFORM_FILES[i + 1]).toEqual(first);
    // The platform example shows every kind of value: text, list, object, list of objects, true/false, number.
    expect(Object.keys(first as object)).toEqual(expect.arrayContaining(['mode', 'countryLevels', 'extraProviders', 'showWarning', 'auditRetentionDays', 'lockedSettings', 'allowBypass']));
  });

  it('names only providers that exist in the database or in extraProviders', () => {
    const known = new Set(readdirSync('src/data/providers').map((f) => (JSON.parse(readFileSync(`src/data/providers/${f}`, 'utf8')) as { id: string }).id));
    for (const [file, load] of Object.entries(LOADERS)) {
      const policy = load().policy as { blockedProviders?: string[]; allowedProviders?: string[]; extraProviders?: { id: string }[] };
      const extras = new Set((policy.extraProviders ?? []).map((e) => e.id));
      for (const id of extras) expect(known.has(id), `${file}: extra provider ${id} clashes with the database`).toBe(false);
      for (const id of [...(policy.blockedProviders ?? []), ...(policy.allowedProviders ?? [])]) expect(known.has(id) || extras.has(id), `${file}: ${id}`).toBe(true);
    }
  });
});

describe('docs/admin.md', () => {
  const doc = readFileSync('docs/admin.md', 'utf8');

  it('documents every policy key and both extension IDs', () => {
    for (const key of POLICY_KEYS) expect(doc, key).toContain(`\`${key}\``);
    expect(doc).toContain(CHROME_EXTENSION_ID);
    expect(doc).toContain(GECKO_ID);
  });

  it('links every example file', () => {
    for (const file of Object.keys(LOADERS)) expect(doc, file).toContain(`examples/${file}`);
  });

  it('shows only JSON that parses and policies the schema accepts', () => {
    const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      const value = JSON.parse(block) as Record<string, unknown>;
      const wrapped = '3rdparty' in value ? linuxPolicyOf(value, CHROME_EXTENSION_ID) : 'policies' in value ? firefoxPolicyOf(value, GECKO_ID) : { policy: value, problems: [] };
      expect(wrapped.problems).toEqual([]);
      expect(validateValue(schema, wrapped.policy), block).toEqual([]);
    }
  });
});
