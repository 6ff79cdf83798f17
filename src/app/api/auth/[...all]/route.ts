import { handleAuthRequest } from "@/server/auth/auth-route";

export const dynamic = "force-dynamic";

/** better-auth's endpoints, behind the allow-list and sign-in throttle of src/server/auth/auth-route.ts. */
export const GET = handleAuthRequest;
export const POST = handleAuthRequest;
