import type { Translate } from "../../lib/i18n";

/** "No data yet", with what to do about it. */
export function EmptyState({ t, message }: { t: Translate; message?: string }) {
  return (
    <div className="state empty-state" data-testid="empty-state">
      <p>
        <strong>{t("state.empty")}</strong>
      </p>
      {message ? <p>{message}</p> : null}
      <p className="hint">{t("overview.empty.hint")}</p>
    </div>
  );
}

export function ErrorState({ t }: { t: Translate }) {
  return (
    <div className="state error-state" role="alert" data-testid="error-state">
      <p>{t("overview.error")}</p>
    </div>
  );
}
