import "server-only";
import { env } from "@/env";
import { internalOrigin } from "./internal-origin";
import { requestOrigin } from "./read-json";

/**
 * The origin absolute links in exports point to (a report's permalink, tool pages, the JSON schema): APP_ORIGIN,
 * else BETTER_AUTH_URL, else the origin the request was sent to (its Host, or the proxy's forwarded host). A spoofed
 * Host only changes the links in the requester's own download.
 */
export function publicOrigin(request?: Pick<Request, "headers" | "url">): string {
  const configured = env.APP_ORIGIN ?? env.BETTER_AUTH_URL;
  if (configured) return new URL(configured).origin;
  return (request ? requestOrigin(request) : null) ?? internalOrigin();
}
