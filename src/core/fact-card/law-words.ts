/**
 * A law as a reader of the Chinese interface meets it: a Chinese law by its official Chinese name
 * (中华人民共和国国家情报法) and its articles in Chinese form (第七条), the way the law itself
 * writes them; other laws keep the database's English words (issue: laws in both languages).
 */
import { hasHan } from '../i18n.ts';
import type { Law } from '../provider.ts';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

const isChinese = (locale: string) => locale.toLowerCase().startsWith('zh');

/** The law's official name is Chinese (a PRC or Hong Kong law): its articles are counted in Chinese. */
export const hasChineseName = (law: Pick<Law, 'officialName'>) => law.officialName !== undefined && hasHan(law.officialName);

/** A reader of `locale` gets this law in its own Chinese words. */
export const inChinese = (law: Pick<Law, 'officialName'>, locale: string) => isChinese(locale) && hasChineseName(law);

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
export function lawNameIn(law: Pick<Law, 'name' | 'officialName'>, locale: string): string {
  return inChinese(law, locale) ? law.officialName! : law.name;
}

/** "Art. 7" of a Chinese law as 第七条 in Chinese; anything else (other laws, "Art. 28 (2017 text)") as written. */
export function articleRefIn(ref: string, law: Pick<Law, 'officialName'>, locale: string): string {
  const plain = /^Art\. (\d{1,3})$/.exec(ref);
  return plain && inChinese(law, locale) ? `第${chineseNumeral(Number(plain[1]))}条` : ref;
}

/** The articles as one list: "Art. 7, Art. 14" or 第七条、第十四条. */
export function articleListIn(law: Pick<Law, 'officialName' | 'articles'>, locale: string): string {
  return law.articles.map((a) => articleRefIn(a.ref, law, locale)).join(inChinese(law, locale) ? '、' : ', ');
}
