import { NextResponse, type NextRequest } from "next/server";

/**
 * Tells the admin layout which page was asked for, so that signing in returns there. This is not an authorisation
 * check (those live in the data access layer, src/server/auth/current-maintainer.ts, on every request); the value is
 * only a return path, and the sign-in page accepts nothing but /admin paths from it.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-admin-return-to", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/admin", "/admin/:path*"] };
