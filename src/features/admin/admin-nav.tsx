"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { Route } from "next";
import { useState } from "react";

type NavItem = { href: Route; label: string };

/** The admin's own navigation, with the maintainer's name, role and a sign-out that ends the session on the server. */
export function AdminNav({ items, name, role }: { items: NavItem[]; name: string; role: string }) {
  const pathname = usePathname();
  const [signingOut, setSigningOut] = useState(false);

  async function signOut() {
    setSigningOut(true);
    await fetch("/api/auth/sign-out", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    }).catch(() => null);
    // A full page load, not a client navigation: it also empties the router's cache of admin pages.
    window.location.replace("/admin/sign-in");
  }

  return (
    <div className="mb-8 flex flex-wrap items-center justify-between gap-3 border-b border-line pb-3">
      <nav aria-label="Admin" className="flex flex-wrap gap-1">
        {items.map((item) => {
          const active = item.href === "/admin" ? pathname === "/admin" : pathname.startsWith(item.href);
          return (
            <Link
              key={item.href}
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={`rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-accent-soft text-accent" : "text-ink-muted hover:bg-surface-muted hover:text-ink"}`}
            >
              {item.label}
            </Link>
          );
        })}
      </nav>
      <div className="flex items-center gap-3 text-sm">
        <span className="text-ink-muted">
          {name} · <span className="font-medium text-ink">{role}</span>
        </span>
        <button
          type="button"
          onClick={() => void signOut()}
          disabled={signingOut}
          className="rounded-md border border-line px-3 py-1.5 font-medium hover:bg-surface-muted"
        >
          {signingOut ? "Signing out…" : "Sign out"}
        </button>
      </div>
    </div>
  );
}
