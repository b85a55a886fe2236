/** The words an export's header uses for what was selected. */
import type { ExportFilter } from './export-entries.ts';

export function selectionText(filter: ExportFilter): string {
  const parts = [filter.blockedOnly ? 'those the block settings in force block (organization and user)' : 'every AI host in the database'];
  if (filter.country) parts.push(`operated from ${filter.country}`);
  if (filter.level) parts.push(`risk ${filter.level} or more severe`);
  return parts.join(', ');
}
