/** GET /api/ping — a static JSON answer: the framework's ceiling for the throughput benchmark (npm run bench). */
export const dynamic = "force-static";

export function GET() {
  return Response.json({ ok: true });
}
