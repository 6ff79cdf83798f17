import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "pg", "pino", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"],
  // Only local, static images are served; the optimizer is off so it cannot be used to fetch remote content.
  images: { unoptimized: true },
  typedRoutes: true,
  // The admin must not be framed by another site (clickjacking) and its answers must not be cached or leak referrers.
  headers() {
    const adminHeaders = [
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
      { key: "Referrer-Policy", value: "same-origin" },
      { key: "X-Content-Type-Options", value: "nosniff" },
    ];
    return Promise.resolve([
      { source: "/admin/:path*", headers: adminHeaders },
      { source: "/admin", headers: adminHeaders },
      { source: "/api/admin/:path*", headers: adminHeaders },
      { source: "/api/auth/:path*", headers: adminHeaders },
    ]);
  },
  experimental: {
    // forbidden() answers 403 for a signed-in maintainer without the role an admin page needs (src/app/forbidden.tsx).
    authInterrupts: true,
    // Catalog imports are uploaded to a server action; the whole catalog is under 1 MB.
    serverActions: { bodySizeLimit: "5mb" },
  },
};

export default nextConfig;
