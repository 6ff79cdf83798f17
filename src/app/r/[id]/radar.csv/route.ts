import { byorCsv } from "@/domain/report/radar";
import { radarResponse } from "@/server/http/radar-response";

export const dynamic = "force-dynamic";

/** GET /r/{id}/radar.csv — the plan as a Thoughtworks Build Your Own Radar CSV (name, ring, quadrant, isNew, description). */
export const GET = radarResponse("csv", (data, origin) => byorCsv(data, origin));
