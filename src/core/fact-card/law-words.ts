/**
 * A law as a reader of the Chinese interface meets it: a Chinese law by its official Chinese name
 * (中华人民共和国国家情报法) and its articles in Chinese form (第七条), the way the law itself
 * writes them; another law by the Chinese name in common official use (通用数据保护条例) with its
 * original name beside it, its articles as 第45条; summaries and gists in Chinese where the
 * database has them (docs/data.md, "Text in Chinese"), else as written (English).
 */
import { hasHan } from '../i18n.ts';
import type { Jurisdiction, Law, LawArticle, TextLocale, Translations } from '../provider.ts';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

const isChinese = (locale: string) => locale.toLowerCase().startsWith('zh');

/** The database's language key for an interface locale (`zh-CN` → `zh_CN`), if it has text in it. */
export const textLocaleOf = (locale: string): TextLocale | undefined => (isChinese(locale) ? 'zh_CN' : undefined);

/** The text in the reader's language where the database has it, else the English one. */
export function textIn(english: string, translations: Translations | undefined, locale: string): string {
  const key = textLocaleOf(locale);
  return (key && translations?.[key]) || english;
}

/** A country's one-sentence reason in the reader's language. */
export const reasonIn = (j: Pick<Jurisdiction, 'reason' | 'reasons'>, locale: string) => textIn(j.reason, j.reasons, locale);
export const summaryIn = (law: Pick<Law, 'summary' | 'summaries'>, locale: string) => textIn(law.summary, law.summaries, locale);
export const gistIn = (article: LawArticle, locale: string) => textIn(article.gist, article.gists, locale);

/** The law's official name is Chinese (a PRC or Hong Kong law): its articles are counted in Chinese. */
export const hasChineseName = (law: Pick<Law, 'officialName'>) => law.officialName !== undefined && hasHan(law.officialName);

/** A reader of `locale` gets this law in its own Chinese words. */
export const inChinese = (law: Pick<Law, 'officialName'>, locale: string) => isChinese(locale) && hasChineseName(law);

/** A reader of `locale` gets this (non-Chinese) law by its Chinese name, with the original beside it. */
const byChineseName = (law: Pick<Law, 'officialName' | 'names'>, locale: string) => isChinese(locale) && !hasChineseName(law) && law.names?.zh_CN !== undefined;

/** 7 → 七, 14 → 十四, 35 → 三十五, 105 → 一百零五, 110 → 一百一十 (1 to 999). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = hundreds ? `${DIGITS[hundreds]}百` : '';
  if (tens) out += `${hundreds || tens > 1 ? DIGITS[tens] : ''}十`;
  else if (hundreds && ones) out += '零';
  if (ones) out += DIGITS[ones];
  return out;
}

/** The name a reader of `locale` is shown. */
export function lawNameIn(law: Pick<Law, 'name' | 'officialName'> & Partial<Pick<Law, 'names'>>, locale: string): string {
  if (inChinese(law, locale)) return law.officialName!;
  return byChineseName(law, locale) ? law.names!.zh_CN! : law.name;
}

/** The original name shown beside a Chinese one (GDPR's English name beside 通用数据保护条例); undefined when the name shown is the original. */
export function originalNameBeside(law: Pick<Law, 'name' | 'officialName'> & Partial<Pick<Law, 'names'>>, locale: string): string | undefined {
  return byChineseName(law, locale) ? law.name : undefined;
}

/**
 * An article's reference as a Chinese reader writes it: its Chinese ref where the database has one
 * (`refs.zh_CN`: 第二十八条（2017年文本）), else "Art. 7" as 第七条 in a Chinese law and 第7条 (第10.1条)
 * in another law shown by its Chinese name; anything else ("s. 69") as written.
 */
export function articleRefIn(article: Pick<LawArticle, 'ref'> & Partial<Pick<LawArticle, 'refs'>>, law: Pick<Law, 'officialName'> & Partial<Pick<Law, 'names'>>, locale: string): string {
  const { ref } = article;
  if (isChinese(locale) && article.refs?.zh_CN) return article.refs.zh_CN;
  const plain = /^Art\. (\d{1,3})$/.exec(ref);
  if (plain && inChinese(law, locale)) return `第${chineseNumeral(Number(plain[1]))}条`;
  const numbered = /^Art\. (\d{1,3}(?:\.\d{1,3})?)$/.exec(ref);
  return numbered && byChineseName(law, locale) ? `第${numbered[1]}条` : ref;
}

/** The articles as one list: "Art. 7, Art. 14" or 第七条、第十四条. */
export function articleListIn(law: Pick<Law, 'officialName' | 'articles'> & Partial<Pick<Law, 'names'>>, locale: string): string {
  return law.articles.map((a) => articleRefIn(a, law, locale)).join(isChinese(locale) && (hasChineseName(law) || law.names?.zh_CN) ? '、' : ', ');
}
