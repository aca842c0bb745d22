import { describe, expect, it } from "vitest";
import { nextRunFinder } from "../../tools/convex-engine/cron-schedule";
import { identityFromClaims } from "../../tools/convex-engine/identity";
import { canonicalizeUdfPath, decodeTs, encodeTs } from "../../tools/convex-engine/wire";

const at = (iso: string) => Date.parse(iso);

describe("cron schedules", () => {
  it("runs a daily job at its UTC time, the same day when it is still ahead", () => {
    const next = nextRunFinder({ type: "daily", hourUTC: 4, minuteUTC: 17 });
    expect(next(at("2030-01-10T03:00:00Z"))).toBe(at("2030-01-10T04:17:00Z"));
    expect(next(at("2030-01-10T04:17:00Z"))).toBe(at("2030-01-11T04:17:00Z"));
  });

  it("matches either the day of month or the weekday when a cron string restricts both", () => {
    const next = nextRunFinder({ type: "cron", cron: "0 12 15 * 1" });
    // 2030-01-10 is a Thursday: the next Monday (the 14th) comes before the 15th.
    expect(next(at("2030-01-10T00:00:00Z"))).toBe(at("2030-01-14T12:00:00Z"));
    expect(next(at("2030-01-14T12:00:00Z"))).toBe(at("2030-01-15T12:00:00Z"));
  });

  it("counts intervals from the previous run", () => {
    expect(nextRunFinder({ type: "interval", minutes: 5 })(at("2030-01-10T00:00:00Z"))).toBe(at("2030-01-10T00:05:00Z"));
  });
});

describe("token claims", () => {
  it("maps standard claims to Convex's attribute names and keeps custom claims top-level", () => {
    const identity = identityFromClaims({
      iss: "https://issuer.example",
      sub: "user_1",
      aud: "convex",
      exp: 2_000_000_000,
      picture: "https://img.example/u.png",
      given_name: "Ada",
      updated_at: 1_700_000_000,
      org_id: "org_1",
      org_role: "org:admin",
    });
    expect(identity).toEqual({
      subject: "user_1",
      issuer: "https://issuer.example",
      tokenIdentifier: "https://issuer.example|user_1",
      pictureUrl: "https://img.example/u.png",
      givenName: "Ada",
      updatedAt: "2023-11-14T22:13:20.000Z",
      org_id: "org_1",
      org_role: "org:admin",
    });
  });

  it("flattens nested claims to dotted keys and keeps the nested object too", () => {
    const identity = identityFromClaims({ iss: "i", sub: "s", o: { id: "org_2", rol: "admin" } });
    expect(identity).toMatchObject({ "o.id": "org_2", "o.rol": "admin", o: { id: "org_2", rol: "admin" } });
  });
});

describe("wire encodings", () => {
  it("encodes timestamps as base64 little-endian u64", () => {
    expect(encodeTs(0n)).toBe("AAAAAAAAAAA=");
    expect(decodeTs(encodeTs(1_795_304_165_033_000_000n))).toBe(1_795_304_165_033_000_000n);
  });

  it("canonicalizes function paths as the clients do", () => {
    expect(canonicalizeUdfPath("viewer")).toBe("viewer:default");
    expect(canonicalizeUdfPath("dir/mod.js:fn")).toBe("dir/mod:fn");
  });
});
