/**
 * The console's game analysis in a real headless Chromium, against the demo's setup: two
 * real Stockfish spots behind the gateway, the jobs API (docs/design.md §10) end to end.
 */
import assert from "node:assert/strict";
import { type Server, startGateway, startSpot } from "../helpers/cluster.ts";
import { OPERA_GAME } from "../helpers/jobs.ts";
import { foreignUrls, launchBrowser, screenshot, watchedPage } from "./browser.ts";
import { fill } from "./page.ts";

const attr = (page: import("puppeteer-core").Page, selector: string, name: string) =>
  page.$eval(selector, (el, n) => el.getAttribute(n as string) ?? "", name);

Deno.test("console: a PGN refused with its ply, the Opera game analysed live in two phases", async (t) => {
  const spots: Server[] = [];
  let gw: Server | undefined;
  const browser = await launchBrowser();
  try {
    spots.push(await startSpot(), await startSpot());
    gw = await startGateway({ "local-1": spots[0]!, "local-2": spots[1]! });
    const base = gw.url;
    const { page, errors, refused, urls } = await watchedPage(browser.browser);
    await page.goto(`${base}/console/#game`);
    await page.waitForSelector("#pgn");

    await t.step("an illegal PGN shows the API's message with the ply and the move", async () => {
      await fill(page, "#pgn", "1. e4 e5 2. Ke3 Nc6");
      await page.click("#analyse");
      await page.waitForSelector('.notice.error[data-code="invalid_request"]', { timeout: 5_000 });
      const text = await page.$eval(".notice.error", (el) => el.textContent ?? "");
      assert.match(text, /ply 3/);
      assert.match(text, /Ke3/);
      assert.equal(await page.$("#job"), null, "no job was started");
    });

    await t.step("a dropped .pgn file fills the form", async () => {
      // In the page, as a person's drop would: a File in a DataTransfer, on the textarea.
      await page.evaluate(`(() => {
        const data = new DataTransfer();
        data.items.add(new File([${JSON.stringify(OPERA_GAME)}], "opera.pgn"));
        const drop = new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true });
        document.querySelector("#pgn").dispatchEvent(drop);
      })()`);
      await page.waitForFunction(
        `document.querySelector("#pgn").value === ${JSON.stringify(OPERA_GAME)}`,
        { timeout: 3_000 },
      );
    });

    let jobId = "";
    await t.step(
      "the Opera game: progress to 100 % through both phases, a graph point per ply",
      async () => {
        await fill(page, "#phases", "6, 10");
        await page.click("#analyse");
        await page.waitForSelector("#job", { timeout: 5_000 });
        jobId = await attr(page, "#job", "data-job");
        await page.waitForSelector('#job[data-status="completed"]', { timeout: 120_000 });
        assert.equal(await attr(page, "#job-progress", "data-percent"), "100");
        const done = await page.$$eval(
          ".phase.done",
          (els) => els.map((e) => e.getAttribute("data-phase")),
        );
        assert.deepEqual(done, ["1", "2"]);
        assert.equal(await attr(page, ".game", "data-phase"), "2", "the final phase is shown");
        assert.equal((await page.$$("#eval-graph circle.graph-point")).length, 33, "33 plies");
        assert.ok(
          (await page.$$(
            "#eval-graph circle.blunder, #eval-graph circle.mistake, #eval-graph circle.inaccuracy",
          )).length > 0,
        );
      },
    );

    await t.step("the accuracies and ACPL shown are the API's", async () => {
      const job = await (await fetch(`${base}/v1/jobs/${jobId}`)).json();
      const game = job.games[0];
      assert.equal(game.plies.length, 33);
      for (const side of ["white", "black"] as const) {
        const row = `#sides tr[data-side="${side}"]`;
        assert.equal(
          await attr(page, `${row} .accuracy`, "data-value"),
          String(game[side].accuracy),
        );
        assert.equal(await attr(page, `${row} .acpl`, "data-value"), String(game[side].acpl));
      }
      await page.keyboard.press("End");
      await page.waitForSelector('#board-caption[data-ply="33"]', { timeout: 2_000 });
      await page.keyboard.press("ArrowLeft");
      await page.keyboard.press("ArrowLeft");
      await page.waitForSelector('#board-caption[data-ply="31"]', { timeout: 2_000 });
      assert.equal(
        await attr(page, "#board", "data-best"),
        game.plies[31].best,
        "the arrow is the next ply's best",
      );
      await page.keyboard.press("Home");
      await page.waitForSelector('#board-caption[data-ply="0"]', { timeout: 2_000 });
      for (let i = 0; i < 14; i++) await page.keyboard.press("ArrowRight");
      await page.waitForSelector('#board-caption[data-ply="14"]', { timeout: 2_000 });
      await screenshot(page, "game");
    });

    assert.deepEqual(errors, [], "no console errors");
    assert.deepEqual(refused, ["400 /v1/games"], "only the illegal PGN was refused");
    assert.deepEqual(foreignUrls(urls, base), [], "no URL outside the gateway");
  } finally {
    await browser.close();
    await gw?.stop();
    for (const s of spots) await s.stop();
  }
});
