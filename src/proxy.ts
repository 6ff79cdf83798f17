import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/env";
import { newNonce, requestIdFor } from "@/server/http/request-tokens";

/**
 * Runs before every request (Next 16's proxy, formerly middleware): a per-request CSP nonce, security headers and a
 * request id. Authorization does NOT live here; every server action, route handler and page checks its own access
 * through the server layer.
 */

export function contentSecurityPolicy(scriptNonce: string, isDev: boolean): string {
  return [
    "default-src 'self'",
    // Next's inline bootstrap and chunk loading run under the nonce; 'strict-dynamic' trusts what they load.
    `script-src 'self' 'nonce-${scriptNonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    // Mermaid writes its styles into the SVG it returns, and React sets style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "upgrade-insecure-requests",
  ].join("; ");
}

export function proxy(request: NextRequest) {
  const scriptNonce = newNonce();
  const isDev = env.NODE_ENV === "development";
  const csp = contentSecurityPolicy(scriptNonce, isDev);
  const requestId = requestIdFor(request.headers.get("x-request-id"));

  const headers = new Headers(request.headers);
  // Tells the admin layout which page was asked for, so that signing in returns there. Not an authorisation check
  // (those live in src/server/auth, on every request); the sign-in page accepts nothing but /admin paths from it.
  if (request.nextUrl.pathname === "/admin" || request.nextUrl.pathname.startsWith("/admin/")) {
    headers.set("x-admin-return-to", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  }
  headers.set("x-nonce", scriptNonce);
  headers.set("x-request-id", requestId);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });

  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Content-Type-Options", "nosniff");
  const isAdmin = /^\/(admin|api\/admin|api\/auth)(\/|$)/.test(request.nextUrl.pathname);
  // The maintainers' console never leaks its URLs to other sites.
  response.headers.set("Referrer-Policy", isAdmin ? "same-origin" : "strict-origin-when-cross-origin");
  response.headers.set("X-Frame-Options", "DENY");
  response.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  response.headers.set("Cross-Origin-Opener-Policy", "same-origin");
  response.headers.set("x-request-id", requestId);
  if (env.NODE_ENV === "production") {
    response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  }
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
