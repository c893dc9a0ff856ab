import { GatewayError } from "../errors/gateway-error.ts";

/** Throws the `invalid_request` of a bad game (DESIGN §10), e.g. "ply 46: illegal move Qxh2". */
export function invalidGame(message: string, hint?: string): never {
  throw new GatewayError("invalid_request", message, hint ? { hint } : {});
}

/** Runs `parse`, prefixing the message of any `GatewayError` it throws (e.g. "game 3, "). */
export function withPrefix<T>(prefix: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (!(err instanceof GatewayError)) throw err;
    return invalidGame(`${prefix}${err.message}`, err.hint);
  }
}
