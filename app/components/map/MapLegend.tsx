import type { ClassedScale } from "./coverage-scale";
import { percentDigits, percentRange } from "./legend-labels";
import { noDataColor } from "../../../tiles/constants";
import type { Locale, Translate } from "../../lib/i18n";

export function MapLegend({ scale, locale, t }: { scale: ClassedScale; locale: Locale; t: Translate }) {
  const digits = percentDigits(scale.step);
  return (
    <div className="map-legend">
      <span className="legend-title">{t("map.table.coverage")}</span>
      <ul aria-label={t("map.legend")}>
        {scale.classes.map((c) => (
          <li key={c.from}>
            <span className="swatch" style={{ background: c.color }} />
            {percentRange(c.from, c.to, locale, digits)}
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: noDataColor }} />
          {t("map.noData")}
        </li>
      </ul>
    </div>
  );
}
