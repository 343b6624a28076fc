// Driving <khanaen-form> like a person: typing into its fields and choosing
// its radios, through the shadow root.

import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join } from "node:path";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const singleFileUrl = pathToFileURL(join(root, "dist/khanaen.html")).href;
export const example = (name) => JSON.parse(readFileSync(join(root, "examples", `${name}.json`), "utf8"));
export const snapshot = (name) => readFileSync(join(root, "examples/snapshots", name), "utf8");

export async function ready(page) {
  await page.waitForSelector("khanaen-form >> .scorebar:not(:empty)", { timeout: 20000 });
  return page.locator("khanaen-form");
}

export const indicator = (form, id) => form.locator(`article[data-indicator="${id}"]`);
export const item = (form, id) => form.locator(`article[data-item="${id}"]`);
export const field = (form, path) => form.locator(`input[data-path="${path}"]`);

/** Fills the unit details shown for this framework. */
export async function fillUnit(form, unit) {
  for (const [key, value] of Object.entries(unit)) {
    if (key === "round") await form.locator("#unit-round").selectOption(String(value));
    else if (await form.locator(`#unit-${key}`).count()) await form.locator(`#unit-${key}`).fill(String(value));
  }
}

/** Types one banded answer the way its widget takes it. */
export async function answerIndicator(form, id, answer) {
  const box = indicator(form, id);
  if (answer !== null && typeof answer === "object") {
    await box.locator("fieldset.mode label.choice").nth(1).click();
    await field(form, `/answers/${id}/numerator`).fill(String(answer.numerator));
    await field(form, `/answers/${id}/denominator`).fill(String(answer.denominator));
  } else if (await box.locator(`input[type=radio][data-path="/answers/${id}"]`).count()) {
    await box.locator(`input[type=radio][value="${answer}"]`).check();
  } else {
    await field(form, `/answers/${id}`).fill(String(answer));
  }
}

/** The form's own request, read from its last result. */
export async function currentRequest(page) {
  return page.evaluate(() => {
    const form = document.querySelector("khanaen-form");
    return JSON.parse(JSON.stringify(form.request));
  });
}

/** Collects the bytes of the download a click starts. */
export async function downloadOf(page, form, buttonId) {
  const [download] = await Promise.all([page.waitForEvent("download"), form.locator(`#${buttonId}`).click()]);
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
}
