import { bundleYaml } from "@/server/admin/catalog-transfer";
import { adminRoute } from "@/server/auth/admin-route";
import { getCatalog } from "@/server/repositories/catalog-repository";

export const dynamic = "force-dynamic";

/** GET /api/admin/export — the whole catalog as one YAML file in the content/ format (maintainers only). */
export const GET = adminRoute("editor", async () => {
  const now = new Date();
  const body = bundleYaml(await getCatalog(), now);
  return new Response(body, {
    headers: {
      "Content-Type": "application/yaml; charset=utf-8",
      "Content-Disposition": `attachment; filename="mlops-catalog-${now.toISOString().slice(0, 10)}.yaml"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
