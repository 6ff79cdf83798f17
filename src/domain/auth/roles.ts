/**
 * Maintainer roles. An editor keeps the catalog (tools, phases, capabilities, import/export); an admin can also
 * manage maintainers. Roles are ordered: an admin may do everything an editor may.
 */
export const ROLES = ["editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  editor: "Editor — catalog only",
  admin: "Admin — catalog and maintainers",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Whether a maintainer with `role` may do what needs `required`. Unknown roles may do nothing. */
export function hasRole(role: unknown, required: Role): boolean {
  if (!isRole(role)) return false;
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}
