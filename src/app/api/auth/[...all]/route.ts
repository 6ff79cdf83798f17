import { handleAuthRequest } from "@/server/auth/auth-route";
import { apiHandler } from "@/server/http/api-handler";

export const dynamic = "force-dynamic";

/**
 * better-auth's endpoints, behind the allow-list and sign-in throttle of src/server/auth/auth-route.ts; 503 with
 * Retry-After while the database cannot be reached.
 */
export const GET = apiHandler(handleAuthRequest);
export const POST = apiHandler(handleAuthRequest);
