import { describe, expect, it } from "vitest";
import { virtualClock } from "./clock-virtual.js";

describe("virtualClock", () => {
  it("jumps to each timer in order once nothing else is pending", async () => {
    const clock = virtualClock(0);
    const seen: number[] = [];
    await Promise.all([
      clock.sleep(3_600_000).then(() => seen.push(clock.now())),
      clock.sleep(1000).then(() => seen.push(clock.now())),
    ]);
    expect(seen).toEqual([1000, 3_600_000]);
    expect(clock.elapsed()).toBe(3_600_000);
  });
  it("keeps time still while held work is pending", async () => {
    const clock = virtualClock(0);
    let fired = false;
    const slept = clock.sleep(10).then(() => (fired = true));
    let finish!: () => void;
    const work = clock.hold(new Promise<void>((r) => (finish = r)));
    await new Promise((r) => setTimeout(r, 20));
    expect(fired).toBe(false);
    finish();
    await work;
    // the sleep ends once the held work settled (awaited, not given 20 real ms: a loaded machine may take longer)
    await slept;
    expect(clock.now()).toBe(10);
  });
  it("rejects a sleep when its signal aborts, without moving time", async () => {
    const clock = virtualClock(0);
    const ac = new AbortController();
    const p = clock.sleep(5000, ac.signal);
    ac.abort(new Error("stop"));
    await expect(p).rejects.toThrow("stop");
    expect(clock.now()).toBe(0);
  });
});
