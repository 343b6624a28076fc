// The page's own formatting of dates and counts (no Intl: its first call
// loads locale data in the middle of a first frame or an import), against
// what Intl gives for the same values.
import { test } from "node:test";
import assert from "node:assert/strict";
import { shownDate } from "../www/form/i18n.js";
import { SUMMARY_WORDS, count } from "../www/summary/words.js";
import { newestFirst } from "../www/form/drafts.js";

test("a Buddhist-era date as people read it, as Intl writes it", () => {
  const intl = (iso, lang) => {
    const [y, m, d] = iso.split("-").map(Number);
    return new Intl.DateTimeFormat(lang === "th" ? "th-TH-u-ca-buddhist" : "en-GB-u-ca-buddhist",
      { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })
      .format(new Date(Date.UTC(y - 543, m - 1, d))).replace("Sept", "Sep");
  };
  for (let month = 1; month <= 12; month += 1) {
    for (const day of [1, 9, 28]) {
      const iso = `2567-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      for (const lang of ["th", "en"]) assert.equal(shownDate(iso, lang), intl(iso, lang), `${iso} ${lang}`);
    }
  }
  assert.equal(shownDate("2566-11-20", "th"), "20 พ.ย. 2566");
  assert.equal(shownDate("2566-11-20", "en"), "20 Nov 2566 BE");
  // 2567 BE is 2024 CE, a leap year; 2566 BE is not.
  assert.equal(shownDate("2567-02-29", "th"), "29 ก.พ. 2567");
  assert.equal(shownDate("2567-12-31", "th"), "31 ธ.ค. 2567");
});

test("a date that no calendar has is shown as written, not rolled into another", () => {
  for (const iso of ["2566-02-29", "2567-04-31", "2567-13-01", "2567-00-10", "2567-01-00"]) {
    assert.equal(shownDate(iso, "th"), iso);
    assert.equal(shownDate(iso, "en"), iso);
  }
  assert.equal(shownDate("", "th"), "");
  assert.equal(shownDate(undefined, "th"), "");
  assert.equal(shownDate("20/11/2566", "th"), "20/11/2566");
  // Not text at all (a stored draft is untrusted): nothing shown.
  for (const odd of [20231120, {}, null, ["2567-01-01"]]) assert.equal(shownDate(odd, "th"), "");
  // Leap years by the Gregorian rule: 2143 BE is 1600 CE (leap), 2243 BE 1700 CE (not).
  assert.equal(shownDate("2143-02-29", "en"), "29 Feb 2143 BE");
  assert.equal(shownDate("2243-02-29", "en"), "2243-02-29");
});

test("drafts newest first; one without a time last", () => {
  const drafts = [
    { id: "old", savedAt: "2026-11-01T08:00:00.000Z" },
    { id: "none" },
    { id: "new", savedAt: "2026-11-20T08:00:00.000Z" },
    { id: "odd", savedAt: 5 },
    { id: "mid", savedAt: "2026-11-10T08:00:00.000Z" },
  ];
  assert.deepEqual(drafts.sort(newestFirst).map((d) => d.id).slice(0, 3), ["new", "mid", "old"]);
  assert.equal(newestFirst(null, { savedAt: "2026-11-01T08:00:00.000Z" }), 1);
});

test("counts grouped by thousands, as toLocaleString writes them", () => {
  for (const n of [0, 7, 999, 1000, 10000, 123456, 1234567]) {
    assert.equal(count(n), n.toLocaleString("en"));
    assert.equal(SUMMARY_WORDS.th.reading(n, n), `กำลังคำนวณ ${n.toLocaleString("th-TH")} จาก ${n.toLocaleString("th-TH")} แบบประเมิน…`);
    assert.equal(SUMMARY_WORDS.en.loaded(n, n, n), `${n.toLocaleString("en")} files opened · ${n.toLocaleString("en")} assessments · ${n.toLocaleString("en")} could not be read`);
  }
});
