/**
 * Maintainer cookies. Over HTTPS (a configured https:// origin, BETTER_AUTH_URL or APP_ORIGIN) the session cookie is
 * `__Host-advisor.session_token`: the browser keeps it only when it is Secure, has `Path=/` and no `Domain`, so no
 * other host (a sibling subdomain included) can set or shadow it. A production build without an https origin (run
 * locally over http) keeps better-auth's `__Secure-` cookie; development over plain http uses `advisor.session_token`.
 */
export const AUTH_COOKIE_PREFIX = "advisor";
export const HOST_COOKIE_PREFIX = "__Host-";

/** The name of a maintainer cookie (`session_token`, …) with or without the __Host- prefix. */
export function authCookieName(cookie: string, isSecure: boolean): string {
  return `${isSecure ? HOST_COOKIE_PREFIX : ""}${AUTH_COOKIE_PREFIX}.${cookie}`;
}

/** Matches a Cookie header that carries a maintainer cookie, whatever its prefix. */
export const MAINTAINER_COOKIE = new RegExp(`(^|;\\s*)(__Secure-|__Host-)?${AUTH_COOKIE_PREFIX}\\.`);
