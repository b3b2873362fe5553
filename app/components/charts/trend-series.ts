// Shapes the monthly payments trend for a stacked chart: one row per month, one key per service.
import { stack, stackOrderNone, stackOffsetNone, type Series } from "d3";
import type { TrendMonth } from "../../../server/overview/queries";
import { paymentServices } from "../../../server/overview/services";
import type { PaymentService } from "../../../server/db/generated/client";

export type TrendRow = { month: string } & Record<PaymentService, number>;

export function trendRows(months: TrendMonth[]): TrendRow[] {
  return months.map((m) => {
    const row = { month: m.month } as TrendRow;
    for (const service of paymentServices) row[service] = m.byService[service].amountVnd;
    return row;
  });
}

/** Stacked layers in the fixed service order, so colours and legend never reorder. */
export function stackTrend(rows: TrendRow[]): Series<TrendRow, PaymentService>[] {
  return stack<TrendRow, PaymentService>().keys(paymentServices).order(stackOrderNone).offset(stackOffsetNone)(rows);
}

/** The middle of a YYYY-MM month in Hanoi, as a Date, for formatMonth (safe from any zone shift). */
export function monthDate(month: string): Date {
  return new Date(`${month}-15T12:00:00+07:00`);
}

export function trendTotal(months: TrendMonth[]): number {
  return months.reduce((sum, m) => sum + m.totalVnd, 0);
}
