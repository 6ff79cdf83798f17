/**
 * Finds Debian's Chromium for Playwright (which may not download its own browsers here): CHROMIUM_PATH, else
 * `chromium` on the PATH; when missing, installs it with apt-get if we are root, otherwise says how.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

function onPath(name: string): string | null {
  const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  const file = found.stdout.trim();
  return found.status === 0 && file ? file : null;
}

export function findChromium(configured: string | undefined): string | null {
  if (configured) return existsSync(configured) ? configured : null;
  return onPath("chromium") ?? onPath("chromium-browser");
}

export function ensureChromium(configured: string | undefined): string {
  const found = findChromium(configured);
  if (found) return found;
  if (configured)
    throw new Error(
      `CHROMIUM_PATH=${configured} does not exist; fix the path or unset it to use chromium from the PATH.`,
    );
  if (process.getuid?.() !== 0) {
    throw new Error(
      "Chromium is not installed: run `sudo apt-get install -y chromium` (or set CHROMIUM_PATH) and retry.",
    );
  }
  console.log("Chromium not found: installing Debian's chromium package…");
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  const installed = findChromium(undefined);
  if (!installed) throw new Error("apt-get installed chromium but it is not on the PATH");
  return installed;
}

export { CHROMIUM_ARGS } from "../../src/server/pdf/chromium-args";
