/**
 * The slug a new catalog entry gets from its name until a maintainer writes one: lowercase letters, digits and single
 * hyphens (the shape ZSlug accepts), accents folded, "&" and "+" spelt out, at most 64 characters.
 */
export function slugFromName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/\+/g, " plus ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
}
