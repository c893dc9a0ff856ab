import assert from "node:assert/strict";
import { cpJudgement, judgeMove, mateJudgement } from "../../../src/analysis/judgement.ts";

// Winning chances (2/(1+e^(−0.00368208·cp)) − 1): cp 100 → 0.1820517944, cp −15 →
// −0.0276085821, cp 0 → 0, cp 300 → 0.5022510019, cp 720 → 0.8681572165, cp 1000 →
// 0.9508948727, cp 3000 → 0.9999681065.

Deno.test("cpJudgement: drops of 0.3 / 0.2 / 0.1 in the mover's winning chances", () => {
  // White +100 → −100: drop 0.1820517944·2 = 0.3641035888 ≥ 0.3
  assert.equal(cpJudgement({ cp: 100 }, { cp: -100 }, "white"), "blunder");
  // White +100 → −15: 0.1820517944 + 0.0276085821 = 0.2096603764 ≥ 0.2
  assert.equal(cpJudgement({ cp: 100 }, { cp: -15 }, "white"), "mistake");
  // White +100 → 0: 0.1820517944 ≥ 0.1
  assert.equal(cpJudgement({ cp: 100 }, { cp: 0 }, "white"), "inaccuracy");
  // White +100 → +50: smaller than 0.1; a gain is no judgement either
  assert.equal(cpJudgement({ cp: 100 }, { cp: 50 }, "white"), null);
  assert.equal(cpJudgement({ cp: 0 }, { cp: 300 }, "white"), null);
  // Black: White's view −100 → +100 is Black's drop of 0.3641035888
  assert.equal(cpJudgement({ cp: -100 }, { cp: 100 }, "black"), "blunder");
  assert.equal(cpJudgement({ cp: 100 }, { cp: -100 }, "black"), null);
});

Deno.test("cpJudgement uses raw centipawns, not ceiled ones", () => {
  // +3000 → +720: raw 0.9999681065 − 0.8681572165 = 0.1318108900 ≥ 0.1 → inaccuracy
  // (ceiled it would be 0.9508948727 − 0.8681572165 = 0.0827376561, no judgement)
  assert.equal(cpJudgement({ cp: 3000 }, { cp: 720 }, "white"), "inaccuracy");
});

Deno.test("cpJudgement: null when either score is a mate", () => {
  assert.equal(cpJudgement({ mate: 2 }, { cp: -500 }, "white"), null);
  assert.equal(cpJudgement({ cp: 100 }, { mate: -3 }, "white"), null);
});

Deno.test("mateJudgement: MateCreated by the mover's cp before", () => {
  assert.equal(mateJudgement({ cp: -1200 }, { mate: -3 }, "white"), "inaccuracy");
  assert.equal(mateJudgement({ cp: -800 }, { mate: -3 }, "white"), "mistake");
  assert.equal(mateJudgement({ cp: 50 }, { mate: -3 }, "white"), "blunder");
  // Black: White's view +800 is Black's −800; White's mate +3 is Black being mated
  assert.equal(mateJudgement({ cp: 800 }, { mate: 3 }, "black"), "mistake");
});

Deno.test("mateJudgement: MateLost by the mover's cp after", () => {
  assert.equal(mateJudgement({ mate: 2 }, { cp: 1200 }, "white"), "inaccuracy");
  assert.equal(mateJudgement({ mate: 2 }, { cp: 800 }, "white"), "mistake");
  assert.equal(mateJudgement({ mate: 2 }, { cp: 300 }, "white"), "blunder");
  // from a mate to being mated: no cp after counts 0 → blunder
  assert.equal(mateJudgement({ mate: 2 }, { mate: -1 }, "white"), "blunder");
  // Black mates in 2 (White's view −2) and lets it go to Black +750 (White's view −750)
  assert.equal(mateJudgement({ mate: -2 }, { cp: -750 }, "black"), "mistake");
});

Deno.test("mateJudgement: no judgement for kept, delayed or suffered mates", () => {
  assert.equal(mateJudgement({ mate: 3 }, { mate: 2 }, "white"), null);
  assert.equal(mateJudgement({ mate: 2 }, { mate: 5 }, "white"), null);
  assert.equal(mateJudgement({ mate: -3 }, { mate: -2 }, "white"), null);
  assert.equal(mateJudgement({ cp: 100 }, { mate: 2 }, "white"), null);
  assert.equal(mateJudgement({ cp: 100 }, { cp: -900 }, "white"), null);
});

Deno.test("judgeMove: only when the engine preferred another move; cp first, then mate", () => {
  assert.equal(judgeMove({ cp: 100 }, { cp: -100 }, "white", false), null);
  assert.equal(judgeMove({ cp: 100 }, { cp: -100 }, "white", true), "blunder");
  assert.equal(judgeMove({ cp: -800 }, { mate: -3 }, "white", true), "mistake");
  assert.equal(judgeMove({ cp: 100 }, { cp: 90 }, "white", true), null);
});
