import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "pg", "pino", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"],
  // Only local, static images are served; the optimizer is off so it cannot be used to fetch remote content.
  images: { unoptimized: true },
  typedRoutes: true,
  experimental: {
    // forbidden() answers 403 for a signed-in maintainer without the role an admin page needs (src/app/forbidden.tsx).
    authInterrupts: true,
    // Catalog imports are uploaded to a server action; the whole catalog is under 1 MB.
    serverActions: { bodySizeLimit: "5mb" },
  },
};

export default nextConfig;
