// The side panel of one unit: KPIs for the period, the two charts, the top public services, and —
// when figures were carried over from another layout — where they came from.
import { useEffect, useRef } from "react";
import type { UnitDetail } from "../../../server/citymap/unit-detail";
import { formatNumber, formatPercent, formatVndCompact } from "../../lib/format";
import type { Locale, Translate } from "../../lib/i18n";
import { formatCount, formatMetric, longDay } from "./format-metric";
import { ActiveSeriesChart, PaymentsSeriesChart } from "./SeriesCharts";

interface Props {
  detail: UnitDetail;
  onClose(): void;
  locale: Locale;
  t: Translate;
}

function Kpi({ id, label, value, exact, title }: { id: string; label: string; value: string; exact: number | null; title?: string }) {
  return (
    <div className="kpi-tile" title={title}>
      <dt>{label}</dt>
      <dd data-testid={`panel-${id}`} data-value={exact === null ? "" : String(exact)}>
        {value}
      </dd>
    </div>
  );
}

export function UnitPanel({ detail, onClose, locale, t }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Keyboard users land on the panel they opened; Escape closes it.
  useEffect(() => {
    headingRef.current?.focus();
  }, [detail.code, detail.layer, detail.level]);
  const noData = t("map.noData");
  const f = detail.figures;
  const identity = detail.sources.length === 1 && detail.sources[0].code === detail.code && detail.sources[0].weight === 1;

  return (
    <section
      className="unit-panel"
      aria-labelledby="unit-panel-title"
      data-testid="unit-panel"
      data-code={detail.code}
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
    >
      <div className="panel-head">
        <div>
          <h2 id="unit-panel-title" ref={headingRef} tabIndex={-1}>
            {detail.name}
          </h2>
          <p className="muted">
            {detail.parent ? `${t("citymap.panel.parent", { name: detail.parent.name })} · ` : ""}
            {t("citymap.panel.period", { from: longDay(detail.from, locale), to: longDay(detail.to, locale), days: detail.days })}
          </p>
        </div>
        <button type="button" className="close" onClick={onClose} aria-label={t("citymap.panel.close")} title={t("citymap.panel.close")} data-testid="panel-close">
          ×
        </button>
      </div>
      {detail.estimated ? (
        <p className="note estimated" role="note">
          {t("citymap.estimated")}
        </p>
      ) : null}

      <dl className="kpi-grid">
        <Kpi id="households" label={t("citymap.kpi.households")} value={formatCount(f.households, locale)} exact={f.households} />
        <Kpi id="terminals" label={t("citymap.kpi.terminals")} value={formatCount(f.terminals, locale)} exact={f.terminals} title={t("citymap.kpi.terminals.def")} />
        <Kpi id="active-now" label={t("citymap.kpi.activeNow", { minutes: detail.inactivityMinutes })} value={formatCount(detail.activeNow, locale)} exact={detail.activeNow} />
        <Kpi id="coverage" label={t("citymap.kpi.coverage")} value={formatMetric("coverage", detail.values.coverage, locale, noData)} exact={detail.values.coverage} title={t("citymap.metric.coverage.def")} />
        <Kpi
          id="active-share"
          label={t("citymap.kpi.activeShare")}
          value={detail.values.activeShare === null ? noData : `${formatNumber(detail.meanDailyActive, locale, 1)} · ${formatPercent(detail.values.activeShare, locale)}`}
          exact={detail.values.activeShare}
          title={t("citymap.metric.activeShare.def")}
        />
        <Kpi id="payments" label={t("citymap.kpi.payments")} value={formatCount(f.payments, locale)} exact={f.payments} />
        <Kpi id="payments-value" label={t("citymap.kpi.paymentsValue")} value={formatVndCompact(f.amountVnd, locale)} exact={f.amountVnd} />
        <Kpi id="sessions" label={t("citymap.kpi.sessions")} value={formatCount(f.sessions, locale)} exact={f.sessions} />
      </dl>

      <h3>{t("citymap.chart.payments.title", { bucket: t(`citymap.chart.bucket.${detail.bucket}`) })}</h3>
      {f.payments > 0 ? <PaymentsSeriesChart series={detail.series} bucket={detail.bucket} locale={locale} t={t} /> : <p className="muted small">{t("citymap.chart.payments.empty")}</p>}
      <h3>{t("citymap.chart.active.title", { bucket: t(`citymap.chart.bucket.${detail.bucket}`) })}</h3>
      {f.activeTerminalDays > 0 ? <ActiveSeriesChart series={detail.series} bucket={detail.bucket} locale={locale} t={t} /> : <p className="muted small">{t("citymap.chart.active.empty")}</p>}

      <h3>{t("citymap.top.title")}</h3>
      {detail.topServices.length === 0 ? (
        <p className="muted">{t("citymap.top.empty")}</p>
      ) : (
        <ol className="top-services" data-testid="top-services">
          {detail.topServices.map((s) => {
            const share = s.sessions / (detail.topServices[0].sessions || 1);
            return (
              <li key={s.id} data-code={s.code} data-sessions={s.sessions}>
                <span className="service-name">{locale === "vi" ? s.nameVi : s.nameEn}</span>
                <span className="bar" aria-hidden="true">
                  <span style={{ width: `${Math.max(2, share * 100)}%` }} />
                </span>
                <span className="count">{t("citymap.top.sessions", { count: formatCount(s.sessions, locale) })}</span>
              </li>
            );
          })}
        </ol>
      )}
      {detail.sessionsWithoutService > 0 ? <p className="muted small">{t("citymap.top.unknown", { count: formatCount(detail.sessionsWithoutService, locale) })}</p> : null}

      {!identity && detail.sources.length > 0 ? (
        <details className="sources">
          <summary>{t("citymap.sources.title", { count: detail.sources.length })}</summary>
          <ul>
            {detail.sources.map((s) => (
              <li key={s.code}>
                {t("citymap.sources.share", { share: formatPercent(s.weight, locale, s.weight === 1 ? 0 : 1), name: s.name || s.code })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
