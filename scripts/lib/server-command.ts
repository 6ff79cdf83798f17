/**
 * How the production server process starts — `npm start` (package.json) and every test, benchmark and reliability
 * run that starts a server use exactly this, so that they measure what runs in production (server-command.test.ts
 * checks package.json against it). Both settings must be given when the process starts; they cut the idle server's
 * memory by about 60 MB (docs/performance.md):
 *
 * - MALLOC_ARENA_MAX=1: glibc gives every thread that allocates (libuv's pool, V8's helpers) an arena of its own,
 *   about 40 MB here; our work happens on the main thread.
 * - --max-semi-space-size=4: V8's young generation grows to 2 × 16 MB by default; 4 MB semi-spaces collect a
 *   little more often, in shorter pauses.
 */
export const SERVER_ENV = { MALLOC_ARENA_MAX: "1" } as const;
export const SERVER_NODE_ARGS = [
  "--max-semi-space-size=4",
  "--conditions=react-server",
  "--import",
  "tsx",
  "scripts/start.ts",
] as const;

/** The same, as one shell command (package.json's "start", Playwright's web server). */
export const SERVER_COMMAND = `${Object.entries(SERVER_ENV)
  .map(([name, value]) => `${name}=${value}`)
  .join(" ")} node ${SERVER_NODE_ARGS.join(" ")}`;
