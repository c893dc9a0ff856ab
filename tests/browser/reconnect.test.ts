/**
 * A lost event stream in a real headless Chromium: the fleet view says so, reconnects with
 * `Last-Event-ID`, and says it is back, when the gateway comes back on the same address.
 */
import assert from "node:assert/strict";
import { serve, type Server, startFaultSpot } from "../helpers/cluster.ts";
import { freePort } from "../helpers/procs.ts";
import { GATEWAY_DENO_FLAGS } from "../../src/gateway/deno-flags.ts";
import { launchBrowser, screenshot, watchedPage } from "./browser.ts";

const gatewayAt = (port: number, spot: Server) =>
  serve(
    "src/main.ts",
    [],
    {
      PORT: String(port),
      LISTEN_HOST: "127.0.0.1",
      ENGINE_SPOTS: JSON.stringify([{ id: "s-1", url: spot.url }]),
      SPOT_HEALTH_CHECK_INTERVAL: "1",
      SPOTS_FILE: "/nonexistent/spots.json",
    },
    port,
    GATEWAY_DENO_FLAGS,
  );

Deno.test("console: a lost status stream reconnects with Last-Event-ID and says so", async () => {
  let spot: Server | undefined, gw: Server | undefined;
  const browser = await launchBrowser();
  try {
    spot = await startFaultSpot();
    const port = freePort();
    gw = await gatewayAt(port, spot);
    const { page, errors } = await watchedPage(browser.browser);
    const lastIds: (string | undefined)[] = [];
    page.on("request", (r) => {
      if (r.url().endsWith("/healthz/events")) lastIds.push(r.headers()["last-event-id"]);
    });
    await page.goto(`${gw.url}/console/#fleet`);
    await page.waitForSelector('tr[data-spot="s-1"]');
    await gw.stop();
    await page.waitForSelector('.notice[data-stream="reconnecting"]', { timeout: 10_000 });
    const lost = await page.$eval(".notice", (el) => el.textContent ?? "");
    assert.match(lost, /Connection lost .*reconnecting in \d+ s, resuming after event \d+/);
    await screenshot(page, "fleet-reconnecting");
    gw = await gatewayAt(port, spot);
    await page.waitForSelector('.notice[data-stream="open"]', { timeout: 20_000 });
    const back = await page.$eval(".notice", (el) => el.textContent ?? "");
    assert.match(back, /^Reconnected: resumed after event \d+$/);
    assert.equal(lastIds[0], undefined, "the first connection has no Last-Event-ID");
    const resumed = lastIds.filter((id) => id !== undefined);
    assert.ok(resumed.length > 0, "a reconnect sent Last-Event-ID");
    assert.equal(back, `Reconnected: resumed after event ${resumed.at(-1)}`);
    await page.waitForSelector('tr[data-spot="s-1"]');
    // While the gateway was away, the browser logged its refused connections: only those.
    assert.deepEqual(errors.filter((e) => !/ERR_CONNECTION_REFUSED|\/healthz\/events/.test(e)), []);
  } finally {
    await browser.close();
    await gw?.stop();
    await spot?.stop();
  }
});
