import { invalidGame } from "./invalid.ts";

// One or more tag pairs [Name "value"] on a line; the name and value rules are chessops'.
const TAG_LINE = /^(\s*\[[A-Za-z0-9][A-Za-z0-9_+#=:-]*\s+"(?:[^"\\]|\\"|\\\\)*"\])+\s*$/;

const HINT = 'Each tag is one pair [Name "value"] on its own line, before the moves, e.g. ' +
  '[Event "Casual game"]';

// Whether a line of movetext leaves a {…} comment open (PGN comments do not nest; a ";"
// outside braces comments out the rest of the line).
function endsInComment(line: string, inComment: boolean): boolean {
  let open = inComment;
  for (const ch of line) {
    if (open && ch === "}") open = false;
    else if (!open && ch === "{") open = true;
    else if (!open && ch === ";") return false;
  }
  return open;
}

/**
 * Checks a PGN's tag sections, which chessops silently reads as movetext when malformed: every
 * line that starts with "[" outside a comment must be well-formed tag pairs. Throws
 * `invalid_request` naming the line (and the game when `withGame`): "line 2: bad tag section…".
 */
export function checkTagSection(pgn: string, withGame = false): void {
  let game = 1;
  let sawMoves = false;
  let inComment = false;
  pgn.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (!inComment && trimmed.startsWith("[")) {
      if (sawMoves) game++;
      sawMoves = false;
      if (TAG_LINE.test(line)) return;
      const where = withGame ? `game ${game}, line ${index + 1}` : `line ${index + 1}`;
      invalidGame(`${where}: bad tag section: ${JSON.stringify(trimmed.slice(0, 80))}`, HINT);
    }
    if (!inComment && (trimmed === "" || trimmed.startsWith("%"))) return;
    sawMoves = true;
    inComment = endsInComment(line, inComment);
  });
}
