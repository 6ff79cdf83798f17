import "server-only";
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

/**
 * Password hashing with scrypt at OWASP's recommended parameters (Password Storage Cheat Sheet: N=2^17, r=8, p=1,
 * i.e. 128 MiB and one pass), a 16-byte random salt per password and a 64-byte key. Node's own crypto: no native
 * add-on to build or download. The parameters are stored in the hash, so raising them later keeps old hashes
 * verifiable.
 *
 * Format: `scrypt$<log2 N>$<r>$<p>$<salt, base64url>$<key, base64url>`.
 */
export const SCRYPT_PARAMS = { log2N: 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;
const SALT_LENGTH = 16;
/** Passwords longer than this are refused before hashing, so a huge input cannot tie up the CPU. */
export const MAX_PASSWORD_LENGTH = 128;
export const MIN_PASSWORD_LENGTH = 12;

type Params = { log2N: number; r: number; p: number };

function derive(password: string, salt: Buffer, params: Params): Promise<Buffer> {
  const N = 2 ** params.log2N;
  // scrypt needs 128 * N * r bytes; allow twice that so the default 32 MiB cap does not reject OWASP's parameters.
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 256 * N * params.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  if (password.length > MAX_PASSWORD_LENGTH) throw new Error("password too long");
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, SCRYPT_PARAMS);
  const { log2N, r, p } = SCRYPT_PARAMS;
  return ["scrypt", log2N, r, p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

function parse(hash: string): { params: Params; salt: Buffer; key: Buffer } | null {
  const parts = hash.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return null;
  const [log2N, r, p] = parts.slice(1, 4).map(Number);
  if (!Number.isInteger(log2N) || !Number.isInteger(r) || !Number.isInteger(p)) return null;
  if (log2N! < 10 || log2N! > 22 || r! < 1 || r! > 32 || p! < 1 || p! > 16) return null;
  return {
    params: { log2N: log2N!, r: r!, p: p! },
    salt: Buffer.from(parts[4]!, "base64url"),
    key: Buffer.from(parts[5]!, "base64url"),
  };
}

/** Constant-time comparison; false for a malformed hash or an over-long password (never throws on user input). */
export async function verifyPassword({ hash, password }: { hash: string; password: string }): Promise<boolean> {
  const parsed = parse(hash);
  if (!parsed || password.length > MAX_PASSWORD_LENGTH || parsed.key.length !== KEY_LENGTH) return false;
  const key = await derive(password, parsed.salt, parsed.params);
  return timingSafeEqual(key, parsed.key);
}
