/**
 * Per-request tokens shared by the proxy (src/proxy.ts) and the page cache: the CSP nonce and the request id.
 * Web-standard crypto only, so this runs wherever the proxy runs.
 */

/** 128 random bits in hex: no HTML, JSON or JavaScript escaping touches it, so every copy in a page can be found. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,80}$/;

/** A caller's own well-formed X-Request-Id is kept (to follow a request across services); otherwise a new one. */
export function requestIdFor(incoming: string | null): string {
  return incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}
