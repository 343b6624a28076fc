// Shared Chromium launcher for the browser tests: Debian's chromium, driven
// by playwright-core, with the flags this machine's closed network needs.

import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** A browser with a profile of its own on disk (not incognito): what installing an app needs. */
export function launchProfile(dir, options = {}) {
  return chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: ARGS, ...options });
}

/** Opens a page that aborts and counts every http(s) request it makes. */
export async function offlinePage(browser, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  const network = [];
  await context.route(/^https?:/, (route) => {
    network.push(route.request().url());
    return route.abort();
  });
  return { context, page, network };
}
