// The panel's two d3 charts over the selected period, one bar (or point) per day or ISO week:
// payment value stacked by service, and terminals reporting per day. d3 computes scales and
// shapes; React renders the SVG. Each has a hover tooltip and a table alternative.
import { useId, useMemo, useState } from "react";
import { area, line, max, scaleBand, scaleLinear, stack, stackOrderNone, stackOffsetNone, curveMonotoneX } from "d3";
import type { SeriesPoint } from "../../../server/citymap/unit-detail";
import type { PaymentService } from "../../../server/db/generated/client";
import { paymentServices } from "../../../server/overview/services";
import { serviceColours } from "../charts/service-colours";
import { scaledTicks } from "../charts/axis-ticks";
import { useElementSize } from "../charts/useElementSize";
import { formatNumber, formatVnd, formatVndCompact } from "../../lib/format";
import type { Locale, Translate } from "../../lib/i18n";
import { longDay, shortDay } from "./format-metric";
import { ServiceLegend } from "../charts/ServiceLegend";

interface ChartProps {
  series: SeriesPoint[];
  bucket: "day" | "week";
  locale: Locale;
  t: Translate;
}

type Row = { i: number } & Record<PaymentService, number>;

const periodLabel = (p: SeriesPoint, locale: Locale) => (p.start === p.end ? longDay(p.start, locale) : `${longDay(p.start, locale)} – ${longDay(p.end, locale)}`);

/** Every n-th label so labels (about 4 em wide) never touch; always the last one. */
function labelEvery(step: number, em: number): number {
  return Math.max(1, Math.ceil((em * 4.2) / Math.max(step, 1)));
}

export function PaymentsSeriesChart({ series, bucket, locale, t }: ChartProps) {
  const { ref, width, height, em } = useElementSize<HTMLDivElement>({ width: 360, height: 180 });
  const [hover, setHover] = useState<number | null>(null);
  const titleId = useId();
  const descId = useId();
  const rows: Row[] = useMemo(
    () =>
      series.map((p, i) => {
        const row = { i } as Row;
        for (const s of paymentServices) row[s] = p.payments[s].amountVnd;
        return row;
      }),
    [series],
  );
  const layers = useMemo(() => stack<Row, PaymentService>().keys(paymentServices).order(stackOrderNone).offset(stackOffsetNone)(rows), [rows]);
  const total = rows.reduce((sum, r) => sum + paymentServices.reduce((s, k) => s + r[k], 0), 0);
  const top = max(layers.at(-1) ?? [], (d) => d[1]) ?? 0;
  const marginTop = em * 1.6;
  const marginBottom = em * 1.8;
  const innerHeight = Math.max(10, height - marginTop - marginBottom);
  const y = scaleLinear().domain([0, top > 0 ? top : 1]).nice(4).range([innerHeight, 0]);
  const yTicks = y.ticks(4);
  const tickText = scaledTicks(yTicks, locale);
  const labelChars = Math.max(1, ...tickText.labels.map((l) => l.length));
  const margin = { top: marginTop, right: em * 1.6, bottom: marginBottom, left: em * (0.62 * labelChars + 1) };
  const innerWidth = Math.max(10, width - margin.left - margin.right);
  const x = scaleBand<number>().domain(rows.map((r) => r.i)).range([0, innerWidth]).paddingInner(series.length > 60 ? 0.05 : 0.2);
  const every = labelEvery(x.step(), em);
  const hovered = hover === null ? null : series[hover];
  const bucketName = t(`citymap.chart.bucket.${bucket}`);

  return (
    <div className="series-chart" data-testid="payments-chart">
      <div className="series-plot" ref={ref}>
        <svg width={width} height={height} role="img" aria-labelledby={`${titleId} ${descId}`}>
          <title id={titleId}>{t("citymap.chart.payments.title", { bucket: bucketName })}</title>
          <desc id={descId}>
            {t("citymap.chart.payments.aria", {
              bucket: bucketName,
              from: series[0] ? longDay(series[0].start, locale) : "",
              to: series.at(-1) ? longDay(series.at(-1)?.end ?? "", locale) : "",
              total: formatVnd(total, locale),
            })}
          </desc>
          <g transform={`translate(${margin.left},${margin.top})`}>
            <g aria-hidden="true">
              {yTicks.map((tick, i) => (
                <g key={tick} transform={`translate(0,${y(tick)})`}>
                  <line x2={innerWidth} className="grid" />
                  <text x={-em * 0.4} dy="0.32em" textAnchor="end">
                    {tickText.labels[i]}
                  </text>
                </g>
              ))}
              <text x={-margin.left} y={-em * 0.7}>
                {t("chart.axis.unit", { unit: t(`chart.unit.${tickText.unit}`) }).trim()}
              </text>
            </g>
            {layers.map((layer) => (
              <g key={layer.key} fill={serviceColours[layer.key]}>
                {layer.map((d) => (
                  <rect key={d.data.i} x={x(d.data.i)} width={x.bandwidth()} y={y(d[1])} height={Math.max(0, y(d[0]) - y(d[1]))} />
                ))}
              </g>
            ))}
            <g aria-hidden="true" transform={`translate(0,${innerHeight})`}>
              <line x2={innerWidth} className="baseline" />
              {series.map((p, i) =>
                (series.length - 1 - i) % every === 0 ? (
                  <text key={p.start} x={(x(i) ?? 0) + x.bandwidth() / 2} y={em * 1.3} textAnchor="middle">
                    {shortDay(p.start, locale)}
                  </text>
                ) : null,
              )}
            </g>
            <g onMouseLeave={() => setHover(null)}>
              {series.map((p, i) => (
                <rect key={p.start} x={x(i)} width={x.step()} y={0} height={innerHeight} fill={hover === i ? "rgb(0 0 0 / 0.06)" : "transparent"} onMouseEnter={() => setHover(i)} />
              ))}
            </g>
          </g>
        </svg>
        {hovered && hover !== null ? (
          <div className="chart-tooltip" role="status" style={{ left: Math.min(Math.max(margin.left + (x(hover) ?? 0), em * 7), width - em * 7), top: margin.top }}>
            <strong>{periodLabel(hovered, locale)}</strong>
            <dl>
              {paymentServices.map((s) => (
                <div key={s}>
                  <dt>
                    <span className="swatch" style={{ background: serviceColours[s] }} />
                    {t(`overview.service.${s}`)}
                  </dt>
                  <dd>{formatVndCompact(hovered.payments[s].amountVnd, locale)}</dd>
                </div>
              ))}
            </dl>
          </div>
        ) : null}
      </div>
      <ServiceLegend t={t} />
      <details className="data-table">
        <summary>{t("map.table.toggle")}</summary>
        <div className="table-scroll">
          <table>
            <caption>{t("citymap.chart.payments.title", { bucket: bucketName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("citymap.chart.period")}</th>
                {paymentServices.map((s) => (
                  <th key={s} scope="col" className="num">
                    {t(`overview.service.${s}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {series.map((p) => (
                <tr key={p.start}>
                  <th scope="row">{periodLabel(p, locale)}</th>
                  {paymentServices.map((s) => (
                    <td key={s} className="num" title={`${formatNumber(p.payments[s].count, locale, 1)} ×`}>
                      {formatVndCompact(p.payments[s].amountVnd, locale)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}

export function ActiveSeriesChart({ series, bucket, locale, t }: ChartProps) {
  const { ref, width, height, em } = useElementSize<HTMLDivElement>({ width: 360, height: 150 });
  const [hover, setHover] = useState<number | null>(null);
  const titleId = useId();
  const descId = useId();
  const top = max(series, (p) => p.activeTerminals) ?? 0;
  const marginTop = em * 0.8;
  const marginBottom = em * 1.8;
  const innerHeight = Math.max(10, height - marginTop - marginBottom);
  const y = scaleLinear().domain([0, top > 0 ? top : 1]).nice(4).range([innerHeight, 0]);
  const yTicks = y.ticks(4);
  const labels = yTicks.map((v) => formatNumber(v, locale));
  const labelChars = Math.max(1, ...labels.map((l) => l.length));
  const margin = { top: marginTop, right: em * 1.6, bottom: marginBottom, left: em * (0.62 * labelChars + 1) };
  const innerWidth = Math.max(10, width - margin.left - margin.right);
  const x = scaleBand<number>().domain(series.map((_, i) => i)).range([0, innerWidth]).padding(0);
  const cx = (i: number) => (x(i) ?? 0) + x.bandwidth() / 2;
  const path = line<SeriesPoint>().x((_, i) => cx(i)).y((p) => y(p.activeTerminals)).curve(curveMonotoneX)(series) ?? undefined;
  const fill = area<SeriesPoint>().x((_, i) => cx(i)).y0(innerHeight).y1((p) => y(p.activeTerminals)).curve(curveMonotoneX)(series) ?? undefined;
  const every = labelEvery(x.step(), em);
  const hovered = hover === null ? null : series[hover];
  const bucketName = t(`citymap.chart.bucket.${bucket}`);

  return (
    <div className="series-chart" data-testid="active-chart">
      <div className="series-plot short" ref={ref}>
        <svg width={width} height={height} role="img" aria-labelledby={`${titleId} ${descId}`}>
          <title id={titleId}>{t("citymap.chart.active.title", { bucket: bucketName })}</title>
          <desc id={descId}>
            {t("citymap.chart.active.aria", { bucket: bucketName, from: series[0] ? longDay(series[0].start, locale) : "", to: series.at(-1) ? longDay(series.at(-1)?.end ?? "", locale) : "" })}
          </desc>
          <g transform={`translate(${margin.left},${margin.top})`}>
            <g aria-hidden="true">
              {yTicks.map((tick, i) => (
                <g key={tick} transform={`translate(0,${y(tick)})`}>
                  <line x2={innerWidth} className="grid" />
                  <text x={-em * 0.4} dy="0.32em" textAnchor="end">
                    {labels[i]}
                  </text>
                </g>
              ))}
            </g>
            <path d={fill} fill="#0b4f8a" fillOpacity={0.12} />
            <path d={path} fill="none" stroke="#0b4f8a" strokeWidth={2} />
            <g aria-hidden="true" transform={`translate(0,${innerHeight})`}>
              <line x2={innerWidth} className="baseline" />
              {series.map((p, i) =>
                (series.length - 1 - i) % every === 0 ? (
                  <text key={p.start} x={cx(i)} y={em * 1.3} textAnchor="middle">
                    {shortDay(p.start, locale)}
                  </text>
                ) : null,
              )}
            </g>
            {hover !== null && hovered ? <circle cx={cx(hover)} cy={y(hovered.activeTerminals)} r={4} fill="#0b4f8a" stroke="#fff" strokeWidth={1.5} /> : null}
            <g onMouseLeave={() => setHover(null)}>
              {series.map((p, i) => (
                <rect key={p.start} x={x(i)} width={x.step()} y={0} height={innerHeight} fill="transparent" onMouseEnter={() => setHover(i)} />
              ))}
            </g>
          </g>
        </svg>
        {hovered && hover !== null ? (
          <div className="chart-tooltip" role="status" style={{ left: Math.min(Math.max(margin.left + cx(hover), em * 7), width - em * 7), top: margin.top }}>
            <strong>{periodLabel(hovered, locale)}</strong>
            <dl>
              <div>
                <dt>{t("citymap.chart.active.value")}</dt>
                <dd>{formatNumber(hovered.activeTerminals, locale, 1)}</dd>
              </div>
            </dl>
          </div>
        ) : null}
      </div>
      <details className="data-table">
        <summary>{t("map.table.toggle")}</summary>
        <div className="table-scroll">
          <table>
            <caption>{t("citymap.chart.active.title", { bucket: bucketName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("citymap.chart.period")}</th>
                <th scope="col" className="num">
                  {t("citymap.chart.active.value")}
                </th>
                <th scope="col" className="num">
                  {t("citymap.kpi.sessions")}
                </th>
              </tr>
            </thead>
            <tbody>
              {series.map((p) => (
                <tr key={p.start}>
                  <th scope="row">{periodLabel(p, locale)}</th>
                  <td className="num">{formatNumber(p.activeTerminals, locale, 1)}</td>
                  <td className="num">{formatNumber(p.sessions, locale, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
