// An approximate outline of Hanoi, hand-written from general knowledge of the map (Sóc Sơn in the
// north, Gia Lâm and the Red River in the east, Phú Xuyên/Mỹ Đức in the south, Ba Vì and the Đà
// River in the west). Good enough for a synthetic city; real boundaries come in via import-wards.
// Counter-clockwise [lon, lat] ring, closed.

export const hanoiOutline: [number, number][] = [
  [105.870, 21.385], // Sóc Sơn, northern tip
  [105.800, 21.360],
  [105.745, 21.320],
  [105.730, 21.270], // Sóc Sơn – Mê Linh
  [105.690, 21.240],
  [105.640, 21.215], // Mê Linh, along the Vĩnh Phúc border
  [105.600, 21.180],
  [105.540, 21.175], // Red River above Phúc Thọ
  [105.470, 21.215],
  [105.420, 21.260],
  [105.360, 21.300], // Ba Vì, northern bend of the Red River
  [105.310, 21.260],
  [105.285, 21.180], // Đà River, western edge
  [105.295, 21.100],
  [105.330, 21.030],
  [105.380, 20.990], // Ba Vì mountains
  [105.450, 20.975],
  [105.500, 20.940], // Thạch Thất – Quốc Oai west
  [105.540, 20.900],
  [105.560, 20.840], // Chương Mỹ, towards Xuân Mai
  [105.600, 20.790],
  [105.640, 20.740],
  [105.650, 20.680], // Mỹ Đức, Hòa Bình border
  [105.680, 20.610],
  [105.720, 20.565], // Mỹ Đức, southern tip
  [105.780, 20.580],
  [105.830, 20.600], // Ứng Hòa, Đáy River
  [105.880, 20.610],
  [105.930, 20.620], // Phú Xuyên, south
  [105.985, 20.660],
  [105.975, 20.740], // Red River, Phú Xuyên east
  [105.940, 20.810],
  [105.920, 20.880], // Thường Tín east
  [105.910, 20.935],
  [105.940, 20.960], // Gia Lâm south
  [105.990, 20.980],
  [106.020, 21.030], // Gia Lâm, eastern tip
  [105.990, 21.070],
  [105.950, 21.100], // Yên Viên, Bắc Ninh border
  [105.930, 21.150],
  [105.920, 21.200], // Đông Anh north-east
  [105.950, 21.250],
  [105.930, 21.320], // Sóc Sơn east
  [105.900, 21.360],
  [105.870, 21.385],
];
