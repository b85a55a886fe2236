/**
 * The update manifest Chrome and Edge fetch from an extension's update_url ("gupdate" XML): it
 * names the extension's ID, its current version and where its .crx is. A self-hosting admin
 * serves it next to the .crx.
 */

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export interface UpdateManifestEntry {
  appId: string;
  version: string;
  /** The https URL of the .crx. */
  codebase: string;
}

export function updateManifestXml({ appId, version, codebase }: UpdateManifestEntry): string {
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>",
    `  <app appid='${escapeAttribute(appId)}'>`,
    `    <updatecheck codebase='${escapeAttribute(codebase)}' version='${escapeAttribute(version)}' />`,
    '  </app>',
    '</gupdate>',
    '',
  ].join('\n');
}
