import { apiHandler } from "@/server/http/api-handler";
import { databaseBackend } from "@/env";
import { logger } from "@/server/log/logger";
import { checkDatabase } from "@/server/repositories/health-repository";

export const dynamic = "force-dynamic";

/** Liveness and readiness in one: 200 when the database answers, 503 when it does not. */
export const GET = apiHandler(async (_request: Request) => {
  const database = await checkDatabase();
  const backend = databaseBackend();
  if (!database.reachable) {
    logger.warn({ backend }, "health check: database unreachable");
    return Response.json(
      { status: "unavailable", database: { backend, reachable: false } },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
  return Response.json(
    { status: "ok", database: { backend, reachable: true, migrationLevel: database.migrationLevel } },
    { headers: { "Cache-Control": "no-store" } },
  );
});
