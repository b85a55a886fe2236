/** A country as flag + name; the name is always there, the flag is decoration. */
import { countryFlag, countryName } from '../core/country.ts';
import { intlLocaleOf } from '../core/intl-locale.ts';
import { t } from '../shared/t.ts';

export function Country({ code }: { code: string }) {
  const flag = countryFlag(code);
  return (
    <span class="country" data-country={code}>
      {flag && <span aria-hidden="true">{flag} </span>}
      {countryName(code, intlLocaleOf(t))}
    </span>
  );
}
