import assert from "node:assert/strict";
import {
  ceiledCp,
  CP_CEILING,
  forceAsCp,
  INITIAL_CP,
  winningChances,
  winPercentFromCp,
  winPercentFromScore,
} from "../../../src/analysis/win.ts";
import { assertClose } from "./close.ts";

Deno.test("ceiledCp clamps to ±1000 and keeps what is inside", () => {
  assert.equal(CP_CEILING, 1000);
  assert.equal(INITIAL_CP, 15);
  assert.equal(ceiledCp(2500), 1000);
  assert.equal(ceiledCp(-2500), -1000);
  assert.equal(ceiledCp(-37), -37);
});

Deno.test("winningChances is 2/(1+e^(−0.00368208·cp))−1 on raw centipawns", () => {
  assert.equal(winningChances(0), 0);
  // cp 100: e^(−0.368208) = 0.6919732362857801; 2/1.6919732362857801 − 1 = 0.1820517943832256
  assertClose(winningChances(100), 0.1820517943832256);
  assertClose(winningChances(-100), -0.1820517943832256);
  // cp 2000 is not ceiled here: e^(−7.36416) = 0.00063355737; 2/1.00063355737 − 1 = 0.99873368754
  assertClose(winningChances(2000), 0.9987336875391553);
});

Deno.test("winPercentFromCp is 50 + 50·winningChances(ceiled cp)", () => {
  assert.equal(winPercentFromCp(0), 50);
  // cp 15: e^(−0.0552312) = 0.9462663458817712; 2/1.9462663458817712 − 1 = 0.0276085820586;
  // 50 + 50·0.0276085820586 = 51.380429102931544
  assertClose(winPercentFromCp(15), 51.380429102931544);
  // cp 300: e^(−1.104624) = 0.3313354409492735; 2/1.3313354409 − 1 = 0.5022510019 → 75.1125500938
  assertClose(winPercentFromCp(300), 75.11255009383484);
  // cp 1000: e^(−3.68208) = 0.02517056557; 2/1.02517056557 − 1 = 0.9508948727 → 97.5447436341
  assertClose(winPercentFromCp(1000), 97.54474363414323);
  // cp 2000 is ceiled to 1000, so the same 97.5447436341
  assertClose(winPercentFromCp(2000), 97.54474363414323);
  // cp −1000: 50 − 50·0.9508948727 = 2.4552563659
  assertClose(winPercentFromCp(-5000), 2.4552563658567763);
});

Deno.test("winPercentFromScore: a mate counts as +1000 cp when positive, else −1000", () => {
  assertClose(winPercentFromScore({ mate: 3 }), 97.54474363414323);
  assertClose(winPercentFromScore({ mate: -1 }), 2.4552563658567763);
  // mate 0: the side to move is mated
  assertClose(winPercentFromScore({ mate: 0 }), 2.4552563658567763);
  assertClose(winPercentFromScore({ cp: 300 }), 75.11255009383484);
});

Deno.test("forceAsCp: Int.MaxValue − m for m ≥ 0, Int.MinValue − m for m < 0", () => {
  assert.equal(forceAsCp({ cp: -42 }), -42);
  assert.equal(forceAsCp({ mate: 3 }), 2147483647 - 3);
  assert.equal(forceAsCp({ mate: -3 }), -2147483648 + 3);
  assert.equal(forceAsCp({ mate: 0 }), 2147483647);
  assert.equal(ceiledCp(forceAsCp({ mate: -3 })), -1000);
});
