// lila's Maths (lila modules/common/src/main/Maths.scala, now scalalib `Maths`).

/** The arithmetic mean (lila `Maths.mean`); null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** The population standard deviation (lila `Maths.standardDeviation`); null for no values. */
export function standardDeviation(values: readonly number[]): number | null {
  const average = mean(values);
  if (average === null) return null;
  const squares = values.reduce((sum, v) => sum + (v - average) ** 2, 0);
  return Math.sqrt(squares / values.length);
}

/** The harmonic mean, each value floored at 1 (lila `Maths.harmonicMean`); null for none. */
export function harmonicMean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.length / values.reduce((sum, v) => sum + 1 / Math.max(1, v), 0);
}

/** The mean of [value, weight] pairs (lila `Maths.weightedMean`); null for none or weight 0. */
export function weightedMean(pairs: readonly (readonly [number, number])[]): number | null {
  let total = 0;
  let weights = 0;
  for (const [value, weight] of pairs) {
    total += value * weight;
    weights += weight;
  }
  return weights === 0 ? null : total / weights;
}
