// Plain JavaScript (typed with JSDoc for editors): a next.config.ts makes the production server load Next's
// SWC compiler (about 25 MB of memory) just to read this file at every start.
import { readFileSync } from "node:fs";
import path from "node:path";

/** @type {{ version: string }} */
const { version } = JSON.parse(readFileSync(path.join(import.meta.dirname, "package.json"), "utf8"));

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Several instances behind one proxy must agree on the deployment (Next's version-skew protection: asset URLs carry
  // ?dpl=<id>, and a client on another deployment reloads instead of mixing versions). NEXT_DEPLOYMENT_ID (Next's own
  // variable, which also overrides this value) sets it per release; the default follows the package version. Next
  // allows only letters, digits, "-" and "_".
  deploymentId: process.env.NEXT_DEPLOYMENT_ID || `mlops-stack-advisor-${version.replace(/[^A-Za-z0-9_-]/g, "_")}`,
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "pg", "pino", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"],
  // Only local, static images are served; the optimizer is off so it cannot be used to fetch remote content.
  images: { unoptimized: true },
  typedRoutes: true,
  // The framework's own files (scripts, stylesheets) skip src/proxy.ts, which sets the pages' headers: they get the
  // same protection here, with a policy that lets nothing load inside them.
  headers() {
    const protective = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
      { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
      { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
    ];
    return Promise.resolve([
      { source: "/_next/static/:path*", headers: protective },
      { source: "/favicon.ico", headers: protective },
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
