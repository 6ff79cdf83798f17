import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { findChromium } from "../../scripts/lib/chromium";
import { serverChromiumArgs } from "../../src/server/pdf/chromium-args";

const chromium = findChromium(process.env.CHROMIUM_PATH);
const canSwitchUser = process.getuid?.() === 0 && spawnSync("sh", ["-c", "command -v su"]).status === 0;

/**
 * The server's PDF browser runs with Chromium's sandbox when the server is not root. This starts Debian's Chromium
 * with exactly those flags as an unprivileged user (`nobody`): it refuses to run at all when it cannot sandbox
 * ("No usable sandbox!"), so a page coming back proves the sandbox works on this machine.
 */
test.skipIf(!chromium || !canSwitchUser)(
  "Chromium starts with its sandbox for an unprivileged user, with the server's flags",
  { timeout: 60_000 },
  () => {
    const home = mkdtempSync(path.join(tmpdir(), "sandbox-"));
    chmodSync(home, 0o777);
    try {
      const { args, sandboxed } = serverChromiumArgs(65534);
      expect(sandboxed).toBe(true);
      const command = [
        chromium!,
        "--headless=new",
        ...args,
        `--user-data-dir=${home}/profile`,
        "--dump-dom",
        "'data:text/html,<p>sandboxed</p>'",
      ].join(" ");
      const result = spawnSync("su", ["nobody", "-s", "/bin/sh", "-c", `HOME=${home} ${command}`], {
        encoding: "utf8",
        timeout: 50_000,
      });
      expect(result.stdout, result.stderr).toContain("<p>sandboxed</p>");
      expect(result.stderr).not.toMatch(/No usable sandbox/);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  },
);
