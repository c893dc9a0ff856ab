import assert from "node:assert/strict";
import { acpl, centipawnLosses } from "../../../src/analysis/acpl.ts";

Deno.test("centipawnLosses: the starting side gets +15 cp in front, pairs of (before, after)", () => {
  const infos = [{ cp: -100 }, { cp: 300 }, { cp: 250 }];
  // White: [15, −100, 300, 250] → (15, −100): −(−100 − 15) = 115; (300, 250): −(250 − 300) = 50
  assert.deepEqual(centipawnLosses("white", "white", infos), [115, 50]);
  // Black: [−100, 300, 250] → (−100, 300): 300 − (−100) = 400; the lone 250 is no pair
  assert.deepEqual(centipawnLosses("black", "white", infos), [400]);
});

Deno.test("acpl rounds the mean half up, as Scala's Math.round", () => {
  // (115 + 50) / 2 = 82.5 → 83
  assert.equal(acpl("white", "white", [{ cp: -100 }, { cp: 300 }, { cp: 250 }]), 83);
});

Deno.test("acpl: a gain is a loss of 0", () => {
  // White: (15, 80): −(80 − 15) = −65 → 0
  assert.equal(acpl("white", "white", [{ cp: 80 }]), 0);
});

Deno.test("acpl: mates are forced to centipawns and ceiled to ±1000", () => {
  // White walks into a mate: (15, mate −2 → −1000): −(−1000 − 15) = 1015
  assert.equal(acpl("white", "white", [{ mate: -2 }]), 1015);
  // White finds a mate: (15, mate 3 → +1000): −(1000 − 15) < 0 → 0
  assert.equal(acpl("white", "white", [{ mate: 3 }]), 0);
  // Black from a lost −2500 (ceiled −1000) to +40: 40 − (−1000) = 1040, not 2540
  assert.equal(acpl("black", "white", [{ cp: -2500 }, { cp: 40 }]), 1040);
});

Deno.test("acpl: a side without a move is null; a pair missing an evaluation is skipped", () => {
  assert.equal(acpl("black", "white", [{ cp: 20 }]), null);
  assert.equal(acpl("black", "white", [null, { cp: 20 }]), null);
});

Deno.test("acpl of a game started by Black: Black gets the +15 cp start", () => {
  // Black: [15, 200] → 200 − 15 = 185; White: [200] → no pair
  assert.equal(acpl("black", "black", [{ cp: 200 }]), 185);
  assert.equal(acpl("white", "black", [{ cp: 200 }]), null);
});
