import type { AppExtras } from "../app.ts";
import type { Gateway } from "./gateway.ts";

/** Optional parts built from the environment, and how to close them at shutdown. */
export interface Extras extends AppExtras {
  close?: () => Promise<void>;
}

/** Builds the optional parts (limiter, admin API) the environment asks for. */
export function extrasFor(_gw: Gateway): Promise<Extras> {
  return Promise.resolve({});
}
