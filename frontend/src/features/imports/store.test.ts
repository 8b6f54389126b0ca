import { describe, expect, it } from "vitest";
import { BatchStore, tick } from "./store";
import { compareBatches, matchesFilter, EMPTY_FILTER } from "./model";
import { batch } from "../../test/fixtures";


describe("BatchStore", () => {
  it("keeps an event that arrived after a page was requested", () => {
    const store = new BatchStore();
    const sent = tick();
    store.put(batch({ status: "REJECTED" }), tick(), true);
    store.putMany([batch({ status: "PENDING_VALIDATION" })], sent);
    expect(store.get("1")?.status).toBe("REJECTED");
  });

  it("lets a newer page replace an older event", () => {
    const store = new BatchStore();
    store.put(batch({ status: "PARSING", progress: 40 }), tick(), true);
    store.putMany([batch({ status: "PENDING_VALIDATION" })], tick());
    expect(store.get("1")?.status).toBe("PENDING_VALIDATION");
  });

  it("remembers the rows it learnt from events, and tells status changes", () => {
    const store = new BatchStore();
    const changes: string[] = [];
    store.setStatusListener((b) => changes.push(b.status));
    store.put(batch({ id: "9", status: "RECEIVED" }), tick(), true);
    store.put(batch({ id: "9", status: "PARSING" }), tick(), true);
    store.put(batch({ id: "9", status: "PARSING", progress: 50 }), tick(), true);
    expect(store.live().map((b) => b.id)).toEqual(["9"]);
    expect(changes).toEqual(["PARSING"]);
  });

  it("leaves to a list read again the rows it learnt from events before that read", () => {
    const store = new BatchStore();
    store.put(batch({ id: "9", status: "PENDING_VALIDATION" }), tick(), true);
    // The connection drops; "9" is validated meanwhile (no event comes); back online, the list is read again.
    const reread = tick();
    store.putMany([batch({ id: "1", status: "REJECTED" })], reread);
    expect(store.live(reread)).toEqual([]);
    expect(store.get("1")?.status).toBe("REJECTED");
    // A row created after the read began is still the events' to show.
    store.put(batch({ id: "10", status: "RECEIVED" }), tick(), true);
    expect(store.live(reread).map((b) => b.id)).toEqual(["10"]);
    expect(store.live().map((b) => b.id)).toEqual(["9", "10"]);
  });
});

describe("filters and sorting", () => {
  it("leaves succeeded imports out of the console", () => {
    expect(matchesFilter(batch({ status: "SUCCEEDED" }), EMPTY_FILTER, "console")).toBe(false);
    expect(matchesFilter(batch({ status: "SUCCEEDED" }), EMPTY_FILTER, "history")).toBe(true);
  });

  it("filters on partner (contains, any case), status and format", () => {
    const f = { ...EMPTY_FILTER, partner: "PARTENAIRE", statuses: ["PENDING_VALIDATION" as const] };
    expect(matchesFilter(batch(), f, "console")).toBe(true);
    expect(matchesFilter(batch({ status: "REJECTED" }), f, "console")).toBe(false);
    expect(matchesFilter(batch({ partner: "Alice" }), f, "console")).toBe(false);
  });

  it("sorts like the API: empty values after every value (last ascending, first descending), ties by id", () => {
    const a = batch({ id: "1", firstMovement: null });
    const b = batch({ id: "2", firstMovement: "2024-02-01" });
    const c = batch({ id: "3", firstMovement: "2024-01-01" });
    const asc = [a, b, c].sort((x, y) => compareBatches(x, y, { column: "firstMovement", direction: "ASC" }));
    expect(asc.map((x) => x.id)).toEqual(["3", "2", "1"]);
    const desc = [a, b, c].sort((x, y) => compareBatches(x, y, { column: "firstMovement", direction: "DESC" }));
    expect(desc.map((x) => x.id)).toEqual(["1", "2", "3"]);
  });

  it("sorts the reference period by fiscal year id and the error column by the server's summary", () => {
    const a = batch({ id: "1", referencePeriod: { id: "10", name: "Exercice 2023" } });
    const b = batch({ id: "2", referencePeriod: { id: "9", name: "Exercice 2024" } });
    const c = batch({ id: "3", referencePeriod: null });
    const asc = [a, b, c].sort((x, y) => compareBatches(x, y, { column: "referencePeriod", direction: "ASC" }));
    expect(asc.map((x) => x.id)).toEqual(["2", "1", "3"]);
    const e = [batch({ id: "1", errorSummary: "b" }), batch({ id: "2", errorSummary: "" }), batch({ id: "3", errorSummary: "a" })];
    const byError = e.sort((x, y) => compareBatches(x, y, { column: "error", direction: "ASC" }));
    expect(byError.map((x) => x.id)).toEqual(["2", "3", "1"]);
  });
});
