import { backstageRadar } from "@/domain/report/radar";
import { radarResponse } from "@/server/http/radar-response";

export const dynamic = "force-dynamic";

/** GET /r/{id}/backstage-radar.json — the plan as the Backstage tech-radar plugin's data (quadrants, rings, entries). */
export const GET = radarResponse(
  "backstage",
  (data, origin) => `${JSON.stringify(backstageRadar(data, origin), null, 2)}\n`,
);
