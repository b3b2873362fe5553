import { paymentServices } from "../../../server/overview/services";
import type { Translate } from "../../lib/i18n";
import { serviceColours } from "./service-colours";

/** The payment-service colour key shared by every chart that stacks payments by service. */
export function ServiceLegend({ t }: { t: Translate }) {
  return (
    <ul className="chart-legend" aria-label={t("map.legend")}>
      {paymentServices.map((service) => (
        <li key={service}>
          <span className="swatch" style={{ background: serviceColours[service] }} />
          {t(`overview.service.${service}`)}
        </li>
      ))}
    </ul>
  );
}
