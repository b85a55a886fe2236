/** Audit entries as a table, newest first; the data- attributes are read by tests. */
import type { AuditEntry } from '../core/audit/audit-entry.ts';
import { t } from '../shared/t.ts';
import { Country } from '../ui/Country.tsx';
import { LevelBadge } from '../ui/LevelBadge.tsx';
import { kindWord, ruleWords, typeWord } from './audit-words.ts';
import { formatCount, formatTimeExact } from './format-time.ts';

function Service({ entry }: { entry: AuditEntry }) {
  if (!entry.providerName && !entry.providerId) return <span class="muted">{t('auditUnknownService')}</span>;
  return (
    <span class="service">
      <span>{entry.providerName ?? entry.providerId}</span>
      {entry.product && entry.product !== entry.providerName && <span class="sub">{entry.product}</span>}
      {entry.country && (
        <span class="sub">
          <Country code={entry.country} />
        </span>
      )}
    </span>
  );
}

export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="audit-caption">
      <table class="audit-table">
        <caption id="audit-caption" class="visually-hidden">
          {t('auditTableCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('auditColTime')}</th>
            <th scope="col">{t('auditColEvent')}</th>
            <th scope="col">{t('auditColSite')}</th>
            <th scope="col">{t('auditColService')}</th>
            <th scope="col">{t('auditColLevel')}</th>
            <th scope="col">{t('auditColDetails')}</th>
            <th scope="col" class="num">
              {t('auditColCount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-audit-entry={e.id} data-type={e.type} data-host={e.host} data-site={e.site} data-provider={e.providerId ?? ''}>
              <td class="nowrap">{formatTimeExact(e.time)}</td>
              <td>
                <span class={`event event-${e.type}`}>
                  <span aria-hidden="true">{e.type === 'block' ? '⛔ ' : e.type === 'justify' ? '📝 ' : '👁 '}</span>
                  {typeWord(e.type)}
                </span>
              </td>
              <td class="site">{e.site ? <code>{e.site}</code> : <span class="muted">{t('auditNoSite')}</span>}</td>
              <td>
                <Service entry={e} />
              </td>
              <td>{e.level ? <LevelBadge level={e.level} /> : <span class="muted">–</span>}</td>
              <td>
                <div class="details">
                  <code>{e.host}</code>
                  <span class="sub">{kindWord(e.kind)}</span>
                  {e.model && <span class="sub">{t('auditModel', [e.model])}</span>}
                  {e.rule && <span class="sub">{ruleWords(e)}</span>}
                  {/* What a person typed: text only, as every value here. */}
                  {e.reason && (
                    <span class="sub reason" data-reason>
                      {t('auditReason', [e.reason])}
                    </span>
                  )}
                </div>
              </td>
              <td class="num">{formatCount(e.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
