import type { PaymentService } from "../../../server/db/generated/client";

/**
 * Okabe–Ito colours: distinguishable with the common colour-vision deficiencies, and dark enough
 * for white text and thin lines. Fixed per service so every chart agrees.
 */
export const serviceColours: Record<PaymentService, string> = {
  tuition: "#0072B2",
  electricity: "#E69F00",
  water: "#56B4E9",
  fee: "#009E73",
  other: "#CC79A7",
};
