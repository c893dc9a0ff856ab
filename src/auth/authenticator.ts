import { GatewayError } from "../errors/gateway-error.ts";
import type { ApiKeys } from "./api-keys.ts";
import { bearerToken, looksLikeJwt } from "./bearer.ts";
import type { Identity } from "./identity.ts";
import { APP_AUDIENCE, type JwtVerifier, TokenRefused } from "./jwt.ts";

/** The credentials a request may carry. */
export interface PresentedCredentials {
  authorization?: string;
  apiKey?: string;
}

/** Longest accepted user id (a JWT `sub`). */
const MAX_SUB_LENGTH = 256;

/**
 * App authentication: an API key (`X-API-Key`, or `Authorization: Bearer <key>`) or an app
 * JWT (`Authorization: Bearer <jwt>`, verified with the app key and `aud` "spotgate"). The
 * user is the key's or the token's `sub`; nothing the client writes elsewhere names it.
 */
export class AppAuthenticator {
  constructor(readonly o: { apiKeys?: ApiKeys; jwt?: JwtVerifier }) {}

  /** What a client should send, for hints. */
  get accepted(): string {
    const forms = [
      this.o.apiKeys && "X-API-Key: <key>",
      `Authorization: Bearer <${
        [this.o.apiKeys && "API key", this.o.jwt && `JWT with aud "${APP_AUDIENCE}" and sub`]
          .filter(Boolean).join(" or ")
      }>`,
    ];
    return `Send ${forms.filter(Boolean).join(", or ")}`;
  }

  /** The verified identity; throws 401 `unauthorized` saying what is wrong. */
  async authenticate(creds: PresentedCredentials): Promise<Identity> {
    if (creds.apiKey !== undefined) return await this.#byKey(creds.apiKey.trim());
    if (!creds.authorization) this.#refuse("An API key or a bearer token is required");
    const token = bearerToken(creds.authorization);
    if (!token) this.#refuse("The Authorization header must be Bearer <token>");
    const user = this.o.apiKeys && (await this.o.apiKeys.userOf(token));
    if (user !== undefined) return { user, via: "api_key" };
    if (!this.o.jwt || !looksLikeJwt(token)) this.#refuse("The credential is not a valid API key");
    const sub = (await this.o.jwt(token).catch((err) => {
      if (err instanceof TokenRefused) this.#refuse(`Unauthorized: ${err.message}`);
      throw err;
    })).sub;
    if (typeof sub !== "string" || sub.trim() === "" || sub.length > MAX_SUB_LENGTH) {
      this.#refuse(`The token's sub must be a user id of 1-${MAX_SUB_LENGTH} characters`);
    }
    return { user: sub, via: "jwt" };
  }

  async #byKey(key: string): Promise<Identity> {
    if (!this.o.apiKeys) this.#refuse("API keys are not accepted here (APP_API_KEYS is not set)");
    const user = await this.o.apiKeys.userOf(key);
    if (user === undefined) this.#refuse("The API key is not valid");
    return { user, via: "api_key" };
  }

  #refuse(message: string): never {
    throw new GatewayError("unauthorized", message, {
      hint: this.accepted,
      headers: { "WWW-Authenticate": 'Bearer realm="spotgate"' },
    });
  }
}
