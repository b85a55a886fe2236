/**
 * A translated sentence with one value shown as code (a host, a model name): the message is
 * looked up with a marker in the value's place, so each language keeps its own word order.
 */
import type { ComponentChildren } from 'preact';
import type { Translate } from '../core/i18n.ts';

const MARK = '\u0001';

export function withCode(t: Translate, key: string, value: string): ComponentChildren {
  const [before = '', after = ''] = t(key, [MARK]).split(MARK);
  return (
    <>
      {before}
      <code>{value}</code>
      {after}
    </>
  );
}
