// The map's controls: metric, unit level, boundary layout, period (presets or custom dates), and
// whether terminals are drawn. Native form controls: focusable, labelled, usable by keyboard.
import { useEffect, useId, useState } from "react";
import { cityMetrics, type CityMetric } from "../../../server/citymap/metric-names";
import type { Translate } from "../../lib/i18n";
import { InfoToggle } from "../overview/InfoToggle";
import { activePreset, isDay, presetRange, presets, rangeDays, type Layer, type Level, type MapState, type Preset } from "./url-state";
import { maxRangeDays } from "../../../server/citymap/metric-names";

interface Props {
  state: MapState;
  today: string;
  showTerminals: boolean;
  onChange(change: Partial<MapState>): void;
  onShowTerminals(show: boolean): void;
  t: Translate;
}

function Segmented<T extends string>({ label, value, options, onChange, name, disabled }: { label: string; value: T; options: { value: T; label: string; disabled?: boolean }[]; onChange(v: T): void; name: string; disabled?: boolean }) {
  return (
    <fieldset className="segmented" disabled={disabled}>
      <legend>{label}</legend>
      {options.map((o) => (
        <label key={o.value} className={o.value === value ? "on" : undefined}>
          <input type="radio" name={name} value={o.value} checked={o.value === value} disabled={o.disabled} onChange={() => onChange(o.value)} />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function Controls({ state, today, showTerminals, onChange, onShowTerminals, t }: Props) {
  const metricId = useId();
  const preset = activePreset(state, today);
  const [custom, setCustom] = useState(preset === null);
  const [from, setFrom] = useState(state.from);
  const [to, setTo] = useState(state.to);
  useEffect(() => {
    setFrom(state.from);
    setTo(state.to);
  }, [state.from, state.to]);
  const valid = isDay(from) && isDay(to) && from <= to && rangeDays(from, to) <= maxRangeDays;

  return (
    <form className="citymap-controls" aria-label={t("citymap.controls")} onSubmit={(e) => e.preventDefault()}>
      <label className="control">
        <span id={metricId}>{t("citymap.metric")}</span>
        <select data-testid="metric-select" aria-labelledby={metricId} value={state.metric} onChange={(e) => onChange({ metric: e.target.value as CityMetric })}>
          {cityMetrics.map((m) => (
            <option key={m} value={m}>
              {t(`citymap.metric.${m}`)}
            </option>
          ))}
        </select>
      </label>

      <div className="control-with-note">
        <Segmented<Layer>
          name="layer"
          label={t("citymap.layer")}
          value={state.layer}
          onChange={(layer) => onChange({ layer })}
          options={[
            { value: "2025", label: t("citymap.layer.2025") },
            { value: "pre2025", label: t("citymap.layer.pre2025") },
          ]}
        />
        {state.layer === "pre2025" ? <InfoToggle label={t("citymap.layer.how")} text={t("citymap.layer.note")} /> : null}
      </div>

      <div className="control-with-note">
        <Segmented<Level>
          name="level"
          label={t("citymap.level")}
          value={state.level}
          onChange={(level) => onChange({ level })}
          options={[
            { value: "ward", label: t("citymap.level.ward") },
            { value: "district", label: t("citymap.level.district"), disabled: state.layer === "2025" },
          ]}
        />
        {state.layer === "2025" ? <InfoToggle label={t("citymap.level.why")} text={t("citymap.level.noDistricts")} /> : null}
      </div>

      <fieldset className="segmented range">
        <legend>{t("citymap.range")}</legend>
        {presets.map((p: Preset) => (
          <label key={p} className={!custom && preset === p ? "on" : undefined}>
            <input
              type="radio"
              name="preset"
              value={p}
              checked={!custom && preset === p}
              onChange={() => {
                setCustom(false);
                onChange(presetRange(p, today));
              }}
            />
            <span>{t(`citymap.preset.${p}`)}</span>
          </label>
        ))}
        <label className={custom || preset === null ? "on" : undefined}>
          <input type="radio" name="preset" value="custom" checked={custom || preset === null} onChange={() => setCustom(true)} />
          <span>{t("citymap.preset.custom")}</span>
        </label>
      </fieldset>
      {custom || preset === null ? (
        <div className="custom-range">
          <label className="control">
            <span>{t("citymap.from")}</span>
            <input type="date" value={from} max={today} onChange={(e) => setFrom(e.target.value)} data-testid="range-from" />
          </label>
          <label className="control">
            <span>{t("citymap.to")}</span>
            <input type="date" value={to} max={today} onChange={(e) => setTo(e.target.value)} data-testid="range-to" />
          </label>
          <button type="button" className="button small" disabled={!valid} onClick={() => onChange({ from, to })}>
            {t("citymap.apply")}
          </button>
          {!valid ? (
            <p className="control-note error" role="alert">
              {t("citymap.range.invalid")}
            </p>
          ) : null}
        </div>
      ) : null}

      <label className="toggle">
        <input type="checkbox" checked={showTerminals} onChange={(e) => onShowTerminals(e.target.checked)} data-testid="terminals-toggle" />
        <span>{t("citymap.terminals.toggle")}</span>
      </label>
    </form>
  );
}
