/**
 * The words of config refusals: each says what is wrong and what to write instead, naming the
 * value received (`spots[0].priority: must be an integer between 0 and 200, received 300`).
 * Used as zod `error` functions, which get the issue with its input.
 */

/** The parts of a zod issue the messages read. */
export interface IssueInput {
  code?: string;
  input?: unknown;
  keys?: string[];
}

/** How a received value is named in a message: `"abc"`, `3`, `an empty list`, `an object`. */
export function received(value: unknown): string {
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) {
    return value.length === 0 ? "an empty list" : `a list of ${value.length}`;
  }
  if (value !== null && typeof value === "object") return "an object";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

// A number or boolean written as a string is the commonest slip in a hand-written file.
function quoted(value: unknown): string {
  const scalar = typeof value === "string" && /^(-?\d+(\.\d+)?|true|false)$/.test(value.trim());
  return scalar ? " (write it without quotes)" : "";
}

/** The message for a value that breaks `rule` ("an integer between 0 and 200"), or is missing. */
export function must(rule: string): (iss: IssueInput) => string {
  return (iss) =>
    iss.input === undefined
      ? `missing: write ${rule}`
      : `must be ${rule}, received ${received(iss.input)}${quoted(iss.input)}`;
}

/** `must(rule)` for an object, and for its unknown fields: which they are and which exist. */
export function objectRule(rule: string, fields: string[]): (iss: IssueInput) => string {
  return (iss) => {
    if (iss.code !== "unrecognized_keys") return must(rule)(iss);
    const keys = (iss.keys ?? []).map((k) => JSON.stringify(k)).join(", ");
    const plural = (iss.keys ?? []).length === 1 ? "field" : "fields";
    return `unknown ${plural} ${keys}; the fields are ${fields.join(", ")}`;
  };
}
