import assert from "node:assert/strict";

/** Asserts two numbers agree to `digits` decimal places (hand arithmetic is rounded). */
export function assertClose(actual: number | null, expected: number, digits = 9): void {
  assert.ok(actual !== null, `expected ${expected}, got null`);
  assert.ok(
    Math.abs(actual - expected) < 10 ** -digits,
    `expected ${expected}, got ${actual} (to ${digits} decimals)`,
  );
}
