import { describe, expect, test } from "vitest";
import { isKnownLicense, isOpenSourceLicense } from "./licenses";

describe("licences", () => {
  test.each([
    ["Apache-2.0", true],
    ["MIT", true],
    ["AGPL-3.0-only", true],
    ["GPL-2.0-only WITH Classpath-exception-2.0", true],
    ["AGPL-3.0-only OR SSPL-1.0 OR Elastic-2.0", true],
    ["Apache-2.0 AND SSPL-1.0", false],
    ["BUSL-1.1", false],
    ["SSPL-1.0", false],
    ["Elastic-2.0", false],
    ["proprietary", false],
  ])("%s is open source: %s", (license, expected) => {
    expect(isKnownLicense(license)).toBe(true);
    expect(isOpenSourceLicense(license)).toBe(expected);
  });

  test.each(["Apache 2", "GPL", "MIT OR Made-Up-1.0", "GPL-2.0-only WITH Unknown-exception", ""])(
    "%j is not a licence we know",
    (license) => {
      expect(isKnownLicense(license)).toBe(false);
    },
  );
});
