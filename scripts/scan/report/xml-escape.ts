/**
 * Escaping for XML 1.0 reports. Everything in them can come from a page (URLs, model names, page
 * markers), and a page can be hostile: `<`, `&`, quotes and `]]>` are escaped rather than wrapped
 * in CDATA (which `]]>` would end), and characters XML 1.0 cannot carry at all (most C0 controls,
 * lone surrogates, U+FFFE/U+FFFF) are written out as `\uXXXX` so the file stays well-formed and
 * the reader still sees that something odd was there.
 */

// Not allowed by XML 1.0's Char production; with the `u` flag a lone surrogate is matched, a pair is not.
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu;

function visible(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Element content. */
export function xmlText(s: string): string {
  return s.replace(NOT_XML_CHAR, visible).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A double-quoted attribute value; tabs and line breaks as references so parsers do not normalise them to spaces. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
