import { describe, expect, it } from "vitest";
import { argoEnv, evaluate } from "./index.js";

const env = argoEnv({});

describe("time zones: date(str, layout, tz), timezone(), .In(), sprig.dateInZone (Go's time.LoadLocation / ParseInLocation)", () => {
  it.each([
    // 12:00 on the day New York moved to EDT is 16:00 UTC
    [`date("2024-03-10 12:00:00", "2006-01-02 15:04:05", "America/New_York").Unix()`, 1710086400],
    [
      `date("2024-03-10 12:00:00", "2006-01-02 15:04:05", "America/New_York").Format("2006-01-02T15:04:05-07:00 MST")`,
      "2024-03-10T12:00:00-04:00 EDT",
    ],
    [`date("2024-01-15 12:00:00", "2006-01-02 15:04:05", "Europe/Paris").Hour()`, 12],
    [`date("2024-01-15 12:00:00", "2006-01-02 15:04:05", "Europe/Paris").UTC().Hour()`, 11],
    [`string(date("2024-01-15 12:00:00", "2006-01-02 15:04:05", "Europe/Paris"))`, "2024-01-15 12:00:00 +0100 CET"],
    [
      `date("2024-07-01", "2006-01-02", "Asia/Kolkata").In(timezone("UTC")).Format("2006-01-02 15:04 Z07:00")`,
      "2024-06-30 18:30 Z",
    ],
    [
      `date("2024-01-15 00:00:00", "2006-01-02 15:04:05").In(timezone("Asia/Kolkata")).Format("15:04 -0700 MST")`,
      "05:30 +0530 IST",
    ],
    [
      `date("2024-01-15 00:00:00", "2006-01-02 15:04:05").In(timezone("America/Sao_Paulo")).Format("15:04 MST")`,
      "21:00 -03",
    ],
    [`sprig.dateInZone("15:04 MST", date("2024-01-15 12:00:00", "2006-01-02 15:04:05"), "Asia/Tokyo")`, "21:00 JST"],
    // sprig falls back to UTC for a zone it cannot load
    [`sprig.dateInZone("15:04 MST", date("2024-01-15 12:00:00", "2006-01-02 15:04:05"), "Nowhere/City")`, "12:00 UTC"],
    [`date("2024-01-15 12:00:00", "2006-01-02 15:04:05", "UTC").Format("MST")`, "UTC"],
    [`date("2024-01-15T12:00:00Z").Format("2006-01-02 15:04 MST")`, "2024-01-15 12:00 UTC"],
  ])("%s", (code, want) => expect(evaluate(code, env)).toEqual(want));

  it("an unknown zone is Go's error", () => {
    expect(() => evaluate(`date("2024-01-15", "2006-01-02", "Nowhere/City")`, env)).toThrow(
      /unknown time zone Nowhere\/City/,
    );
    expect(() => evaluate(`timezone("Mars/Base")`, env)).toThrow(/unknown time zone Mars\/Base/);
  });
});
