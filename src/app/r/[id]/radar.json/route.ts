import { byorRows } from "@/domain/report/radar";
import { radarResponse } from "@/server/http/radar-response";

export const dynamic = "force-dynamic";

/** GET /r/{id}/radar.json — the plan as Build Your Own Radar JSON: an array of { name, ring, quadrant, isNew, description }. */
export const GET = radarResponse("json", (data, origin) => `${JSON.stringify(byorRows(data, origin), null, 2)}\n`);
