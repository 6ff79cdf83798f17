/**
 * `npm run admin:create -- --email you@example.com [--name "Your Name"] [--role admin|editor] [--generate-password]`
 *
 * Creates a maintainer account (an admin unless --role editor). There is no default account: this is how the first
 * admin comes to exist. The password is read from standard input (typed without echo on a terminal, or piped), or,
 * with --generate-password, generated and printed once. `--reset-password` sets a new password for an existing
 * account instead and signs it out everywhere.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { isRole } from "../src/domain/auth/roles";
import { env } from "../src/env";
import { migrate } from "../src/server/db/migrator";
import { hashPassword } from "../src/server/auth/password-hash";
import { checkPasswordPolicy } from "../src/server/auth/password-policy";
import {
  createMaintainer,
  findMaintainerByEmail,
  setMaintainerPassword,
} from "../src/server/repositories/maintainer-repository";
import { prisma } from "../src/server/db/client";

const ACTOR = { id: null, label: "cli (admin:create)" };

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string", default: "admin" },
    "generate-password": { type: "boolean", default: false },
    "reset-password": { type: "boolean", default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function readHidden(prompt: string): Promise<string> {
  const { stdin, stdout } = process;
  stdout.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding("utf8");
  let input = "";
  return new Promise((resolve) => {
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          stdout.write("\n");
          resolve(input);
          return;
        }
        if (char === "\u0003") process.exit(130);
        input = char === "\u007f" ? input.slice(0, -1) : input + char;
      }
    };
    stdin.on("data", onData);
  });
}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    const first = await readHidden("Password: ");
    const second = await readHidden("Repeat password: ");
    if (first !== second) fail("The passwords do not match.");
    return first;
  }
  let text = "";
  for await (const chunk of process.stdin) text += String(chunk);
  return text.split(/\r?\n/)[0] ?? "";
}

const email = z.email().safeParse(values.email?.trim().toLowerCase());
if (!email.success)
  fail("usage: npm run admin:create -- --email you@example.com [--name …] [--role admin|editor] [--generate-password]");
if (!isRole(values.role)) fail(`--role must be admin or editor, not "${values.role}"`);

const generated = values["generate-password"] ? randomBytes(18).toString("base64url") : null;
const password = generated ?? (await readPassword());
const weakness = await checkPasswordPolicy(password, { email: email.data, name: values.name });
if (weakness) fail(`The password ${weakness}.`);

await migrate(env.DATABASE_URL);
try {
  const passwordHash = await hashPassword(password);
  if (values["reset-password"]) {
    const existing = await findMaintainerByEmail(email.data);
    if (!existing) fail(`No account for ${email.data}.`);
    await setMaintainerPassword(existing.id, passwordHash, ACTOR);
    console.log(`New password set for ${email.data}; every session of the account was signed out.`);
  } else {
    const name = values.name?.trim() || email.data.split("@")[0] || email.data;
    const result = await createMaintainer({ email: email.data, name, role: values.role, passwordHash }, ACTOR);
    if (!result.ok) fail(`An account for ${email.data} already exists (use --reset-password to set a new password).`);
    console.log(`Created ${values.role} ${email.data}.`);
  }
  if (generated) console.log(`Password (shown once, store it now): ${generated}`);
} finally {
  await prisma.$disconnect();
}
