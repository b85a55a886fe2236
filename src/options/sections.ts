/** The options page's sections, in page order: their anchors (options.html#audit) and titles. */
export const SECTIONS = [
  { id: 'mode', title: 'optProtectionTitle' },
  { id: 'lists', title: 'optListsTitle' },
  { id: 'audit', title: 'auditTitle' },
  { id: 'policy', title: 'optPolicyTitle' },
  { id: 'database', title: 'optDbTitle' },
  { id: 'export', title: 'optExportTitle' },
  { id: 'backup', title: 'optTransferTitle' },
  { id: 'advanced', title: 'optAdvancedTitle' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];
