/**
 * The console's fleet and position views in a real headless Chromium, against the demo's
 * setup: two real Stockfish spots behind the gateway, all processes on loopback.
 */
import assert from "node:assert/strict";
import { ADMIN_AUDIENCE } from "../../src/auth/jwt.ts";
import { mintToken } from "../../src/auth/mint.ts";
import { type Server, startGateway, startSpot } from "../helpers/cluster.ts";
import { foreignUrls, launchBrowser, screenshot, watchedPage } from "./browser.ts";
import { fill, rowOf, waitFor } from "./page.ts";

const SECRET = "console-browser-test-secret-0123456789";

Deno.test("console: the fleet view live, admin actions with a pasted token, a position analysed live", async (t) => {
  const spots: Server[] = [];
  let gw: Server | undefined;
  const browser = await launchBrowser();
  try {
    spots.push(await startSpot(), await startSpot());
    gw = await startGateway({ "local-1": spots[0]!, "local-2": spots[1]! }, {
      ADMIN_JWT_SECRET: SECRET,
    });
    const base = gw.url;
    const { page, errors, refused, urls } = await watchedPage(browser.browser);
    await page.goto(`${base}/`);
    assert.equal(new URL(page.url()).pathname, "/console/", "/ redirects to the console");

    await t.step("both spots healthy", async () => {
      for (const id of ["local-1", "local-2"]) {
        await waitFor(page, 15_000, async () => (await rowOf(page, id))?.status === "healthy");
      }
      await screenshot(page, "fleet");
    });

    await t.step("disable and enable a spot with a minted admin token", async () => {
      const token = await mintToken({
        secret: SECRET,
        audience: ADMIN_AUDIENCE,
        subject: "admin",
        claims: { role: "admin" },
        ttlS: 600,
      });
      assert.equal(
        await page.$('tr[data-spot="local-2"] button'),
        null,
        "no actions before a token",
      );
      await page.type("#admin-token", token);
      await page.click('tr[data-spot="local-2"] button[data-action="disable"]');
      await waitFor(
        page,
        3_000,
        async () => (await rowOf(page, "local-2"))?.enabled === "disabled by admin",
      );
      await screenshot(page, "fleet-disabled");
      await page.click('tr[data-spot="local-2"] button[data-action="enable"]');
      await waitFor(page, 3_000, async () => (await rowOf(page, "local-2"))?.enabled === "yes");
      await page.click('tr[data-spot="local-1"] button[data-action="healthcheck"]');
      assert.equal(await page.$(".notice.error"), null, "the actions were accepted");
    });

    await t.step("a refused admin token shows the API's message", async () => {
      await fill(page, "#admin-token", "not-a-jwt");
      await page.click('tr[data-spot="local-1"] button[data-action="disable"]');
      await page.waitForSelector('.notice.error[data-code="unauthorized"]', { timeout: 3_000 });
      assert.equal((await rowOf(page, "local-1"))?.enabled, "yes", "nothing changed");
    });

    await t.step("a position analysed live through /analyze/stream", async () => {
      await page.goto(`${base}/console/#position`);
      await fill(page, "#depth", "12");
      await page.click("#analyse-fen");
      await page.waitForSelector("#bestmove", { timeout: 30_000 });
      const rows = await page.$$eval(
        "#lines tr[data-multipv]",
        (trs) => trs.map((tr) => Number(tr.getAttribute("data-depth"))),
      );
      assert.deepEqual(rows, [12, 12, 12], "three lines, each at the final depth");
      assert.ok(await page.$("#board cg-board piece"), "the board shows the position");
      await screenshot(page, "position");
    });

    assert.deepEqual(errors, [], "no console errors");
    assert.deepEqual(
      refused,
      ["401 /admin/engine/spots/local-1/disable"],
      "only the bad token refused",
    );
    assert.deepEqual(foreignUrls(urls, base), [], "no URL outside the gateway");
  } finally {
    await browser.close();
    await gw?.stop();
    for (const s of spots) await s.stop();
  }
});
