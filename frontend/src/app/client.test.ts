import { afterEach, describe, expect, it, vi } from "vitest";
import { LiveStatus, OFFLINE_RETRY, retryDelay } from "./client";

afterEach(() => {
  vi.useRealTimers();
});

describe("LiveStatus", () => {
  it("is lost only when the socket closes under an open subscription, and catches up once back", () => {
    const live = new LiveStatus();
    const ended = live.opened();
    expect(live.state).toBe("connecting");
    live.connected();
    expect([live.state, live.epoch]).toEqual(["connected", 0]); // the first connection: pages have just read

    live.closed();
    expect(live.state).toBe("reconnecting");
    live.closed(); // a failed attempt
    expect([live.state, live.epoch]).toEqual(["reconnecting", 0]);
    live.connected();
    expect([live.state, live.epoch]).toEqual(["connected", 1]);
    ended();
  });

  it("says nothing of the lazy close after the last subscription, and no catch-up follows the next connection", () => {
    const live = new LiveStatus();
    const ended = live.opened();
    live.connected();
    ended();
    live.closed();
    expect(live.state).toBe("idle");
    const again = live.opened();
    live.connected();
    expect(live.epoch).toBe(0);
    again();
  });

  it("stops saying the connection is lost when nothing follows it any more", () => {
    const live = new LiveStatus();
    const ended = live.opened();
    live.connected();
    live.closed();
    ended();
    ended(); // told twice (unsubscribed, then completed): counted once
    expect(live.state).toBe("idle");
    const other = live.opened();
    expect(live.state).toBe("connecting");
    other();
  });

  it("re-reads when the browser comes back online, unless a reconnection will", () => {
    const live = new LiveStatus();
    const seen: number[] = [];
    live.subscribe(() => seen.push(live.epoch));
    live.online();
    expect(live.epoch).toBe(1);
    expect(seen).toEqual([1]);
    const ended = live.opened();
    live.connected();
    live.closed();
    live.online();
    expect(live.epoch).toBe(1);
    live.connected();
    expect(live.epoch).toBe(2);
    ended();
  });

  it("waits with a capped backoff, and while offline until the browser is back online", async () => {
    vi.useFakeTimers();
    const live = new LiveStatus();
    const ended = live.opened();
    live.connected();
    live.closed();
    let online = true;
    const done = vi.fn();
    void live.wait(2, () => online).then(done);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(done).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toHaveBeenCalledOnce();

    online = false;
    const offline = vi.fn();
    void live.wait(0, () => online).then(offline);
    await vi.advanceTimersByTimeAsync(OFFLINE_RETRY - 1_000);
    expect(offline).not.toHaveBeenCalled();
    online = true;
    live.online(); // tried at once, not after the backoff
    await vi.advanceTimersByTimeAsync(0);
    expect(offline).toHaveBeenCalledOnce();

    // A browser that says it is offline when it is not: tried now and then all the same.
    online = false;
    const wrong = vi.fn();
    void live.wait(0, () => online).then(wrong);
    await vi.advanceTimersByTimeAsync(OFFLINE_RETRY);
    expect(wrong).toHaveBeenCalledOnce();
    ended();
  });

  it("backs off 0.5 s, 1 s, 2 s… up to 8 s", () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(retryDelay)).toEqual([500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
  });
});
