/**
 * Request URL parts for observe.ts: read directly when the text is already in the parser's form
 * (core/detection/quick-url-parts.ts), else through the URL parser captured at start.
 */
import { quickUrlParts, type UrlParts } from '../../core/detection/quick-url-parts.ts';
import { baseUrl, parseUrl, parseUrlOnce } from './natives.ts';

/** The document's base URL, parsed once per distinct value (a `<base>` element can change it). */
const parseBase = parseUrlOnce();
const baseParts = () => parseBase(baseUrl());

export function requestUrlParts(url: string): UrlParts | undefined {
  return quickUrlParts(url, baseParts) ?? parseUrl(url, baseUrl());
}
