/** What an SSE block is, as far as the relay cares. */
export enum BlockType {
  /** Comments only, or fields without data: nothing a client dispatches. */
  None,
  /** `event: info` with data. */
  Info,
  /** `event: result` with data. */
  Result,
  /** `event: error` with data. */
  Error,
  /** Any other event with data (read the slow way, by text). */
  Other,
}

/** The parts of a scanner that reading a field line fills in. */
export interface FieldTarget {
  type: BlockType;
  hasData: boolean;
  depth: number;
  multipv: number;
  idStart: number;
  idEnd: number;
}

const COLON = 58, SPACE = 32, DOT = 46, ZERO = 48, NINE = 57;
const NAMES = { event: bytes("event"), id: bytes("id"), data: bytes("data") };
const TYPES: [Uint8Array, BlockType][] = [
  [bytes("info"), BlockType.Info],
  [bytes("result"), BlockType.Result],
  [bytes("error"), BlockType.Error],
];

function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function equals(buf: Uint8Array, from: number, to: number, word: Uint8Array): boolean {
  if (to - from !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (buf[from + i] !== word[i]) return false;
  return true;
}

/**
 * Reads one field line `buf[from, to)` into `t` (WHATWG SSE: `name: value`, one optional space
 * after the colon; a line starting with `:` is a comment). `event:` sets the block's type,
 * `data:` marks that it has data (without which no client dispatches it), and
 * `id: <depth>.<multipv>` is read as two numbers (-1 when the id is anything else).
 */
export function readField(t: FieldTarget, buf: Uint8Array, from: number, to: number): void {
  if (buf[from] === COLON) return; // a comment
  let colon = from;
  while (colon < to && buf[colon] !== COLON) colon++;
  let value = colon + 1;
  if (value < to && buf[value] === SPACE) value++;
  if (colon >= to) value = to;
  if (equals(buf, from, colon, NAMES.data)) t.hasData = true;
  else if (equals(buf, from, colon, NAMES.event)) {
    const known = TYPES.find(([word]) => equals(buf, value, to, word));
    t.type = known ? known[1] : BlockType.Other;
  } else if (equals(buf, from, colon, NAMES.id)) {
    t.idStart = value;
    t.idEnd = to;
    readInfoId(t, buf, value, to);
  }
}

// `<digits>.<digits>` into depth and multipv, else both -1; no string is built.
function readInfoId(t: FieldTarget, buf: Uint8Array, from: number, to: number): void {
  let n = 0, i = from;
  t.depth = -1;
  t.multipv = -1;
  for (; i < to && buf[i]! >= ZERO && buf[i]! <= NINE; i++) n = n * 10 + buf[i]! - ZERO;
  if (i === from || i >= to || buf[i] !== DOT) return;
  const depth = n;
  n = 0;
  const start = ++i;
  for (; i < to && buf[i]! >= ZERO && buf[i]! <= NINE; i++) n = n * 10 + buf[i]! - ZERO;
  if (i !== to || i === start) return;
  t.depth = depth;
  t.multipv = n;
}
