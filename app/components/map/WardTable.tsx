import { useMemo } from "react";
import type { WardCoverage } from "../../../server/overview/queries";
import { formatNumber, formatPercent } from "../../lib/format";
import type { Locale, Translate } from "../../lib/i18n";
import type { ClassedScale } from "./coverage-scale";
import { noDataColor } from "../../../tiles/constants";

/** The map's figures for keyboard and screen-reader users (and anyone who wants exact numbers). */
export function WardTable({ wards, scale, locale, t }: { wards: WardCoverage[]; scale: ClassedScale; locale: Locale; t: Translate }) {
  const sorted = useMemo(() => [...wards].sort((a, b) => a.name.localeCompare(b.name, locale)), [wards, locale]);
  return (
    <details className="data-table" data-testid="ward-table">
      <summary>{t("map.table.toggle")}</summary>
      <div className="table-scroll">
        <table>
          <caption>{t("map.table.caption", { count: formatNumber(wards.length, locale) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("map.table.ward")}</th>
              <th scope="col" className="num">{t("map.table.households")}</th>
              <th scope="col" className="num">{t("map.table.terminals")}</th>
              <th scope="col" className="num">{t("map.table.coverage")}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((w) => (
              <tr key={w.code}>
                <th scope="row">{w.name}</th>
                <td className="num">{formatNumber(w.households, locale)}</td>
                <td className="num">{formatNumber(w.activeTerminals, locale)}</td>
                <td className="num">
                  <span className="swatch" aria-hidden="true" style={{ background: scale.colorOf(w.coverage, noDataColor) }} />
                  {w.coverage === null ? t("map.noData") : formatPercent(w.coverage, locale)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
