import { describe, expect, it } from 'vitest';
import { MAX_EXTRA_PROVIDERS, MAX_HOSTS_PER_EXTRA_PROVIDER, MAX_LIST_ENTRIES } from '../../src/core/constants.ts';
import { database } from '../../src/core/database.ts';
import { parsePolicy, parseUserSettings, siteHostOf } from '../../src/core/policy-parse.ts';

const isDatabaseProvider = (id: string) => database.provider(id) !== undefined;
const policy = (raw: unknown) => parsePolicy(raw, isDatabaseProvider);
const user = (raw: unknown, extraIds: string[] = []) => parseUserSettings(raw, (id) => isDatabaseProvider(id) || extraIds.includes(id));

const acme = { id: 'acme-gateway', name: 'ACME AI Gateway', country: 'DE', hosts: ['ai.acme.example'] };

describe('parsePolicy: valid policies', () => {
  it('passes every key of a valid policy through unchanged', () => {
    const raw = {
      mode: 'warn',
      countryLevels: { CN: 'high', US: 'medium', DE: 'low' },
      showWarning: false,
      auditRetentionDays: 90,
      blockedProviders: ['deepseek', 'acme-gateway'],
      allowedProviders: ['mistral'],
      blockedCountries: ['CN', 'RU'],
      allowedCountries: ['FR', 'DE'],
      blockedSites: ['news.example.com'],
      allowedSites: ['intranet.example'],
      blockLevel: 'medium',
      extraProviders: [{ ...acme, dataCountries: ['DE', 'NL'], url: 'https://intranet.example/ai-gateway' }],
      lockedSettings: ['mode', 'blockedProviders'],
      allowBypass: false,
    };
    const { value, problems } = policy(raw);
    expect(problems).toEqual([]);
    expect(value).toEqual(raw);
  });

  it('accepts every mode and block level, and the retention bounds', () => {
    for (const mode of ['monitor', 'warn', 'block']) expect(policy({ mode })).toEqual({ value: { mode }, problems: [] });
    for (const blockLevel of ['off', 'high', 'medium', 'unknown', 'low']) expect(policy({ blockLevel })).toEqual({ value: { blockLevel }, problems: [] });
    expect(policy({ auditRetentionDays: 1 }).value).toEqual({ auditRetentionDays: 1 });
    expect(policy({ auditRetentionDays: 3650 }).value).toEqual({ auditRetentionDays: 3650 });
  });

  it('treats a missing policy as empty, without problems', () => {
    expect(policy(undefined)).toEqual({ value: {}, problems: [] });
    expect(policy(null)).toEqual({ value: {}, problems: [] });
    expect(policy({})).toEqual({ value: {}, problems: [] });
  });

  it('lets list entries name the policy’s own extra providers', () => {
    const { value, problems } = policy({ extraProviders: [acme], allowedProviders: ['acme-gateway'] });
    expect(problems).toEqual([]);
    expect(value.allowedProviders).toEqual(['acme-gateway']);
  });
});

describe('parsePolicy: bad values are left out and reported, the rest applies', () => {
  it('reports a policy that is not an object', () => {
    expect(policy('block everything')).toEqual({ value: {}, problems: [{ key: '(policy)', reason: '"block everything" is not an object of settings' }] });
    expect(policy([{ mode: 'block' }])).toEqual({ value: {}, problems: [{ key: '(policy)', reason: 'a list is not an object of settings' }] });
    expect(policy(42)).toEqual({ value: {}, problems: [{ key: '(policy)', reason: '42 is not an object of settings' }] });
  });

  it('reports wrong types key by key', () => {
    const { value, problems } = policy({
      mode: 5,
      showWarning: 'yes',
      auditRetentionDays: '30',
      blockedProviders: 'deepseek',
      allowedSites: { site: 'a.example' },
      lockedSettings: 'mode',
      allowBypass: 1,
      blockLevel: 'high',
    });
    expect(value).toEqual({ blockLevel: 'high' });
    expect(problems).toEqual([
      { key: 'mode', reason: '5 is not one of monitor, warn, justify, block' },
      { key: 'showWarning', reason: '"yes" is not true or false' },
      { key: 'auditRetentionDays', reason: '"30" is not a whole number of days from 1 to 3650' },
      { key: 'blockedProviders', reason: '"deepseek" is not a list' },
      { key: 'allowedSites', reason: 'an object is not a list' },
      { key: 'lockedSettings', reason: '"mode" is not a list' },
      { key: 'allowBypass', reason: '1 is not true or false' },
    ]);
  });

  it('reports retention values outside whole days 1..3650', () => {
    for (const days of [0, -1, 1.5, 3651, Number.NaN]) {
      const { value, problems } = policy({ auditRetentionDays: days });
      expect(value, String(days)).toEqual({});
      expect(problems, String(days)).toEqual([{ key: 'auditRetentionDays', reason: `${days} is not a whole number of days from 1 to 3650` }]);
    }
  });

  it('reports unknown keys and a bad enum', () => {
    const { value, problems } = policy({ blockedDomains: ['x.example'], Mode: 'block', blockLevel: 'severe', mode: 'Block', showWarning: true });
    expect(value).toEqual({ showWarning: true });
    expect(problems).toEqual([
      { key: 'blockedDomains', reason: 'unknown key' },
      { key: 'Mode', reason: 'unknown key' },
      { key: 'blockLevel', reason: '"severe" is not one of off, high, medium, unknown, low' },
      { key: 'mode', reason: '"Block" is not one of monitor, warn, justify, block' },
    ]);
  });

  it('leaves out provider IDs that are not in the database or the extras', () => {
    const { value, problems } = policy({ blockedProviders: ['deepseek', 'not-a-provider', 'Bad ID', 7, 'openai', 'deepseek'] });
    expect(value).toEqual({ blockedProviders: ['deepseek', 'openai'] }); // duplicate dropped quietly
    expect(problems).toEqual([
      { key: 'blockedProviders[1]', reason: '"not-a-provider" is not a provider in the database or in extraProviders' },
      { key: 'blockedProviders[2]', reason: '"Bad ID" is not a provider ID' },
      { key: 'blockedProviders[3]', reason: '7 is not a provider ID' },
    ]);
  });

  it('checks country codes, upper-casing lower-case ones', () => {
    const { value, problems } = policy({ blockedCountries: ['CN', 'ru', 'XX', 'EU', 'C', 'CHN', null, 'cn'], allowedCountries: ['de'] });
    expect(value).toEqual({ blockedCountries: ['CN', 'RU'], allowedCountries: ['DE'] });
    expect(problems).toEqual([
      { key: 'blockedCountries[2]', reason: '"XX" is not an ISO 3166-1 alpha-2 country code' },
      { key: 'blockedCountries[3]', reason: '"EU" is not an ISO 3166-1 alpha-2 country code' },
      { key: 'blockedCountries[4]', reason: '"C" is not an ISO 3166-1 alpha-2 country code' },
      { key: 'blockedCountries[5]', reason: '"CHN" is not an ISO 3166-1 alpha-2 country code' },
      { key: 'blockedCountries[6]', reason: 'null is not a country code' },
    ]);
  });

  it('takes a site given as a URL, with a wildcard or in upper case as its hostname', () => {
    const { value, problems } = policy({
      blockedSites: ['https://News.Example.com/world?page=2', '*.example.org', 'intranet.example.', 'http://wiki.corp.example:8080/x', 'news.example.com'],
      allowedSites: ['not a site', '', 'http://', 'a..b', 12, 'ok.example'],
    });
    expect(value).toEqual({ blockedSites: ['news.example.com', 'example.org', 'intranet.example', 'wiki.corp.example'], allowedSites: ['ok.example'] });
    expect(problems).toEqual([
      { key: 'allowedSites[0]', reason: '"not a site" is not a site\'s hostname' },
      { key: 'allowedSites[1]', reason: '"" is not a site\'s hostname' },
      { key: 'allowedSites[2]', reason: '"http://" is not a site\'s hostname' },
      { key: 'allowedSites[3]', reason: '"a..b" is not a site\'s hostname' },
      { key: 'allowedSites[4]', reason: '12 is not a site\'s hostname' },
    ]);
    expect(siteHostOf('HTTPS://Chat.DeepSeek.com/a/chat/s/1')).toBe('chat.deepseek.com');
    expect(siteHostOf('localhost')).toBe('localhost');
  });

  it('reports bad countryLevels entries and keeps the good ones', () => {
    const { value, problems } = policy({ countryLevels: { cn: 'high', DE: 'low', XX: 'low', FR: 'unknown', US: 3, GB: 'Medium' } });
    expect(value).toEqual({ countryLevels: { CN: 'high', DE: 'low' } });
    expect(problems).toEqual([
      { key: 'countryLevels.XX', reason: '"XX" is not an ISO 3166-1 alpha-2 country code' },
      { key: 'countryLevels.FR', reason: '"unknown" is not one of low, medium, high' },
      { key: 'countryLevels.US', reason: '3 is not one of low, medium, high' },
      { key: 'countryLevels.GB', reason: '"Medium" is not one of low, medium, high' },
    ]);
    expect(policy({ countryLevels: ['CN'] }).problems).toEqual([{ key: 'countryLevels', reason: 'a list is not an object of country codes and levels' }]);
    expect(policy({ countryLevels: 'CN=high' }).value).toEqual({});
  });

  it('reports lockedSettings entries that are not user settings', () => {
    const { value, problems } = policy({ lockedSettings: ['mode', 'extraProviders', 'allowBypass', 'everything', 'blockLevel'] });
    expect(value).toEqual({ lockedSettings: ['mode', 'blockLevel'] });
    expect(problems.map((p) => p.key)).toEqual(['lockedSettings[1]', 'lockedSettings[2]', 'lockedSettings[3]']);
    expect(problems[1]!.reason).toMatch(/^"allowBypass" is not a setting name \(one of mode, countryLevels, /);
  });

  it('truncates a list longer than MAX_LIST_ENTRIES and says so', () => {
    const sites = Array.from({ length: MAX_LIST_ENTRIES + 5 }, (_, i) => `site${i}.example`);
    const { value, problems } = policy({ blockedSites: sites, mode: 'block' });
    expect(value.mode).toBe('block');
    expect(value.blockedSites).toHaveLength(MAX_LIST_ENTRIES);
    expect(value.blockedSites!.at(-1)).toBe(`site${MAX_LIST_ENTRIES - 1}.example`);
    expect(problems).toEqual([{ key: 'blockedSites', reason: `${MAX_LIST_ENTRIES + 5} entries: only the first ${MAX_LIST_ENTRIES} are used` }]);
    // Exactly at the limit is fine.
    expect(policy({ blockedSites: sites.slice(0, MAX_LIST_ENTRIES) }).problems).toEqual([]);
  });

  it('a bad entry past the limit is not reported (it is not read)', () => {
    const sites = [...Array.from({ length: MAX_LIST_ENTRIES }, (_, i) => `s${i}.example`), 'not a site'];
    expect(policy({ allowedSites: sites }).problems).toEqual([{ key: 'allowedSites', reason: `${MAX_LIST_ENTRIES + 1} entries: only the first ${MAX_LIST_ENTRIES} are used` }]);
  });
});

describe('parsePolicy: extraProviders', () => {
  it('leaves a bad extra provider out whole while a valid one applies', () => {
    const { value, problems } = policy({
      extraProviders: [
        { id: 'half-good', name: 'Half good', country: 'ZZ', hosts: ['fine.example', '*.com', 'https://x.example'] },
        acme,
      ],
      blockedProviders: ['acme-gateway', 'half-good'],
    });
    expect(value.extraProviders).toEqual([acme]);
    expect(value.blockedProviders).toEqual(['acme-gateway']);
    expect(problems).toEqual([
      { key: 'extraProviders[0].country', reason: '"ZZ" is not an ISO 3166-1 alpha-2 country code' },
      { key: 'extraProviders[0].hosts[1]', reason: '"*.com" must keep its last two labels fixed (a * there would claim a whole suffix)' },
      { key: 'extraProviders[0].hosts[2]', reason: '"https://x.example" must be a host only (no scheme, port or path)' },
      { key: 'blockedProviders[1]', reason: '"half-good" is not a provider in the database or in extraProviders' },
    ]);
  });

  it('refuses IDs of database providers and IDs used twice', () => {
    const { value, problems } = policy({
      extraProviders: [
        { ...acme, id: 'openai' },
        acme,
        { ...acme, name: 'Second ACME' },
        { ...acme, id: 'ACME' },
      ],
    });
    expect(value.extraProviders).toEqual([acme]);
    expect(problems).toEqual([
      { key: 'extraProviders[0].id', reason: '"openai" is already a provider ID' },
      { key: 'extraProviders[2].id', reason: '"acme-gateway" is already a provider ID' },
      { key: 'extraProviders[3].id', reason: '"ACME" is not an ID (lower-case letters, digits and dashes)' },
    ]);
  });

  it('reports each bad field by name', () => {
    const { value, problems } = policy({
      extraProviders: [
        'acme',
        { id: 'a1', name: '', country: 'de', hosts: [] },
        { id: 'a2', name: 'x'.repeat(101), country: 'DE', hosts: ['a2.example'], url: 'ftp://a2.example', owner: 'me' },
        { id: 'a3', name: 'A3', country: 'DE', hosts: Array.from({ length: MAX_HOSTS_PER_EXTRA_PROVIDER + 1 }, (_, i) => `h${i}.a3.example`) },
        { id: 'a4', name: 'A4', country: 'DE', hosts: ['a4.example', 5], dataCountries: ['DE', 'XX'] },
      ],
    });
    expect(value.extraProviders).toEqual([]);
    expect(problems).toEqual([
      { key: 'extraProviders[0]', reason: '"acme" is not an object' },
      { key: 'extraProviders[1].name', reason: '"" is not a name of 1 to 100 characters' },
      { key: 'extraProviders[1].hosts', reason: `must be a list of 1 to ${MAX_HOSTS_PER_EXTRA_PROVIDER} host patterns` },
      { key: 'extraProviders[2].owner', reason: 'unknown field (allowed: id, name, country, hosts, dataCountries, url)' },
      { key: 'extraProviders[2].name', reason: `"${'x'.repeat(60)}…" is not a name of 1 to 100 characters` },
      { key: 'extraProviders[2].url', reason: '"ftp://a2.example" is not an http(s) URL' },
      { key: 'extraProviders[3].hosts', reason: `must be a list of 1 to ${MAX_HOSTS_PER_EXTRA_PROVIDER} host patterns` },
      { key: 'extraProviders[4].hosts[1]', reason: '5 is not a host pattern' },
      { key: 'extraProviders[4].dataCountries[1]', reason: '"XX" is not an ISO 3166-1 alpha-2 country code' },
    ]);
  });

  it('normalises case and white space of a usable extra provider', () => {
    const { value, problems } = policy({
      extraProviders: [{ id: 'mixed', name: '  Mixed Case  ', country: 'fr', hosts: ['AI.Mixed.Example', ' api.mixed.example '], dataCountries: ['be'] }],
    });
    expect(problems).toEqual([]);
    expect(value.extraProviders).toEqual([{ id: 'mixed', name: 'Mixed Case', country: 'FR', hosts: ['ai.mixed.example', 'api.mixed.example'], dataCountries: ['BE'] }]);
  });

  it('accepts * labels in extra hosts the way the database does', () => {
    const { value, problems } = policy({ extraProviders: [{ ...acme, hosts: ['gw.*.acme.example'] }] });
    expect(problems).toEqual([]);
    expect(value.extraProviders![0]!.hosts).toEqual(['gw.*.acme.example']);
  });

  it('reports a non-list and uses only the first MAX_EXTRA_PROVIDERS', () => {
    expect(policy({ extraProviders: acme })).toEqual({ value: {}, problems: [{ key: 'extraProviders', reason: 'an object is not a list' }] });
    const many = Array.from({ length: MAX_EXTRA_PROVIDERS + 1 }, (_, i) => ({ id: `corp-${i}`, name: `Corp ${i}`, country: 'DE', hosts: [`ai.corp${i}.example`] }));
    const { value, problems } = policy({ extraProviders: many, blockedProviders: ['corp-0', `corp-${MAX_EXTRA_PROVIDERS}`] });
    expect(value.extraProviders).toHaveLength(MAX_EXTRA_PROVIDERS);
    expect(value.blockedProviders).toEqual(['corp-0']);
    expect(problems).toEqual([
      { key: 'extraProviders', reason: `${MAX_EXTRA_PROVIDERS + 1} entries: only the first ${MAX_EXTRA_PROVIDERS} are used` },
      { key: 'blockedProviders[1]', reason: `"corp-${MAX_EXTRA_PROVIDERS}" is not a provider in the database or in extraProviders` },
    ]);
  });
});

describe('parseUserSettings', () => {
  it('passes valid user settings through', () => {
    const raw = {
      mode: 'monitor',
      countryLevels: { RU: 'high' },
      showWarning: true,
      auditRetentionDays: 7,
      blockedProviders: ['deepseek'],
      allowedProviders: [],
      blockedCountries: ['CN'],
      allowedCountries: [],
      blockedSites: ['news.example.com'],
      allowedSites: [],
      blockLevel: 'off',
    };
    expect(user(raw)).toEqual({ value: raw, problems: [] });
  });

  it('treats policy-only keys as unknown', () => {
    const { value, problems } = user({ mode: 'warn', extraProviders: [acme], lockedSettings: ['mode'], allowBypass: false });
    expect(value).toEqual({ mode: 'warn' });
    expect(problems).toEqual([
      { key: 'extraProviders', reason: 'unknown key' },
      { key: 'lockedSettings', reason: 'unknown key' },
      { key: 'allowBypass', reason: 'unknown key' },
    ]);
  });

  it('checks each key and entry like a policy', () => {
    const { value, problems } = user({
      mode: 'off',
      blockedProviders: ['deepseek', 'acme-gateway', 'nope'],
      blockedCountries: ['cn', 'XX'],
      blockedSites: ['https://News.Example.com/path'],
      countryLevels: { us: 'high', FR: 'none' },
      auditRetentionDays: 0,
    }, ['acme-gateway']);
    expect(value).toEqual({ blockedProviders: ['deepseek', 'acme-gateway'], blockedCountries: ['CN'], blockedSites: ['news.example.com'], countryLevels: { US: 'high' } });
    expect(problems).toEqual([
      { key: 'mode', reason: '"off" is not one of monitor, warn, justify, block' },
      { key: 'blockedProviders[2]', reason: '"nope" is not a provider in the database or in extraProviders' },
      { key: 'blockedCountries[1]', reason: '"XX" is not an ISO 3166-1 alpha-2 country code' },
      { key: 'countryLevels.FR', reason: '"none" is not one of low, medium, high' },
      { key: 'auditRetentionDays', reason: '0 is not a whole number of days from 1 to 3650' },
    ]);
  });

  it('reports stored settings that are not an object', () => {
    expect(user(undefined)).toEqual({ value: {}, problems: [] });
    expect(user('x')).toEqual({ value: {}, problems: [{ key: '(settings)', reason: '"x" is not an object of settings' }] });
    expect(user(null)).toEqual({ value: {}, problems: [{ key: '(settings)', reason: 'null is not an object of settings' }] });
  });

  it('truncates long user lists too', () => {
    const { value, problems } = user({ allowedSites: Array.from({ length: MAX_LIST_ENTRIES + 1 }, (_, i) => `u${i}.example`) });
    expect(value.allowedSites).toHaveLength(MAX_LIST_ENTRIES);
    expect(problems).toEqual([{ key: 'allowedSites', reason: `${MAX_LIST_ENTRIES + 1} entries: only the first ${MAX_LIST_ENTRIES} are used` }]);
  });

  it('keeps a prototype-looking key from becoming a setting', () => {
    const raw = JSON.parse('{"__proto__": {"mode": "monitor"}, "constructor": 1}');
    const { value, problems } = user(raw);
    expect(value).toEqual({});
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect((value as Record<string, unknown>).mode).toBeUndefined();
    expect(problems).toEqual([
      { key: '__proto__', reason: 'unknown key' },
      { key: 'constructor', reason: 'unknown key' },
    ]);
  });
});

describe('parsePolicy: models wherever they are served', () => {
  it('takes provenance lists like the other lists and model-name patterns in lower case, leaving out bad ones with the reason', () => {
    const { value, problems } = parsePolicy(
      { blockedModelBuilders: ['deepseek', 'no-such-provider'], blockedModelOrigins: ['CN', 'XX'], blockedModels: ['Qwen*', '*uncensored*', '*', 'bad pattern!', 42] },
      (id) => id === 'deepseek',
    );
    expect(value).toEqual({ blockedModelBuilders: ['deepseek'], blockedModelOrigins: ['CN'], blockedModels: ['qwen*', '*uncensored*'] });
    expect(problems.map((p) => p.key)).toEqual(['blockedModelBuilders[1]', 'blockedModelOrigins[1]', 'blockedModels[2]', 'blockedModels[3]', 'blockedModels[4]']);
    expect(problems.find((p) => p.key === 'blockedModels[2]')?.reason).toMatch(/would match every model/);
  });
});
