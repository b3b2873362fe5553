// Additive figures of a unit, moved between layouts with weights (server/history/transfer.ts).
// Everything here is a sum, so a weighted sum of sources is meaningful; ratios are taken only at the end.
import type { Weighted } from "../history/transfer";

export interface Figures {
  households: number;
  terminals: number;
  payments: number;
  amountVnd: number;
  sessions: number;
  /** Σ over the days of the range of terminal_daily.active_terminals. */
  activeTerminalDays: number;
}

export const figureKeys = ["households", "terminals", "payments", "amountVnd", "sessions", "activeTerminalDays"] as const satisfies readonly (keyof Figures)[];

export function zeroFigures(): Figures {
  return { households: 0, terminals: 0, payments: 0, amountVnd: 0, sessions: 0, activeTerminalDays: 0 };
}

export function addScaled(into: Figures, from: Partial<Figures>, weight: number): void {
  for (const key of figureKeys) into[key] += (from[key] ?? 0) * weight;
}

/**
 * Spreads each source's figures over its routes. What a source cannot route (no link to the
 * layout, or a district-less ward) is added to `unmapped`, so totals can always be reconciled.
 */
export function distribute(
  sources: Map<number, Partial<Figures>>,
  route: (sourceId: number) => Weighted | null,
  targets: Map<number, Figures>,
  unmapped: Figures,
): void {
  for (const [sourceId, figures] of sources) {
    const routes = route(sourceId) ?? [];
    let placed = 0;
    for (const [targetId, weight] of routes) {
      const target = targets.get(targetId);
      if (!target) continue;
      addScaled(target, figures, weight);
      placed += weight;
    }
    if (placed < 1 - 1e-9) addScaled(unmapped, figures, 1 - placed);
  }
}

/** a ÷ b, or null when there is nothing to divide by (shown as "no data", never as 0). */
export function ratio(a: number, b: number): number | null {
  return b > 0 ? a / b : null;
}
