import type { ReactNode } from "react";
import type { Translate } from "../../lib/i18n";
import { InfoToggle } from "./InfoToggle";

interface Props {
  testId: string;
  label: string;
  /** Formatted figure. */
  value: string;
  /** The exact figure, machine-readable, when the display rounds it. */
  dataValue?: string | number;
  note?: ReactNode;
  /** How the figure is computed: in the label's tooltip and behind the ⓘ toggle. */
  definition: string;
  t: Translate;
}

export function KpiCard({ testId, label, value, dataValue, note, definition, t }: Props) {
  return (
    <article className="card kpi" aria-label={label}>
      <div className="card-head">
        <h2 className="label" title={definition}>
          {label}
        </h2>
        <InfoToggle label={t("overview.howComputed")} text={definition} />
      </div>
      <p className="value" data-testid={testId} data-value={dataValue}>
        {value}
      </p>
      {note ? <p className="note">{note}</p> : null}
    </article>
  );
}
