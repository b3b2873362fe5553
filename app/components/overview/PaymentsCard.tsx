import type { PaymentsByService } from "../../../server/overview/queries";
import { paymentServices } from "../../../server/overview/services";
import { formatNumber, formatVnd, formatVndCompact } from "../../lib/format";
import type { Locale, Translate } from "../../lib/i18n";
import { serviceColours } from "../charts/service-colours";
import { InfoToggle } from "./InfoToggle";

interface Props {
  payments: PaymentsByService;
  monthStart: string;
  locale: Locale;
  t: Translate;
}

/** This month's payments by service: counts in full, values compact with the exact sum in data-value. */
export function PaymentsCard({ payments, monthStart, locale, t }: Props) {
  const totalCount = paymentServices.reduce((sum, s) => sum + payments[s].count, 0);
  const totalAmount = paymentServices.reduce((sum, s) => sum + payments[s].amountVnd, 0);
  const definition = t("overview.payments.def", { monthStart });
  return (
    <section className="card payments" aria-labelledby="payments-title">
      <div className="card-head">
        <h2 id="payments-title" title={definition}>
          {t("overview.payments.title")}
        </h2>
        <InfoToggle label={t("overview.howComputed")} text={definition} />
      </div>
      <p className="payments-total" data-testid="payments-amount-total" data-value={totalAmount} title={formatVnd(totalAmount, locale)}>
        {formatVndCompact(totalAmount, locale)}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("overview.payments.service")}</th>
            <th scope="col" className="num">{t("overview.payments.count")}</th>
            <th scope="col" className="num">{t("overview.payments.amount")}</th>
          </tr>
        </thead>
        <tbody>
          {paymentServices.map((service) => (
            <tr key={service}>
              <th scope="row">
                <span className="swatch" aria-hidden="true" style={{ background: serviceColours[service] }} />
                {t(`overview.service.${service}`)}
              </th>
              <td className="num" data-testid={`payments-count-${service}`} data-value={payments[service].count}>
                {formatNumber(payments[service].count, locale)}
              </td>
              <td className="num" data-testid={`payments-amount-${service}`} data-value={payments[service].amountVnd} title={formatVnd(payments[service].amountVnd, locale)}>
                {formatVndCompact(payments[service].amountVnd, locale)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("overview.payments.total")}</th>
            <td className="num">{formatNumber(totalCount, locale)}</td>
            <td className="num" title={formatVnd(totalAmount, locale)}>{formatVndCompact(totalAmount, locale)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
