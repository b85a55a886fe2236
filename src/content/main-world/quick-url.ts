/**
 * Request URL parts for observe.ts: read directly when the text is already in the parser's form
 * (core/detection/quick-url-parts.ts), else through the URL parser captured at start.
 */
import { quickUrlParts, type UrlParts } from '../../core/detection/quick-url-parts.ts';
import { baseUrl, parseUrl } from './natives.ts';

let lastBase: string | undefined;
let lastBaseParts: UrlParts | undefined;

/** The document's base URL, parsed once per distinct value (a `<base>` element can change it). */
function baseParts(): UrlParts | undefined {
  const base = baseUrl();
  if (base !== lastBase) {
    lastBase = base;
    lastBaseParts = base === undefined ? undefined : parseUrl(base, undefined);
  }
  return lastBaseParts;
}

export function requestUrlParts(url: string): UrlParts | undefined {
  return quickUrlParts(url, baseParts) ?? parseUrl(url, baseUrl());
}
