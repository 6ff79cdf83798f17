export type PickerTool = { slug: string; name: string; category: string };

/**
 * Catalog tools whose name or slug contains the typed text (case-insensitive), names that start with it first, then
 * by name; tools in `exclude` are left out. Shared by the browser's tool finder and the server's no-JavaScript list.
 */
export function matchTools(
  tools: readonly PickerTool[],
  text: string,
  exclude: ReadonlySet<string>,
  limit: number,
): PickerTool[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [];
  const compact = needle.replace(/[^a-z0-9]/g, "");
  return tools
    .filter((t) => {
      if (exclude.has(t.slug)) return false;
      const name = t.name.toLowerCase();
      return (
        name.includes(needle) ||
        t.slug.includes(needle) ||
        (compact !== "" && t.slug.replace(/-/g, "").includes(compact))
      );
    })
    .sort(
      (a, b) =>
        Number(!a.name.toLowerCase().startsWith(needle)) - Number(!b.name.toLowerCase().startsWith(needle)) ||
        a.name.localeCompare(b.name, "en", { sensitivity: "base" }),
    )
    .slice(0, limit);
}
