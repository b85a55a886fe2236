/**
 * The facts a card shows with their sources, why each country counts, the laws list's order, the
 * training answer, law and model names said once, and the "Report a wrong fact" link: what goes
 * into it (database facts) and what never does (anything of the page), and its length bound.
 */
import { describe, expect, it } from 'vitest';
import { database as db } from '../../src/core/database.ts';
import { cardFactsOf, factOf } from '../../src/core/fact-card/card-facts.ts';
import { countryReasons, factorSentence } from '../../src/core/fact-card/country-reasons.ts';
import { groupLaws, lawCount, lawsByCountry } from '../../src/core/fact-card/law-groups.ts';
import { lawTitle } from '../../src/core/fact-card/law-title.ts';
import { articleListIn, articleRefIn, chineseNumeral, lawNameIn } from '../../src/core/fact-card/law-words.ts';
import { oneNameFor } from '../../src/core/fact-card/model-name.ts';
import { type FactReport, REPORT_URL_MAX, reportFactUrl } from '../../src/core/fact-card/report-fact.ts';
import { reviewedDate, sourceHost } from '../../src/core/fact-card/source-words.ts';
import { trainingStatus } from '../../src/core/fact-card/training.ts';
import type { RiskFactor } from '../../src/core/product-risk.ts';
import { PROJECT_REPOSITORY } from '../../src/core/constants.ts';
import { factsFor } from '../../src/core/facts.ts';
import type { Law } from '../../src/core/provider.ts';
import { tEn, tZh } from './locale.ts';

const ref = (providerId: string, productId: string) => ({ providerId, productId, role: 'chat' as const });
const chatgpt = factsFor(db, ref('openai', 'openai-chatgpt'))!;
const deepseek = factsFor(db, ref('deepseek', 'deepseek-chat'))!;

/** The title and body a report link carries, decoded. */
function decoded(url: string): { title: string; body: string; keys: string[] } {
  const params = new URL(url).searchParams;
  return { title: params.get('title') ?? '', body: params.get('body') ?? '', keys: [...params.keys()] };
}

describe('facts with their sources', () => {
  it('gives every fact of a card its database source, product overrides first', () => {
    const facts = cardFactsOf(db, { providerId: 'openai', productId: 'openai-chatgpt' });
    const chatgptProduct = db.product('openai-chatgpt')!.product;
    const openai = db.provider('openai')!;
    // The fields the database states for ChatGPT, in card order (a parent and retention once stated).
    const expected = ['operator', ...(openai.parent || openai.noParent ? ['parent'] : []), 'dataLocations', 'trainsOnInputs', ...(chatgptProduct.retention ?? openai.retention ? ['retention'] : [])];
    expect(facts.map((f) => f.field)).toEqual(expected);
    expect(factOf(facts, 'operator')?.source).toEqual(db.provider('openai')!.operator!.source);
    expect(factOf(facts, 'dataLocations')).toEqual({ field: 'dataLocations', value: 'United States', source: chatgptProduct.dataLocations!.source });
    expect(factOf(facts, 'trainsOnInputs')?.value).toMatch(/^Yes, unless the user opts out (\(consumer plans\); business plans: No.* )?\(Consumer ChatGPT content/);
    expect(factOf(facts, 'trainsOnInputs')?.source).toEqual(chatgptProduct.trainsOnInputs!.source);
  });

  it('gives the owner its own source', () => {
    // Cici is run by a Singapore company of the group; the provider's parent owns it.
    const cici = db.lookupHost('www.ciciai.com')!;
    expect(cici.product.id).toBe('bytedance-cici');
    const facts = cardFactsOf(db, { providerId: cici.provider.id, productId: cici.product.id });
    const parent = cici.provider.parent!;
    expect(factOf(facts, 'parent')).toEqual({ field: 'parent', value: `${parent.name} (China)`, source: parent.source });
    expect(factOf(facts, 'operator')?.source).toEqual(cici.product.operator!.source);
  });

  it("adds the model's builder with the family's source only when another company built it", () => {
    const viaRouter = cardFactsOf(db, { providerId: 'openrouter', productId: db.lookupHost('openrouter.ai')!.product.id, model: 'deepseek/deepseek-chat' });
    const builder = factOf(viaRouter, 'modelBuilder');
    expect(builder?.value).toBe('DeepSeek: Hangzhou DeepSeek Artificial Intelligence Fundamental Technology Research Co., Ltd. (China)');
    expect(builder?.source).toEqual(db.lookupModel('deepseek-chat')!.family.source);
    expect(factOf(cardFactsOf(db, { providerId: 'deepseek', productId: 'deepseek-chat', model: 'deepseek-chat' }), 'modelBuilder')).toBeUndefined();
  });

  it('names a source by its site and its review date in the UI language', () => {
    expect(sourceHost('https://www.deepseek.com/privacy#x')).toBe('deepseek.com');
    expect(reviewedDate('2026-11-22', 'en')).toBe('Nov 22, 2026');
    expect(reviewedDate('2026-11-22', 'zh-CN')).toBe('2026年11月22日');
    expect(reviewedDate('', 'en')).toBe('');
  });
});

describe('trains on what you send', () => {
  const source = { url: 'https://example.org/', reviewed: '2026-11-01' };
  it('answers yes, yes unless you opt out, no, or not stated, from the database only', () => {
    expect(trainingStatus(undefined)).toBe('not-stated');
    expect(trainingStatus({ byDefault: false, source })).toBe('no');
    expect(trainingStatus({ byDefault: true, source })).toBe('yes');
    expect(trainingStatus({ byDefault: true, optOut: true, source })).toBe('opt-out');
    expect(trainingStatus({ byDefault: true, optOut: false, source })).toBe('yes');
    // The data: opt-out where the cited note says users can turn it off, not where it says nothing.
    expect(trainingStatus(db.product('openai-chatgpt')!.product.trainsOnInputs)).toBe('opt-out');
    expect(trainingStatus(db.product('openai-api')!.product.trainsOnInputs)).toBe('no');
    expect(trainingStatus(db.provider('moonshot')!.trainsOnInputs)).toBe('yes');
  });
});

describe('why a country counts', () => {
  it('says for each country which fact puts the service there, a regional entity with whom it serves', () => {
    const reasons = countryReasons(chatgpt.factors, 'OpenAI', tEn);
    expect(reasons.get('IE')).toEqual(["OpenAI's entity here (OpenAI Ireland Limited) serves users in the European Economic Area and Switzerland."]);
    const openaiParent = db.provider('openai')!.parent;
    expect(reasons.get('US')).toEqual([
      `OpenAI's operator (${db.provider('openai')!.operator!.name}) is based here.`,
      ...(openaiParent?.country === 'US' ? [`OpenAI's owner (${openaiParent.name}) is based here.`] : []),
      'OpenAI stores data here.',
    ]);
    // In Chinese the entity's English "serves …" words are not quoted into a Chinese sentence.
    expect(countryReasons(chatgpt.factors, 'OpenAI', tZh).get('IE')).toEqual(['OpenAI 在这里的实体（OpenAI Ireland Limited）服务于部分用户。']);
    expect(countryReasons(deepseek.factors, 'DeepSeek', tZh).get('CN')?.[0]).toBe('DeepSeek 的运营方（Hangzhou DeepSeek Artificial Intelligence Fundamental Technology Research Co., Ltd.）位于这里。');
  });

  it('names an operator once when its name is the service name', () => {
    const operator = { kind: 'operator', country: 'FR', entity: 'Photoroom', level: 'low', reason: '', laws: [] } as const satisfies RiskFactor;
    expect(factorSentence(operator, 'Photoroom', tEn)).toBe('Photoroom is based here.');
    expect(factorSentence(operator, 'Photoroom', tZh)).toBe('Photoroom 位于这里。');
    expect(factorSentence({ ...operator, entity: 'Photoroom SAS' }, 'Photoroom', tEn)).toBe("Photoroom's operator (Photoroom SAS) is based here.");
  });

  it("names the model's builder behind an aggregator", () => {
    const viaRouter = factsFor(db, { providerId: 'openrouter', productId: db.lookupHost('openrouter.ai')!.product.id, role: 'api' }, 'bytedance/doubao-1.5-pro-32k')!;
    const builder = viaRouter.factors.find((f) => f.kind === 'model-builder');
    expect(builder).toBeDefined();
    const bytedance = db.provider('bytedance')!;
    expect(countryReasons(viaRouter.factors, 'OpenRouter', tEn).get(builder!.country)).toEqual([
      `The model's builder (${bytedance.operator!.name}) is based here.`,
      ...(bytedance.parent ? [`The model builder's owner (${bytedance.parent.name}) is based here.`] : []),
    ]);
  });
});

describe('laws list', () => {
  it('puts laws that let the state obtain data first, then other state powers, then data protection', () => {
    const [cn] = lawsByCountry(deepseek.factors, db);
    expect(cn?.country).toBe('CN');
    expect(cn?.groups.map((g) => g.kind)).toEqual(['state-access', 'state-rules', 'data-protection']);
    expect(cn?.groups[0]?.laws.map((l) => l.id)).toContain('cn-national-intelligence-law');
    expect(cn?.groups[2]?.laws.map((l) => l.id)).toEqual(['cn-personal-information-protection-law']);
    const law = (id: string, kind: Law['kind']) => ({ id, kind }) as Law;
    expect(groupLaws([law('a', 'data-protection'), law('b', 'state-access'), law('c', 'data-protection')]).map((g) => [g.kind, g.laws.map((l) => l.id)])).toEqual([
      ['state-access', ['b']],
      ['data-protection', ['a', 'c']],
    ]);
  });

  it('lists every counted country worst first, once, with all the facts that place the service there', () => {
    const countries = lawsByCountry(chatgpt.factors, db);
    expect(countries.map((c) => c.country)).toEqual(['US', 'IE']);
    const parentHere = db.provider('openai')!.parent?.country === 'US' ? ['parent'] : [];
    expect(countries[0]?.factors.map((f) => f.kind)).toEqual(['operator', ...parentHere, 'data-location']);
    expect(lawCount(countries)).toBe(countries.flatMap((c) => c.groups.flatMap((g) => g.laws)).length);
  });

  it('classifies every law of the database', () => {
    for (const law of Object.values(db.compiled.laws)) expect(['state-access', 'state-rules', 'data-protection']).toContain(law.kind);
  });

  it('names a law with its year once', () => {
    expect(lawTitle({ name: 'National Intelligence Law', year: 2017 })).toBe('National Intelligence Law (2017)');
    expect(lawTitle({ name: 'Counter-Espionage Law (revised 2023)', year: 2023 })).toBe('Counter-Espionage Law (revised 2023)');
    expect(lawTitle(db.law('cn-counter-espionage-law')!)).toBe('Counter-Espionage Law (revised 2023)');
  });
});

describe('a model named like its builder', () => {
  it('is named once', () => {
    expect(oneNameFor('DeepSeek', 'DeepSeek')).toBe('DeepSeek');
    expect(oneNameFor('Mistral', 'Mistral AI')).toBe('Mistral AI');
    expect(oneNameFor('ByteDance Seed', 'ByteDance')).toBe('ByteDance Seed');
    expect(oneNameFor('Gemini', 'Google')).toBeUndefined();
    expect(oneNameFor('Qwen', 'Qwenzy')).toBeUndefined();
  });
});

describe('report a wrong fact', () => {
  const facts = cardFactsOf(db, { providerId: 'deepseek', productId: 'deepseek-chat' });
  const report: FactReport = { provider: 'DeepSeek', providerId: 'deepseek', product: 'DeepSeek Chat', facts };

  it("opens a new issue on the project's repository with the provider, each fact's field, value and source", () => {
    const url = reportFactUrl(report);
    expect(url.startsWith(`${PROJECT_REPOSITORY}/issues/new?`)).toBe(true);
    const { title, body, keys } = decoded(url);
    expect(keys).toEqual(['title', 'body']);
    expect(title).toBe('Wrong fact: DeepSeek');
    expect(body).toContain('Provider: DeepSeek (deepseek)\nProduct: DeepSeek Chat');
    const operator = db.provider('deepseek')!.operator!;
    expect(body).toContain(`Fact: Run by\nShown: ${operator.name} (China)\nSource: ${operator.source.url} (reviewed ${operator.source.reviewed})`);
    expect(body).toContain('Fact: Trains on what you send\nShown: Yes, unless the user opts out');
    const one = decoded(reportFactUrl({ ...report, facts: [factOf(facts, 'dataLocations')!] }));
    expect(one.title).toBe('Wrong fact: DeepSeek, Data stored in');
    expect(one.body).not.toContain('Run by');
  });

  it('carries nothing of the page: extra fields, a page address or a tab are ignored', () => {
    const withPage = { ...report, url: 'https://secret.example/path?q=customer', site: 'secret.example', host: 'secret.example', tabId: 42, page: 'secret' } as FactReport;
    const fact = { ...facts[0]!, host: 'secret.example', model: 'secret-model', path: '/v1/secret' } as (typeof facts)[number];
    const url = reportFactUrl({ ...withPage, facts: [fact] });
    expect(url).not.toMatch(/secret|customer|tabId|42/);
    // A source that is not an https URL of the database is not passed on either.
    const forged = decoded(reportFactUrl({ ...report, facts: [{ field: 'operator', value: 'x', source: { url: 'javascript:alert(1)', reviewed: 'soon' } }] }));
    expect(forged.body).toContain('Source: none in the database');
    expect(forged.body).not.toContain('javascript');
  });

  it('stays within its length bound, whatever the facts hold, and keeps to one line per value', () => {
    const long = 'x'.repeat(5000);
    const many = Array.from({ length: 40 }, () => ({ field: 'operator' as const, value: `${long}\n\nInjected: line`, source: { url: `https://example.org/${long}`, reviewed: '2026-11-01' } }));
    const url = reportFactUrl({ provider: `汉${long}`, providerId: long, product: long, facts: many });
    expect(url.length).toBeLessThanOrEqual(REPORT_URL_MAX);
    const { body } = decoded(url);
    expect(body).toContain('Fact: Run by');
    expect(body).not.toContain('\nInjected');
    expect(reportFactUrl(report).length).toBeLessThanOrEqual(REPORT_URL_MAX);
  });
});

describe('a law in the reader’s language', () => {
  it('counts in Chinese: 七, 十四, 三十五, 一百零五, 一百一十', () => {
    expect([1, 7, 10, 14, 20, 35, 100, 105, 110, 999].map(chineseNumeral)).toEqual(['一', '七', '十', '十四', '二十', '三十五', '一百', '一百零五', '一百一十', '九百九十九']);
  });

  it('names a Chinese law by its official Chinese name and articles (第七条) in the Chinese interface only', () => {
    const nil = { name: 'National Intelligence Law', officialName: '中华人民共和国国家情报法', year: 2017, articles: [{ ref: 'Art. 7', gist: '' }, { ref: 'Art. 14', gist: '' }] };
    expect(lawNameIn(nil, 'zh-CN')).toBe('中华人民共和国国家情报法');
    expect(lawNameIn(nil, 'en')).toBe('National Intelligence Law');
    expect(lawTitle(nil, 'zh-CN')).toBe('中华人民共和国国家情报法（2017）');
    expect(lawTitle(nil, 'en')).toBe('National Intelligence Law (2017)');
    expect(articleListIn(nil, 'zh-CN')).toBe('第七条、第十四条');
    expect(articleListIn(nil, 'en')).toBe('Art. 7, Art. 14');
    // A ref that is not a plain article number stays as the database writes it.
    expect(articleRefIn('Art. 28 (2017 text)', nil, 'zh-CN')).toBe('Art. 28 (2017 text)');
    // A law whose official name is not Chinese (GDPR) keeps its English words in Chinese too.
    const gdpr = { name: 'General Data Protection Regulation', officialName: 'Regulation (EU) 2016/679', year: 2016, articles: [{ ref: 'Art. 48', gist: '' }] };
    expect(lawNameIn(gdpr, 'zh-CN')).toBe('General Data Protection Regulation');
    expect(articleListIn(gdpr, 'zh-CN')).toBe('Art. 48');
  });
});
