// The standard normal distribution: Φ, Φ⁻¹ and the quantiles of a truncated standard normal,
// each computed so that tail probabilities keep their digits.

const within = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

// Φ is W. J. Cody's rational Chebyshev approximation (Math. Comp. 23, 1969), as in R's
// pnorm; Φ⁻¹ is Wichura's AS241 (Appl. Statist. 37, 1988). Against 40-digit references both
// stay within 1e-15 relative error down to Φ = 1e-300. Both are used in the lower tail only,
// where small probabilities keep all their digits; upper tails go by symmetry.

const CA = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113];
const CB = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
const CC = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711, 6848.1904505362823326,
  11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8,
];
const CD = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091, 34900.952721145977266,
  38912.003286093271411, 19685.429676859990727,
];
const CP = [
  0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303,
];
const CQ = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5];
const CENTRE = 0.67448975; // Φ⁻¹(3/4)
const INV_SQRT_2PI = 0.39894228040143267793994605993;

/** Φ(x) − ½ for |x| <= CENTRE, where forming Φ itself would round away digits. */
function centre(x: number): number {
  const xsq = x * x;
  let num = CA[4] * xsq;
  let den = xsq;
  for (let i = 0; i < 3; i++) {
    num = (num + CA[i]) * xsq;
    den = (den + CB[i]) * xsq;
  }
  return (x * (num + CA[3])) / (den + CB[3]);
}

/** Φ(−y) for y >= CENTRE; 0 beyond y = 37.5193, where it underflows. */
function tail(y: number): number {
  let r: number;
  if (y <= Math.SQRT2 * 4) {
    let num = CC[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + CC[i]) * y;
      den = (den + CD[i]) * y;
    }
    r = (num + CC[7]) / (den + CD[7]);
  } else if (y < 37.5193) {
    const ysq = 1 / (y * y);
    let num = CP[5] * ysq;
    let den = ysq;
    for (let i = 0; i < 4; i++) {
      num = (num + CP[i]) * ysq;
      den = (den + CQ[i]) * ysq;
    }
    r = (INV_SQRT_2PI - (ysq * (num + CP[4])) / (den + CQ[4])) / y;
  } else return 0;
  // exp(−y²/2) in two factors so y² is not rounded before exponentiating (Cody).
  const y16 = Math.trunc(y * 16) / 16;
  return Math.exp(-y16 * y16 * 0.5) * Math.exp(-(y - y16) * (y + y16) * 0.5) * r;
}

/** Φ(x) for x <= 0. */
const lowerCdf = (x: number) => (x >= -CENTRE ? 0.5 + centre(x) : tail(-x));

/** The standard normal CDF Φ(x). */
export function normalCdf(x: number): number {
  return x <= 0 ? lowerCdf(x) : 1 - lowerCdf(-x);
}

// AS241's numerators and denominators, lowest power first: centre, |q| > 0.425 with r <= 5, r > 5.
const QA = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457, 67265.770927008700853,
  33430.575583588128105, 2509.0809287301226727,
];
const QB = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061, 28729.085735721942674,
  5226.495278852854561,
];
const QC = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258,
  0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
];
const QD = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459, 0.0151986665636164571966,
  5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const QE = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093,
  0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const QF = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4, 1.8463183175100546818e-5,
  1.4215117583164458887e-7, 2.04426310338993978564e-15,
];
const horner = (coefficients: number[], x: number) => coefficients.reduceRight((sum, c) => sum * x + c, 0);

/** Φ⁻¹(p) by AS241; −∞ at 0, +∞ at 1. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * horner(QA, r)) / horner(QB, r);
  }
  const r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  const z = r <= 5 ? horner(QC, r - 1.6) / horner(QD, r - 1.6) : horner(QE, r - 5) / horner(QF, r - 5);
  return q < 0 ? -z : z;
}

/** Probability of the standard normal in [a, b], a <= b, without subtracting tails from 1. */
export function standardMass(a: number, b: number): number {
  if (a >= 0) return standardMass(-b, -a);
  if (b <= 0) return lowerCdf(b) - lowerCdf(a);
  const half = (y: number) => (y <= CENTRE ? centre(y) : 0.5 - tail(y)); // Φ(y) − ½ for y >= 0
  return half(-a) + half(b);
}

/** The point of [a, b] with fraction f (0 < f <= ½) of the interval's mass to its left. */
function fromLeft(a: number, b: number, f: number): number {
  const m = standardMass(a, b);
  const t = f * m;
  if (t <= (a < 0 ? standardMass(a, Math.min(b, 0)) : 0)) return within(normalQuantile(lowerCdf(a) + t), a, b);
  // Right of 0: use the upper tail's mass (at least m/2 here, as f <= ½) and symmetry.
  return within(-normalQuantile(lowerCdf(-b) + (m - t)), a, b);
}

/**
 * The point of [a, b] (a < b, with probability in it) at fraction v + 2^-54 of its mass, for v
 * in [0, 1): the middle of v's 2^-53 cell, so 0 and 1 − 2^-53 give finite points. Measured from
 * the nearer end, so the fraction is never 0 and never rounds to 1.
 */
export function truncatedStandardQuantile(a: number, b: number, v: number): number {
  return v < 0.5 ? fromLeft(a, b, v + 2 ** -54) : -fromLeft(-b, -a, 1 - v - 2 ** -54);
}
