/** Prefix of every maintainer cookie (`advisor.session_token`, `__Secure-advisor.session_token` over HTTPS). */
export const AUTH_COOKIE_PREFIX = "advisor";
