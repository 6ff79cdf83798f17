import type { IncomingHttpHeaders } from "node:http";
import { isIP } from "node:net";

/**
 * The one place that decides who the client is, for every per-client limit (write, export and PDF limits, the
 * sign-in throttle). Our HTTP server (production-server.ts) works the address out once per request with
 * `clientAddressOf` and hands it to the app in CLIENT_IP_HEADER, replacing anything the client sent under that name;
 * the app reads it with `clientAddress`.
 *
 * Client-supplied headers count only with TRUST_PROXY, and then only the last X-Forwarded-For entry: the one our
 * reverse proxy appended (the address it saw). Entries before it are whatever the client wrote. Anything that is not
 * an IP address is refused, so a limit's key is never longer than an address.
 */

/** The request header our own server sets to the client's address. */
export const CLIENT_IP_HEADER = "x-advisor-client-ip";

/** Used as the key when no address can be trusted (it then groups such requests together). */
export const UNKNOWN_CLIENT = "unknown";

function normalise(address: string | undefined): string | null {
  const trimmed = address?.trim() ?? "";
  // An IPv4 client on a dual-stack socket: ::ffff:203.0.113.7 is 203.0.113.7.
  const plain = trimmed.startsWith("::ffff:") && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
  return isIP(plain) ? plain.toLowerCase() : null;
}

/**
 * The client address of a raw request: the socket's peer, or with `trustProxy` the last X-Forwarded-For entry (all
 * X-Forwarded-For lines count as one list, in order). Falls back to the socket when that entry is not an address.
 */
export function clientAddressOf(
  request: { headers: IncomingHttpHeaders; socket: { remoteAddress?: string } },
  trustProxy: boolean,
): string {
  if (trustProxy) {
    const forwarded = request.headers["x-forwarded-for"];
    const list = Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "");
    const last = normalise(list.split(",").pop());
    if (last) return last;
  }
  return normalise(request.socket.remoteAddress) ?? UNKNOWN_CLIENT;
}

/** The client address of a request inside the app (route handlers, server actions, pages): what our server set. */
export function clientAddress(source: Request | { get(name: string): string | null }): string {
  const headers = source instanceof Request ? source.headers : source;
  return normalise(headers.get(CLIENT_IP_HEADER) ?? undefined) ?? UNKNOWN_CLIENT;
}
