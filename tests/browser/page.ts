/** Reading the console's page in the browser tests. */
import type { Page } from "puppeteer-core";

/** One spot's row of the fleet table as the page shows it, or undefined when it has none. */
export async function rowOf(
  page: Page,
  id: string,
): Promise<{ status: string; enabled: string } | undefined> {
  return await page.$eval(`tr[data-spot="${id}"]`, (tr) => ({
    status: tr.getAttribute("data-status") ?? "",
    enabled: tr.getAttribute("data-enabled") ?? "",
  })).catch(() => undefined);
}

/** Polls `check` every 100 ms until it holds; throws after `timeoutMs` (bounded). */
export async function waitFor(
  page: Page,
  timeoutMs: number,
  check: () => Promise<boolean>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not within ${timeoutMs} ms (page at ${page.url()})`);
}

/** Replaces an input's text by typing `value` into it (so the page sees its input events). */
export async function fill(page: Page, selector: string, value: string): Promise<void> {
  await page.$eval(selector, (el) => {
    (el as unknown as { value: string }).value = "";
  });
  await page.type(selector, value);
}
