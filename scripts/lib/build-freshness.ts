import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Inputs of `next build`: when one is newer than the last build, the build is stale. */
const BUILD_INPUTS = [
  "src",
  "public",
  "next.config.mjs",
  "package-lock.json",
  "postcss.config.mjs",
  "prisma/schema.prisma",
];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/** True when `root` has no production build, or one older than its sources (used by `npm start` and the runners). */
export function needsBuild(root: string): boolean {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(path.join(root, input)) > built);
}
