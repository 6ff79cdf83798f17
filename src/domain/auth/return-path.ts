/**
 * Where sign-in may send a maintainer back to: a path of this app under `/admin`, nothing else.
 *
 * The value comes from the `next` query parameter, so it is attacker-controlled. It is resolved the way a browser
 * resolves a link (WHATWG URL parsing: dot segments, encoded dots, backslashes as slashes) against a placeholder
 * origin, and kept only when the result stays on that origin and under `/admin`. The normalised form is returned, so
 * what the browser navigates to is exactly what was checked (`/admin/../..//evil.example` would otherwise resolve to
 * the protocol-relative `//evil.example`).
 */

export const DEFAULT_RETURN_PATH = "/admin";

/** Longer return paths are refused: no admin page has a URL anywhere near this long. */
const MAX_RETURN_PATH_LENGTH = 512;
const PLACEHOLDER_ORIGIN = "https://return-path.invalid";

/** The normalised same-origin path under /admin that `value` names, or `DEFAULT_RETURN_PATH`. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_RETURN_PATH_LENGTH) {
    return DEFAULT_RETURN_PATH;
  }
  // Only a path: no scheme, no authority, no backslash (browsers read it as a slash), no control characters.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (!value.startsWith("/") || value.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(value)) {
    return DEFAULT_RETURN_PATH;
  }
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return DEFAULT_RETURN_PATH;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN || url.username || url.password) return DEFAULT_RETURN_PATH;
  const isUnderAdmin = url.pathname === "/admin" || url.pathname.startsWith("/admin/");
  // An encoded slash or backslash would be decoded by some servers and proxies into a path of their own.
  if (!isUnderAdmin || /%(2f|5c)/i.test(url.pathname) || url.pathname.includes("//")) return DEFAULT_RETURN_PATH;
  return `${url.pathname}${url.search}${url.hash}`;
}
