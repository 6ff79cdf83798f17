import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { hasRole } from "@/domain/auth/roles";
import { AdminNav } from "@/features/admin/admin-nav";
import { requirePageRole } from "@/server/auth/require-page-role";

export const metadata: Metadata = {
  title: { default: "Admin", template: "%s · Admin · MLOps Stack Advisor" },
  robots: { index: false },
};

/** The admin console frame. Each page checks the role it needs again: layouts are not re-run on every navigation. */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const maintainer = await requirePageRole("editor", (await headers()).get("x-admin-return-to") ?? "/admin");
  const items = [
    { href: "/admin", label: "Dashboard" },
    { href: "/admin/tools", label: "Tools" },
    { href: "/admin/categories", label: "Categories" },
    { href: "/admin/audit", label: "Audit log" },
    { href: "/admin/transfer", label: "Import / export" },
    ...(hasRole(maintainer.role, "admin") ? [{ href: "/admin/maintainers", label: "Maintainers" }] : []),
    { href: "/admin/account", label: "Account" },
  ] as const;
  return (
    <div className="page-width py-8">
      <AdminNav items={[...items]} name={maintainer.name} role={maintainer.role} />
      {children}
    </div>
  );
}
