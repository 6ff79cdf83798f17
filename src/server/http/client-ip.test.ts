import { describe, expect, test } from "vitest";
import { CLIENT_IP_HEADER, UNKNOWN_CLIENT, clientAddress, clientAddressOf } from "./client-ip";

const raw = (remoteAddress: string | undefined, forwarded?: string | string[]) => ({
  headers: forwarded === undefined ? {} : { "x-forwarded-for": forwarded },
  socket: { remoteAddress },
});

describe("clientAddressOf (our server, once per request)", () => {
  test("without TRUST_PROXY the socket decides, whatever the client claims", () => {
    expect(clientAddressOf(raw("203.0.113.7", "198.51.100.1"), false)).toBe("203.0.113.7");
    expect(clientAddressOf(raw("::ffff:203.0.113.7"), false)).toBe("203.0.113.7");
    expect(clientAddressOf(raw("2001:DB8::1"), false)).toBe("2001:db8::1");
    expect(clientAddressOf(raw(undefined), false)).toBe(UNKNOWN_CLIENT);
  });

  test("with TRUST_PROXY the last X-Forwarded-For entry counts: the one the proxy appended", () => {
    // A client sprays the first entries; the proxy appends the address it saw.
    expect(clientAddressOf(raw("10.0.0.2", "1.2.3.4, 5.6.7.8, 203.0.113.9"), true)).toBe("203.0.113.9");
    expect(clientAddressOf(raw("10.0.0.2", ["1.2.3.4", "203.0.113.9"]), true)).toBe("203.0.113.9");
  });

  test("a last entry that is not an address is refused: the socket counts instead", () => {
    expect(clientAddressOf(raw("10.0.0.2", "203.0.113.9, x".padEnd(8000, "x")), true)).toBe("10.0.0.2");
    expect(clientAddressOf(raw("10.0.0.2", ""), true)).toBe("10.0.0.2");
  });
});

describe("clientAddress (inside the app)", () => {
  test("reads what our server set, and only a valid address", () => {
    const headers = (value?: string) => new Headers(value === undefined ? {} : { [CLIENT_IP_HEADER]: value });
    expect(clientAddress(headers("203.0.113.7"))).toBe("203.0.113.7");
    expect(clientAddress(new Request("http://x/", { headers: headers("2001:db8::2") }))).toBe("2001:db8::2");
    expect(clientAddress(headers("not-an-address".repeat(500)))).toBe(UNKNOWN_CLIENT);
    expect(clientAddress(headers())).toBe(UNKNOWN_CLIENT);
  });
});
