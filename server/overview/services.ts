import type { PaymentService } from "../db/generated/client";

/**
 * The payment services in display order. Kept free of runtime imports so React components can
 * share it; `satisfies` fails the build if the Prisma enum gains or loses a member.
 */
export const paymentServices = ["tuition", "electricity", "water", "fee", "other"] as const satisfies readonly PaymentService[];

type MissingService = Exclude<PaymentService, (typeof paymentServices)[number]>;
// Compile-time check that the list above is complete.
const complete: MissingService extends never ? true : false = true;
void complete;

export function isPaymentService(value: unknown): value is PaymentService {
  return typeof value === "string" && (paymentServices as readonly string[]).includes(value);
}

/** The time zone every "this month" and "today" of the overview is measured in. */
export const cityTimeZone = "Asia/Ho_Chi_Minh";
