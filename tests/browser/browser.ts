/**
 * Headless Chromium for the browser tests: Debian's `chromium` (installed by .ci/run), driven
 * by puppeteer-core; never a downloaded browser. Every page records its console errors, its
 * failed requests and every URL it asked for, so a test can assert none left the gateway.
 */
import puppeteer, { type Browser, type Page } from "puppeteer-core";

/** The system browser (CHROMIUM_PATH overrides it). */
export const CHROMIUM = Deno.env.get("CHROMIUM_PATH") ?? "/usr/bin/chromium";

/** Where the tests save their screenshots (git-ignored), for a person to look at. */
export const ARTIFACTS = new URL("./artifacts/", import.meta.url);

/** A browser with a fresh profile, closed (and its profile removed) by `close()`. */
export interface TestBrowser {
  browser: Browser;
  close: () => Promise<void>;
}

/** Launches the system Chromium headless, with no network of its own and a fresh profile. */
export async function launchBrowser(): Promise<TestBrowser> {
  const profile = await Deno.makeTempDir({ prefix: "spotgate-chromium-" });
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--user-data-dir=${profile}`,
    ],
  });
  return {
    browser,
    close: async () => {
      try {
        await browser.close();
      } finally {
        await Deno.remove(profile, { recursive: true }).catch(() => {});
      }
    },
  };
}

/** A page and what it did: console errors, failed requests, every requested URL. */
export interface WatchedPage {
  page: Page;
  errors: string[];
  /**
   * Chromium's own line for every answer of status ≥ 400 (`401 /admin/…`), kept apart from
   * `errors`: a test refuses things on purpose and checks that exactly those were refused.
   */
  refused: string[];
  urls: string[];
}

const REFUSED = /^Failed to load resource: the server responded with a status of (\d+)/;

/** Opens a page that records its console errors, page errors, failed requests and URLs. */
export async function watchedPage(browser: Browser): Promise<WatchedPage> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  const errors: string[] = [];
  const refused: string[] = [];
  const urls: string[] = [];
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    const status = REFUSED.exec(m.text())?.[1];
    if (status) refused.push(`${status} ${new URL(m.location().url ?? "", "http://x").pathname}`);
    else errors.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`page: ${e instanceof Error ? e.message : String(e)}`));
  page.on("request", (r) => urls.push(r.url()));
  page.on("requestfailed", (r) => {
    // A stream the page closes itself (a view left, a finished job) is aborted, not failed.
    if (r.failure()?.errorText !== "net::ERR_ABORTED") errors.push(`request failed: ${r.url()}`);
  });
  return { page, errors, refused, urls };
}

/** Saves a screenshot of the page under ARTIFACTS as `name`.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await Deno.mkdir(ARTIFACTS, { recursive: true });
  const path = new URL(`${name}.png`, ARTIFACTS).pathname;
  await page.screenshot({ path: path as `${string}.png`, fullPage: true });
  return path;
}

/** The URLs a page asked for that are not on `origin` (data: URIs are the page's own). */
export function foreignUrls(urls: string[], origin: string): string[] {
  return urls.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith("data:"));
}
