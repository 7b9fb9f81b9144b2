import { describe, expect, it } from "vitest";
import { addChinaDays, chinaDateTimeLocal, chinaDateTimeText, chinaDay, chinaInstant } from "./time";

describe("China time", () => {
  it("names the China day of an instant, which is a day ahead of UTC from 16:00Z", () => {
    expect(chinaDay(Date.parse("2026-12-01T15:59:59Z"))).toBe("2026-12-01");
    expect(chinaDay(Date.parse("2026-12-01T16:00:00Z"))).toBe("2026-12-02");
    expect(chinaDay(new Date("2026-12-31T20:00:00Z"))).toBe("2027-01-01");
  });

  it("writes an instant as a datetime-local field and as text in China time", () => {
    expect(chinaDateTimeLocal(Date.parse("2026-12-01T09:00:00Z"))).toBe("2026-12-01T17:00");
    expect(chinaDateTimeText(Date.parse("2026-02-28T16:30:00Z"))).toBe("2026-03-01 00:30");
  });

  it("reads a China day or datetime-local field as the instant it names", () => {
    expect(chinaInstant("2026-12-01").toISOString()).toBe("2026-11-30T16:00:00.000Z");
    expect(chinaInstant("2026-12-01", "12:00").toISOString()).toBe("2026-12-01T04:00:00.000Z");
    expect(chinaInstant("2026-12-01T17:00").toISOString()).toBe("2026-12-01T09:00:00.000Z");
    // Round trip.
    expect(chinaDateTimeLocal(chinaInstant("2024-02-29T23:59"))).toBe("2024-02-29T23:59");
  });

  it("gives an Invalid Date for a string that is not a day or a datetime-local value", () => {
    for (const s of ["", "2026-1-1", "2026-12-01 17:00", "2026-12-01T17", "tomorrow"]) expect(Number.isNaN(chinaInstant(s).getTime())).toBe(true);
    expect(Number.isNaN(chinaInstant("2026-12-01", "noon").getTime())).toBe(true);
  });

  it("adds days in China time, across months and years", () => {
    expect(addChinaDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addChinaDays("2024-03-01", -1)).toBe("2024-02-29");
  });
});

describe("date validators (zod's ISO date and local datetime)", async () => {
  const { chinaDateTimeSchema, isChinaDateTime, isoDateSchema } = await import("@/lib/data/validation");
  const { isRealDate } = await import("@/lib/text/rule");

  it("accepts a real day and refuses an unreal or malformed one, with the app's code", () => {
    for (const s of ["2026-02-28", "2024-02-29", "2000-02-29"]) expect([isRealDate(s), isoDateSchema.safeParse(s).success]).toEqual([true, true]);
    for (const s of ["2026-02-29", "1900-02-29", "2026-13-01", "2026-1-1", "2026-12-01T10:00", ""]) {
      expect(isRealDate(s)).toBe(false);
      expect(isoDateSchema.safeParse(s).error?.issues[0].message).toBe("invalid_date");
    }
  });

  it("accepts a datetime-local value naming a real minute, and nothing with seconds, an offset or a space", () => {
    expect(isChinaDateTime("2026-12-01T17:00")).toBe(true);
    for (const s of ["2026-02-30T17:00", "2026-12-01T24:00", "2026-12-01T17:00:00", "2026-12-01 17:00", "2026-12-01T17:00Z", "2026-12-01T17:00+08:00"]) {
      expect(isChinaDateTime(s)).toBe(false);
      expect(chinaDateTimeSchema.safeParse(s).error?.issues[0].message).toBe("invalid_date");
    }
  });
});
