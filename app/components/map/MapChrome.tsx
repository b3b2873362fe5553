import type { CSSProperties, ReactNode } from "react";
import { useT } from "../../lib/i18n";

/** The loading and error layers every map draws over its canvas. */
export function MapStatusOverlay({ status }: { status: "loading" | "ready" | "error" }) {
  const t = useT();
  if (status === "loading") {
    return (
      <div className="map-overlay skeleton" role="status">
        <span>{t("map.loading")}</span>
      </div>
    );
  }
  if (status === "error") {
    return (
      <div className="map-overlay map-error" role="alert">
        <span>{t("map.error")}</span>
      </div>
    );
  }
  return null;
}

/** A hover tooltip that opens away from the nearer edge, so it never leaves the map. */
export function MapTooltip(props: { x: number; y: number; width: number; height: number; testId: string; children: ReactNode }) {
  const { x, y, width, height } = props;
  const style: CSSProperties = {
    ...(x > width / 2 ? { right: width - x + 14 } : { left: x + 14 }),
    ...(y > height / 2 ? { bottom: height - y + 14 } : { top: y + 14 }),
  };
  return (
    <div className="map-tooltip" data-testid={props.testId} role="status" style={style}>
      {props.children}
    </div>
  );
}
