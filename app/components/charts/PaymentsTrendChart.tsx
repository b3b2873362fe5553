// 12-month payments trend: d3 computes scales and shapes, React renders the SVG.
import { useId, useMemo, useState } from "react";
import { area, curveMonotoneX, max, scaleLinear, scalePoint, type SeriesPoint } from "d3";
import type { TrendMonth } from "../../../server/overview/queries";
import { paymentServices } from "../../../server/overview/services";
import { formatMonth, formatNumber, formatVnd, formatVndCompact } from "../../lib/format";
import { scaledTicks } from "./axis-ticks";
import type { Locale, Translate } from "../../lib/i18n";
import { monthDate, stackTrend, trendRows, trendTotal, type TrendRow } from "./trend-series";
import { serviceColours } from "./service-colours";
import { useElementSize } from "./useElementSize";
import { ServiceLegend } from "./ServiceLegend";

interface Props {
  months: TrendMonth[];
  locale: Locale;
  t: Translate;
}

export function PaymentsTrendChart({ months, locale, t }: Props) {
  // The plot fills the space its card gives it (the card stretches to the map's height on wide
  // screens); the SVG is positioned absolutely so it never feeds back into that size.
  const { ref, width, height, em } = useElementSize<HTMLDivElement>({ width: 560, height: 300 });
  const [hover, setHover] = useState<number | null>(null);
  const titleId = useId();
  const descId = useId();

  const rows = useMemo(() => trendRows(months), [months]);
  const series = useMemo(() => stackTrend(rows), [rows]);
  const total = trendTotal(months);

  const top = max(series.at(-1) ?? [], (d) => d[1]) ?? 0;
  const marginTop = em * 1.7;
  const marginBottom = em * 2;
  const innerHeight = Math.max(10, height - marginTop - marginBottom);
  const y = scaleLinear()
    .domain([0, top > 0 ? top : 1])
    .nice(5)
    .range([innerHeight, 0]);
  const yTicks = y.ticks(Math.max(2, Math.min(6, Math.floor(innerHeight / (em * 2.5)))));
  const tickText = scaledTicks(yTicks, locale);

  // The left margin fits the longest tick label; month labels are about 5 em wide, so the right
  // margin holds half of one and the current month's label is never clipped.
  const labelChars = Math.max(1, ...tickText.labels.map((l) => l.length));
  const margin = { top: marginTop, right: em * 2.8, bottom: marginBottom, left: em * (0.62 * labelChars + 1) };
  const innerWidth = Math.max(10, width - margin.left - margin.right);
  const x = scalePoint<string>().domain(rows.map((r) => r.month)).range([0, innerWidth]);
  const shape = area<SeriesPoint<TrendRow>>()
    .x((d) => x(d.data.month) ?? 0)
    .y0((d) => y(d[0]))
    .y1((d) => y(d[1]))
    .curve(curveMonotoneX);

  const step = rows.length > 1 ? innerWidth / (rows.length - 1) : innerWidth;
  // Show every n-th month label, counted back from the current month, so labels never touch.
  const every = Math.max(1, Math.ceil((em * 6) / step));
  const lastIndex = rows.length - 1;
  const first = rows[0]?.month;
  const last = rows.at(-1)?.month;

  const hovered = hover === null ? null : months[hover];
  // Centred on the month, but kept inside the plot (the tooltip is about 16 em wide).
  const tooltipLeft = hover === null ? 0 : Math.min(Math.max(margin.left + (x(rows[hover].month) ?? 0), em * 8), width - em * 8);

  return (
    <div className="trend-chart">
      <div className="trend-plot" ref={ref}>
        <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
          <title id={titleId}>{t("chart.trend.title")}</title>
          <desc id={descId}>
            {t("chart.trend.aria", {
              from: first ? formatMonth(monthDate(first), locale) : "",
              to: last ? formatMonth(monthDate(last), locale) : "",
              total: formatVnd(total, locale),
            })}
          </desc>
          <g transform={`translate(${margin.left},${margin.top})`}>
            <g className="axis axis-y" aria-hidden="true">
              {yTicks.map((tick, i) => (
                <g key={tick} transform={`translate(0,${y(tick)})`}>
                  <line x2={innerWidth} className="grid" />
                  <text x={-em * 0.5} dy="0.32em" textAnchor="end">
                    {tickText.labels[i]}
                  </text>
                </g>
              ))}
              <text className="unit" x={-margin.left} y={-em * 0.9} textAnchor="start">
                {t("chart.axis.unit", { unit: t(`chart.unit.${tickText.unit}`) }).trim()}
              </text>
            </g>
            {series.map((layer) => (
              <path key={layer.key} d={shape(layer) ?? undefined} fill={serviceColours[layer.key]} fillOpacity={0.88} stroke="#fff" strokeWidth={0.75}>
                <title>{t(`overview.service.${layer.key}`)}</title>
              </path>
            ))}
            <g className="axis axis-x" aria-hidden="true" transform={`translate(0,${innerHeight})`}>
              <line x2={innerWidth} className="baseline" />
              {rows.map((row, i) =>
                (lastIndex - i) % every === 0 ? (
                  <text key={row.month} x={x(row.month)} y={em * 1.4} textAnchor="middle">
                    {formatMonth(monthDate(row.month), locale)}
                    {i === lastIndex ? "*" : ""}
                  </text>
                ) : null,
              )}
            </g>
            {hover !== null ? (
              <g aria-hidden="true" className="hover-guide">
                <line x1={x(rows[hover].month)} x2={x(rows[hover].month)} y1={0} y2={innerHeight} />
                {series.map((layer) => (
                  <circle key={layer.key} cx={x(rows[hover].month)} cy={y(layer[hover][1])} r={3.5} fill={serviceColours[layer.key]} />
                ))}
              </g>
            ) : null}
            {/* Hover targets: one column per month. */}
            <g onMouseLeave={() => setHover(null)}>
              {rows.map((row, i) => (
                <rect
                  key={row.month}
                  x={(x(row.month) ?? 0) - step / 2}
                  width={step}
                  y={0}
                  height={innerHeight}
                  fill="transparent"
                  onMouseEnter={() => setHover(i)}
                />
              ))}
            </g>
          </g>
        </svg>
        {hovered ? (
          <div className="chart-tooltip" style={{ left: tooltipLeft, top: margin.top }} role="status">
            <strong>{formatMonth(monthDate(hovered.month), locale)}</strong>
            <dl>
              {paymentServices.map((service) => (
                <div key={service}>
                  <dt>
                    <span className="swatch" style={{ background: serviceColours[service] }} />
                    {t(`overview.service.${service}`)}
                  </dt>
                  <dd>{formatVndCompact(hovered.byService[service].amountVnd, locale)}</dd>
                </div>
              ))}
              <div className="total">
                <dt>{t("chart.trend.total")}</dt>
                <dd>{formatVndCompact(hovered.totalVnd, locale)}</dd>
              </div>
            </dl>
          </div>
        ) : null}
      </div>
      <ServiceLegend t={t} />
      <p className="note">* {t("chart.trend.partial")}</p>
      <details className="data-table">
        <summary>{t("map.table.toggle")}</summary>
        <div className="table-scroll">
          <table>
            <caption>{t("chart.trend.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("chart.trend.month")}</th>
                {paymentServices.map((service) => (
                  <th key={service} scope="col" className="num">
                    {t(`overview.service.${service}`)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t("chart.trend.total")}
                </th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{formatMonth(monthDate(m.month), locale)}</th>
                  {paymentServices.map((service) => (
                    <td key={service} className="num" title={`${formatNumber(m.byService[service].count, locale)} × · ${formatVnd(m.byService[service].amountVnd, locale)}`}>
                      {formatVndCompact(m.byService[service].amountVnd, locale)}
                    </td>
                  ))}
                  <td className="num">{formatVndCompact(m.totalVnd, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
