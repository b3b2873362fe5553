// The keyboard and screen-reader way into the map: every unit ranked by the chosen metric, each a
// button that opens its panel, with a name filter. Also a compact city summary for the period.
import { useMemo, useState } from "react";
import type { WardMetricsResult } from "../../../server/citymap/ward-metrics";
import type { CityMetric } from "../../../server/citymap/metric-names";
import { noDataColor } from "../../../tiles/constants";
import type { Locale, Translate } from "../../lib/i18n";
import { formatNumber, formatVndCompact } from "../../lib/format";
import type { MetricScale } from "./classes";
import { formatCount, formatMetric } from "./format-metric";

interface Props {
  result: WardMetricsResult;
  metric: CityMetric;
  scale: MetricScale;
  selected: string | null;
  onSelect(code: string): void;
  locale: Locale;
  t: Translate;
}

/** Case- and accent-insensitive: "ba dinh" finds "Ba Đình". */
const fold = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/gi, "d").toLowerCase();

export function UnitList({ result, metric, scale, selected, onSelect, locale, t }: Props) {
  const [query, setQuery] = useState("");
  const [descending, setDescending] = useState(true);
  const ranked = useMemo(() => {
    const q = fold(query.trim());
    const list = result.units.filter((u) => !q || fold(u.name).includes(q) || u.code.includes(q));
    return list.sort((a, b) => {
      const va = a.values[metric];
      const vb = b.values[metric];
      if (va === null && vb === null) return a.name.localeCompare(b.name, locale);
      if (va === null) return 1;
      if (vb === null) return -1;
      return descending ? vb - va : va - vb;
    });
  }, [result.units, metric, query, descending, locale]);
  const noData = t("map.noData");
  const city = result.city;

  return (
    <section className="unit-list" aria-labelledby="unit-list-title" data-testid="unit-list">
      <dl className="city-summary">
        <div>
          <dt>{t("citymap.kpi.households")}</dt>
          <dd>{formatCount(city.households, locale)}</dd>
        </div>
        <div>
          <dt>{t("citymap.kpi.terminals")}</dt>
          <dd>{formatCount(city.terminals, locale)}</dd>
        </div>
        <div>
          <dt>{t("citymap.kpi.payments")}</dt>
          <dd>{formatCount(city.payments, locale)}</dd>
        </div>
        <div>
          <dt>{t("citymap.kpi.paymentsValue")}</dt>
          <dd>{formatVndCompact(city.amountVnd, locale)}</dd>
        </div>
      </dl>
      {result.unmapped.payments + result.unmapped.households > 0 ? (
        <p className="note" role="note">
          {t("citymap.unmapped", { payments: formatNumber(Math.round(result.unmapped.payments), locale), households: formatNumber(Math.round(result.unmapped.households), locale) })}
        </p>
      ) : null}
      <div className="list-head">
        <h2 id="unit-list-title">{t(result.level === "district" ? "citymap.list.titleDistricts" : "citymap.list.title", { count: result.units.length })}</h2>
        <button type="button" className="link-button" onClick={() => setDescending((d) => !d)} aria-pressed={!descending}>
          {descending ? t("citymap.list.highFirst") : t("citymap.list.lowFirst")}
        </button>
      </div>
      <label className="list-filter">
        <span className="visually-hidden">{t("citymap.list.filter")}</span>
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t("citymap.list.filter")} data-testid="unit-filter" />
      </label>
      <p className="muted hint">{t("citymap.list.hint")}</p>
      <ol className="ranked" aria-label={t(`citymap.metric.${metric}`)}>
        {ranked.map((u) => (
          <li key={u.code}>
            <button type="button" aria-current={u.code === selected ? "true" : undefined} onClick={() => onSelect(u.code)} data-code={u.code}>
              <span className="swatch" aria-hidden="true" style={{ background: scale.colorOf(u.values[metric], noDataColor) }} />
              <span className="name">{u.name}</span>
              <span className="value">
                {u.estimated && u.values[metric] !== null ? "≈ " : ""}
                {formatMetric(metric, u.values[metric], locale, noData)}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {ranked.length === 0 ? <p className="muted">{t("citymap.list.none")}</p> : null}
    </section>
  );
}
