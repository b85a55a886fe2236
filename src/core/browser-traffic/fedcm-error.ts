/**
 * Chrome's own rejection of `navigator.credentials.get({identity})` when the identity provider's
 * files cannot be fetched (observed in Chromium 156: `NetworkError: Error retrieving a token.`).
 * The page hook answers a blocked provider with the same, so the page sees an unreachable
 * provider, not an extension. Browser text, not words of this extension: never translated.
 */
export const FEDCM_FAILURE = { name: 'NetworkError', message: 'Error retrieving a token.' } as const;
