import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "pg", "pino", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"],
  // Only local, static images are served; the optimizer is off so it cannot be used to fetch remote content.
  images: { unoptimized: true },
  typedRoutes: true,
};

export default nextConfig;
