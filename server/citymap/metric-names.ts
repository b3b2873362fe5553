// Names shared by the server and the browser (no runtime imports here: the client bundle includes it).

/** The choropleth metrics, in the selector's order. */
export const cityMetrics = ["coverage", "activeShare", "paymentsPerHousehold", "paymentsValue", "sessionsPerHousehold"] as const;
export type CityMetric = (typeof cityMetrics)[number];

export function isCityMetric(value: unknown): value is CityMetric {
  return typeof value === "string" && (cityMetrics as readonly string[]).includes(value);
}

/** How a metric's values read: a share (shown in %), a rate per household, or an amount in VND. */
export const metricKind: Record<CityMetric, "share" | "rate" | "vnd"> = {
  coverage: "share",
  activeShare: "share",
  paymentsPerHousehold: "rate",
  paymentsValue: "vnd",
  sessionsPerHousehold: "rate",
};

/** The longest range a query may cover (two years, a leap day included). */
export const maxRangeDays = 731;
/** Ranges up to this many days are charted per day; longer ones per ISO week. */
export const dailySeriesMaxDays = 92;
