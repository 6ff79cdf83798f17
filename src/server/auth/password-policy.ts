import "server-only";
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password-hash";

/**
 * The password policy for maintainers (docs/decisions/012-password-policy.md): 12–128 characters, and not easy to
 * guess as zxcvbn-ts judges it with its common and English dictionaries (common passwords, words, names, keyboard
 * patterns, repeats, sequences, dates, l33t spellings), counting the account's own email and name and the app's name
 * as known words. Applied wherever a person chooses a password: `npm run admin:create` (new account and
 * `--reset-password`) and changing your own password. Generated passwords (18 random bytes) pass it by construction.
 */

/** zxcvbn's score 3: "safely unguessable", about 10^8 guesses or more, with the scrypt hashing on top of that. */
export const MIN_PASSWORD_SCORE = 3;

/** Words an attacker would try first for this app. */
const APP_WORDS = ["mlops", "stack", "advisor", "admin", "maintainer", "catalog"];

let factory: Promise<ZxcvbnFactory> | null = null;

/** The dictionaries take ~35 MB and ~0.3 s to load: loaded on the first check, not when the server starts. */
function getFactory(): Promise<ZxcvbnFactory> {
  factory ??= Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-en"),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        translations: en.translations,
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, ...en.dictionary },
      }),
  );
  return factory;
}

/** What is wrong with `password` as a sentence fragment that follows the field's name ("is too short…"), or null. */
export async function checkPasswordPolicy(
  password: string,
  account: { email?: string; name?: string } = {},
): Promise<string | null> {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  const personal = [
    account.email ?? "",
    ...(account.email ?? "").split(/[@.+_-]/),
    ...(account.name ?? "").split(/\s+/),
  ];
  const userInputs = [...APP_WORDS, ...personal.filter((word) => word.length >= 3)];
  const result = (await getFactory()).check(password, userInputs);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const why = result.feedback.warning ? ` (${result.feedback.warning.replace(/\.$/, "").toLowerCase()})` : "";
  return `is too easy to guess${why}; use a longer phrase of unrelated words, or a generated password`;
}
