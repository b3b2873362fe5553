import { describe, expect, it } from "vitest";
import { activePreset, defaultState, parseState, presetRange, serializeState, updateState, type MapState } from "../../../app/components/citymap/url-state";

const today = "2026-11-26";

describe("map URL state", () => {
  it("round-trips every field through the query string", () => {
    const state: MapState = { metric: "paymentsValue", level: "district", layer: "pre2025", from: "2026-01-01", to: "2026-03-31", ward: "001", view: { z: 11.25, lat: 21.02851, lon: 105.85422 } };
    const query = serializeState(state).toString();
    expect(query).toBe("metric=paymentsValue&level=district&layer=pre2025&from=2026-01-01&to=2026-03-31&ward=001&z=11.25&lat=21.02851&lon=105.85422");
    expect(parseState(new URLSearchParams(query), today)).toEqual(state);
  });

  it("an empty query is the default view: coverage of the 2025 wards over the last 30 days", () => {
    expect(parseState(new URLSearchParams(""), today)).toEqual({ metric: "coverage", level: "ward", layer: "2025", from: "2026-10-28", to: "2026-11-26", ward: null, view: null });
    expect(defaultState(today)).toEqual(parseState(new URLSearchParams(), today));
  });

  it("malformed or contradictory parameters fall back to defaults instead of failing", () => {
    const s = parseState(new URLSearchParams("metric=nonsense&level=district&layer=2025&from=2026-02-30&to=2026-03-01&z=99&lat=21&lon=105"), today);
    expect(s.metric).toBe("coverage");
    // The 2025 layout has no districts.
    expect(s.level).toBe("ward");
    expect([s.from, s.to]).toEqual(["2026-10-28", "2026-11-26"]);
    expect(s.view).toBeNull();
    expect(parseState(new URLSearchParams("from=2026-05-01&to=2026-04-01"), today).from).toBe("2026-10-28");
    expect(parseState(new URLSearchParams("from=2023-01-01&to=2026-01-01"), today).from).toBe("2026-10-28");
    expect(parseState(new URLSearchParams("from=2024-11-26&to=2026-11-26"), today).from).toBe("2024-11-26");
    expect(parseState(new URLSearchParams(`ward=${"x".repeat(40)}`), today).ward).toBeNull();
  });

  it("presets end today, and a range is recognised as its preset", () => {
    expect(presetRange("7d", today)).toEqual({ from: "2026-11-20", to: today });
    expect(presetRange("90d", today)).toEqual({ from: "2026-08-29", to: today });
    expect(presetRange("12m", today)).toEqual({ from: "2025-11-27", to: today });
    expect(presetRange("12m", "2028-02-29")).toEqual({ from: "2027-03-02", to: "2028-02-29" });
    expect(activePreset(presetRange("90d", today), today)).toBe("90d");
    expect(activePreset({ from: "2026-01-01", to: today }, today)).toBeNull();
  });

  it("changing the layout or level drops the selection; the 2025 layout forces the ward level", () => {
    const s: MapState = { ...defaultState(today), layer: "pre2025", level: "district", ward: "001" };
    expect(updateState(s, { level: "ward" }).ward).toBeNull();
    expect(updateState(s, { layer: "2025" })).toMatchObject({ layer: "2025", level: "ward", ward: null });
    expect(updateState(s, { metric: "activeShare" }).ward).toBe("001");
    expect(updateState(s, { from: "2026-11-01" }).ward).toBe("001");
  });
});
