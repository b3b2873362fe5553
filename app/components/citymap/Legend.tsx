import type { CityMetric } from "../../../server/citymap/metric-names";
import { noDataColor } from "../../../tiles/constants";
import type { Locale, Translate } from "../../lib/i18n";
import type { MetricScale } from "./classes";
import { formatBound } from "./format-metric";

/** The choropleth's classes with their ranges and how many units each holds, then "no data". */
export function Legend({ metric, scale, hasNoData, locale, t }: { metric: CityMetric; scale: MetricScale; hasNoData: boolean; locale: Locale; t: Translate }) {
  return (
    <div className="citymap-legend" data-testid="citymap-legend">
      <span className="legend-title">{t(`citymap.metric.${metric}`)}</span>
      <ul aria-label={t("map.legend")}>
        {scale.classes.map((c, i) => (
          <li key={`${c.from}-${i}`} title={t("citymap.legend.count", { count: c.count })}>
            <span className="swatch" style={{ background: c.color }} />
            {formatBound(metric, c.from, locale)}–{formatBound(metric, c.to, locale)}
          </li>
        ))}
        {hasNoData || scale.classes.length === 0 ? (
          <li>
            <span className="swatch" style={{ background: noDataColor }} />
            {t("map.noData")}
          </li>
        ) : null}
      </ul>
    </div>
  );
}
