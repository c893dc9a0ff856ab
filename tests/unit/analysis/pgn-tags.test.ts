import { checkTagSection } from "../../../src/analysis/pgn-tags.ts";
import { assertRefused } from "./refusal.ts";

Deno.test("checkTagSection accepts well-formed tags, several on a line, escapes and brackets", () => {
  checkTagSection('[Event "A \\"quoted\\" ] event"]\n[Site "x"] [Round "1"]\n\n1. e4 e5 *');
  checkTagSection("1. e4 e5");
  checkTagSection("");
});

Deno.test("checkTagSection refuses a malformed tag, naming its line", () => {
  const err = assertRefused(
    () => checkTagSection('[Event "Casual"]\n[Site "x"\n\n1. e4'),
    'line 2: bad tag section: "[Site \\"x\\""',
  );
  assertRefused(() => checkTagSection("[Event Casual]\n\n1. e4"), /^line 1: bad tag section/);
  assertRefused(() => checkTagSection('[Event "x"] 1. e4'), /^line 1: bad tag section/);
  if (!err.hint?.includes('[Name "value"]')) throw new Error("the hint shows a tag pair");
});

Deno.test("checkTagSection ignores brackets inside comments and escaped lines", () => {
  checkTagSection("1. e4 { a long comment\n[not a tag] still the comment } e5");
  checkTagSection("1. e4 {[%clk 0:03:00]} e5 {\n[%eval 0.2]}");
  checkTagSection('% an escaped line\n1. e4 ; a rest-of-line comment {\n[Event "x"]\n\n1. d4');
});

Deno.test("checkTagSection names the game of a multi-game PGN when asked", () => {
  const pgn = '[Event "1"]\n\n1. e4 e5 *\n\n[Event "2"]\n[Site "broken]\n\n1. d4 *';
  assertRefused(() => checkTagSection(pgn, true), /^game 2, line 6: bad tag section/);
  assertRefused(() => checkTagSection(pgn), /^line 6: bad tag section/);
});
