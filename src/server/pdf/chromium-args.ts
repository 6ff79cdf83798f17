/** Flags for a headless Chromium on a machine with no network beyond localhost. */
const HEADLESS_ARGS = [
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/**
 * Tests and benchmarks: they run as root in CI containers, where Chromium refuses to start with its sandbox, and
 * they only load our own pages.
 */
export const CHROMIUM_ARGS = ["--no-sandbox", ...HEADLESS_ARGS];

/**
 * The server's Chromium (PDF export). Sandboxed whenever it can be: Chromium's sandbox (user namespaces, which
 * Debian allows unprivileged users to create) works for any user but root, and Chromium refuses to start as root with
 * it. So a server running as root, as in a bare container, gets `--no-sandbox` and says so in its log; run the app as
 * an unprivileged user (docs/deployment.md) and the renderer is sandboxed. Pages are our own print pages, loaded
 * with every request to another origin blocked, either way.
 */
export function serverChromiumArgs(uid: number | undefined): { args: string[]; sandboxed: boolean } {
  const sandboxed = uid !== 0;
  return { args: sandboxed ? [...HEADLESS_ARGS] : ["--no-sandbox", ...HEADLESS_ARGS], sandboxed };
}
