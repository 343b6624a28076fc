// <khanaen-progress>: the district's progress report on the ศอช. (seed 001,
// แบบประเมินผลความก้าวหน้า) as a form: counts for items (1)–(6), problems and
// suggestions, the reporter; item (5) can be filled from the district's
// assessments kept in this browser. Downloads as JSON and CSV, prints on A4,
// and a province adds many districts' reports up. The core reads every count.

import { h, fill, say, fileSafe, saveText, shadowWith, fileInput, downloadButton, pointer, FILE_TYPES } from "../form/dom.js";
import { WORDS } from "../form/i18n.js";
import { Drafts, isObject, setAside, keptAside, setAsideAt } from "../form/drafts.js";

const PROGRESS_KEY = "khanaen.progress.v1";
const PROGRESS_FORM = "sorsochot-progress";

const PROGRESS_WORDS = {
  th: {
    heading: "แบบประเมินผลความก้าวหน้าในการดำเนินงานศูนย์ประสานงานองค์การชุมชน (ศอช.)",
    province: "จังหวัด", district: "อำเภอ", fiscalYear: "ปีงบประมาณ (พ.ศ.)",
    results: "๑. ผลการดำเนินงาน", problems: "๒. ปัญหาและอุปสรรคในการดำเนินงาน",
    suggestions: "๓. ข้อเสนอแนะเพื่อพัฒนาและปรับปรุงงาน ศอช.", reporter: "ผู้รายงาน", position: "ตำแหน่ง",
    fromAssessments: "เติมข้อ (๕) จากแบบประเมินในเบราว์เซอร์นี้",
    filled: (n, d) => `พบแบบประเมิน ศอช.ต. ที่ครบถ้วนของอำเภอ${d} ${n} ตำบล`,
    needDistrict: "กรอกชื่ออำเภอก่อน",
    complete: "กรอกครบทุกช่อง", missing: (n) => `ยังไม่ได้กรอก ${n} ช่อง`, wrong: (n) => `มีข้อผิดพลาด ${n} ช่อง (ดูข้อความใต้ช่อง)`,
    replace5: (typed, n) => `ข้อ (๕) กรอกไว้ ${typed} ตำบล แทนด้วย ${n} ตำบล จากแบบประเมินในเบราว์เซอร์นี้หรือไม่?`,
    replaced: (name) => `${name}: เปิดซ้ำ ใช้ฉบับที่เปิดล่าสุดแทนฉบับเดิม`,
    mixedYears: (years) => `รายงานต่างปีงบประมาณ (${years}) รวมกันอยู่: โปรดตรวจสอบ`,
    clearReports: "ล้างรายงานที่เปิด",
    downloadJson: "ดาวน์โหลด JSON", downloadCsv: "ดาวน์โหลด CSV", print: "พิมพ์", clear: "เริ่มใหม่",
    confirmClear: "ล้างแบบรายงานนี้หรือไม่? (ดาวน์โหลดเก็บไว้ก่อน)",
    keptAside: (n) => `เก็บแยกไว้ ${n} รายการ: แบบรายงานที่บันทึกไว้แต่เปิดไม่ได้ ไม่ได้ลบและจะไม่ถูกบันทึกทับ ดาวน์โหลดเก็บไว้ได้`,
    notKept: "แบบรายงานที่บันทึกไว้เปิดไม่ได้ และที่เก็บข้อมูลของเบราว์เซอร์เต็มจนเก็บแยกไม่ได้: จึงคงไว้ตามเดิม และสิ่งที่กรอกตอนนี้จะไม่ถูกบันทึก โปรดดาวน์โหลดแบบรายงานเก็บไว้",
    asideReport: (when) => `แบบรายงานที่อ่านไม่ได้ (${when})`, storedNow: "ที่บันทึกไว้ตอนนี้",
    download: "ดาวน์โหลด", discard: "ลบทิ้ง", confirmDiscard: "ลบข้อมูลที่เก็บแยกไว้นี้หรือไม่? (ดาวน์โหลดเก็บไว้ก่อนแล้วหรือยัง)",
    provinceHeading: "รวมรายงานของอำเภอ (สำหรับจังหวัด)", openReports: "เปิดไฟล์รายงานของอำเภอ (JSON หลายไฟล์)",
    added: (n) => `รวม ${n} อำเภอ`, incomplete: (list) => `กรอกไม่ครบ: ${list}`, notReport: (name) => `${name}: ไม่ใช่ไฟล์แบบรายงานความก้าวหน้า`,
    downloadSum: "ดาวน์โหลดผลรวม CSV", total: "รวม", row: "รายการ", count: "จำนวน",
    sign: "ผู้รายงาน (ลงชื่อ) ........................................", language: "English",
  },
  en: {
    heading: "Progress report on the community organisation coordination centres (ศอช.)",
    province: "Province", district: "District", fiscalYear: "Fiscal year (Buddhist era)",
    results: "1. Results", problems: "2. Problems and obstacles",
    suggestions: "3. Suggestions to develop the ศอช.", reporter: "Reporter", position: "Position",
    fromAssessments: "Fill item (5) from the assessments in this browser",
    filled: (n, d) => `${n} complete ศอช.ต. assessments found for ${d} district`,
    needDistrict: "Type the district first",
    complete: "Every count is filled in", missing: (n) => `${n} counts not filled in yet`, wrong: (n) => `${n} counts have errors (see below each)`,
    replace5: (typed, n) => `Item (5) says ${typed} tambons. Replace it with ${n} from the assessments in this browser?`,
    replaced: (name) => `${name}: opened again; the latest file replaces the earlier one`,
    mixedYears: (years) => `Reports of different fiscal years (${years}) are added together: please check`,
    clearReports: "Clear the reports opened",
    downloadJson: "Download JSON", downloadCsv: "Download CSV", print: "Print", clear: "Start again",
    confirmClear: "Clear this report? (Download it first.)",
    keptAside: (n) => `Kept aside (${n}): a stored report that could not be opened. It is not deleted and nothing is written over it; download it to keep it.`,
    notKept: "The stored report could not be opened, and the browser's storage is too full to keep it aside: it is left as it was, and what you type now is not kept. Download your report.",
    asideReport: (when) => `Unreadable report (${when})`, storedNow: "stored now",
    download: "Download", discard: "Discard", confirmDiscard: "Discard this data kept aside? (Have you downloaded it?)",
    provinceHeading: "The districts' reports together (for the province)", openReports: "Open the districts' reports (many JSON files)",
    added: (n) => `${n} districts added`, incomplete: (list) => `Not complete: ${list}`, notReport: (name) => `${name}: not a progress report file`,
    downloadSum: "Download the sums as CSV", total: "Total", row: "Row", count: "Count",
    sign: "Reporter (signed) ........................................", language: "ภาษาไทย",
  },
};

const blankProgress = () => ({ form: PROGRESS_FORM, unit: {}, counts: {} });

const PROGRESS_ASIDE = `${PROGRESS_KEY}.aside.`;

/** Whether stored data has a report's shape: anything else would be reshaped, and lost, on the first keystroke. */
function isProgress(value) {
  const objectOrAbsent = (v) => v === undefined || v === null || isObject(v);
  const textOrAbsent = (v) => v === undefined || v === null || typeof v === "string";
  return isObject(value) && value.form === PROGRESS_FORM && objectOrAbsent(value.unit) && objectOrAbsent(value.counts)
    && ["problems", "suggestions", "reporter", "position"].every((k) => textOrAbsent(value[k]));
}

/**
 * The stored report, or a blank one. Stored text that is not a report is
 * copied aside; when storage refuses the copy, the text stays where it is
 * and `keep` is false: nothing typed may be saved over it.
 */
function storedProgress(storage) {
  try {
    const text = storage?.getItem(PROGRESS_KEY);
    if (!text) return { request: blankProgress(), keep: true };
    try {
      const value = JSON.parse(text);
      if (isProgress(value)) return { request: { ...blankProgress(), ...value }, keep: true };
    } catch {
      /* set aside below */
    }
    return { request: blankProgress(), keep: setAside(storage, text, PROGRESS_ASIDE) };
  } catch {
    /* no storage at all: start blank */
    return { request: blankProgress(), keep: true };
  }
}

export function defineKhanaenProgress(loadCore, styles, tag = "khanaen-progress") {
  if (customElements.get(tag)) return;

  class KhanaenProgress extends HTMLElement {
    static get observedAttributes() {
      return ["lang", "hidden"];
    }

    constructor() {
      super();
      shadowWith(this, styles);
      /** The districts' reports opened: each request, and the report the core read from it. */
      this.districtReports = [];
    }

    get lang() {
      return this.getAttribute("lang") === "en" ? "en" : "th";
    }

    get w() {
      return PROGRESS_WORDS[this.lang];
    }

    async attributeChangedCallback() {
      if (this.hidden) return;
      this.core ??= await loadCore();
      try {
        this.storage = window.localStorage;
      } catch {
        this.storage = null;
      }
      if (!this.request) ({ request: this.request, keep: this.keepStored } = storedProgress(this.storage));
      this.render();
    }

    connectedCallback() {
      if (!this.hidden) this.attributeChangedCallback();
    }

    set(path, value) {
      let node = this.request;
      for (const key of path.slice(0, -1)) node = isObject(node[key]) ? node[key] : (node[key] = {});
      const last = path[path.length - 1];
      if (typeof value === "string" && value.trim() === "") delete node[last];
      else node[last] = value;
      this.update();
      if (!this.keepStored) return;
      try {
        this.storage?.setItem(PROGRESS_KEY, JSON.stringify(this.request));
      } catch {
        /* full: the download keeps the report */
      }
    }

    /** Stored reports that could not be opened: said, downloadable, discarded only when asked. */
    asideNotice() {
      const { w } = this;
      const kept = keptAside(this.storage, PROGRESS_ASIDE);
      if (!this.keepStored) {
        let text = "";
        try {
          text = this.storage.getItem(PROGRESS_KEY) ?? "";
        } catch {
          /* gone since: nothing to offer */
        }
        kept.unshift({ key: PROGRESS_KEY, text });
      }
      if (!kept.length) return null;
      return h("div", { class: "kept-aside no-print", id: "progress-aside" },
        h("p", {}, this.keepStored ? w.keptAside(kept.length) : w.notKept),
        h("ul", {}, kept.map((item, i) => h("li", {},
          w.asideReport(setAsideAt(item.key, PROGRESS_ASIDE, this.lang) ?? w.storedNow), " ",
          h("button", { type: "button", class: "secondary", id: `progress-aside-${i}`,
            onclick: () => saveText(this.shadowRoot, `รายงานความก้าวหน้าที่เก็บแยกไว้_${i + 1}.txt`, item.text, "text/plain") }, w.download),
          item.key === PROGRESS_KEY ? null : h("button", { type: "button", class: "secondary", onclick: () => {
            if (!window.confirm(w.confirmDiscard)) return;
            this.storage?.removeItem(item.key);
            this.render();
          } }, w.discard)))));
    }

    input(path, label, id, options = {}) {
      let value = this.request;
      for (const key of path) value = isObject(value) ? value[key] : undefined;
      const field = h(options.area ? "textarea" : "input", {
        id, type: options.area ? undefined : "text", rows: options.area ? 4 : undefined, inputmode: options.inputmode,
        "data-path": pointer(path), "aria-describedby": `${id}-error`,
        value: typeof value === "string" || typeof value === "number" ? String(value) : "",
        oninput: (e) => this.set(path, e.target.value),
      });
      const error = h("p", { class: "error", id: `${id}-error`, "data-error-for": pointer(path) });
      return h("div", { class: `field ${options.className || ""}` }, h("label", { for: id }, label), field, error);
    }

    render() {
      const { w } = this;
      const report = this.core.progressReport(this.request);
      this.status = h("p", { class: "status", role: "status" });
      this.note = h("p", { class: "notice", id: "fill-5-note", "aria-live": "polite" });
      this.printed = h("section", { class: "print-only progress-print", "aria-hidden": "true" });
      // Item (5) can be counted from the district's assessments kept in this browser.
      const fill5 = h("div", { class: "row" },
        h("button", { type: "button", class: "secondary", id: "fill-item-5", onclick: () => this.fillFromAssessments() }, w.fromAssessments),
        this.note);
      const items = report.items.map((item) => h("fieldset", { class: "progress-item" },
        h("legend", {}, `(${item.item}) ${item.title[this.lang]}`),
        h("div", { class: "grid" }, item.rows.map((row) =>
          this.input(["counts", row.id], row.label[this.lang], `count-${row.id.replace(/\./g, "-")}`, { inputmode: "numeric" }))),
        item.item === 5 ? fill5 : null));
      fill(this.shadowRoot, h("div", { class: "root", lang: this.lang },
        h("div", { class: "toolbar no-print" },
          h("h2", {}, w.heading),
          h("div", { class: "row" },
            this.downloadButton("json", w.downloadJson),
            this.downloadButton("csv", w.downloadCsv),
            h("button", { type: "button", class: "secondary", onclick: () => window.print() }, w.print),
            h("button", { type: "button", class: "secondary", id: "progress-clear", onclick: () => this.clear() }, w.clear),
            h("button", { type: "button", class: "secondary", onclick: () => this.setAttribute("lang", this.lang === "th" ? "en" : "th") }, w.language))),
        this.asideNotice(),
        h("div", { class: "no-print progress-body" },
          h("fieldset", { class: "unit" }, h("div", { class: "grid" },
            this.input(["unit", "province"], w.province, "progress-province"),
            this.input(["unit", "district"], w.district, "progress-district"),
            this.input(["unit", "fiscal_year"], w.fiscalYear, "progress-fiscal-year", { inputmode: "numeric" }))),
          h("h3", {}, w.results), items,
          this.input(["problems"], w.problems, "progress-problems", { area: true }),
          this.input(["suggestions"], w.suggestions, "progress-suggestions", { area: true }),
          h("div", { class: "grid" },
            this.input(["reporter"], w.reporter, "progress-reporter"),
            this.input(["position"], w.position, "progress-position")),
          this.status,
          this.provinceSection()),
        this.printed));
      this.update(report);
    }

    /** Shows the report as read (again, by default): errors beside their fields, the status, the print. */
    update(report = this.core.progressReport(this.request)) {
      for (const slot of this.shadowRoot.querySelectorAll("[data-error-for]")) fill(slot);
      for (const error of report.errors) {
        const slot = this.shadowRoot.querySelector(`[data-error-for="${CSS.escape(error.path)}"]`);
        if (slot) fill(slot, error.message[this.lang]);
      }
      const wrong = report.errors.length;
      const blanks = report.items.flatMap((i) => i.rows).filter((r) => r.count === null).length - report.errors.filter((e) => e.path.startsWith("/counts/")).length;
      fill(this.status, report.complete ? this.w.complete
        : [blanks > 0 ? this.w.missing(blanks) : null, wrong ? this.w.wrong(wrong) : null].filter(Boolean).join(" · "));
      fill(this.printed, this.printView(report));
      this.report = report;
    }

    /** Item (5): the complete ศอช.ต. assessments of this district (and fiscal year) kept in this browser. */
    fillFromAssessments() {
      const { w } = this;
      const district = String(this.request.unit?.district ?? "").trim();
      if (!district) return say(this.note, w.needDistrict);
      const bare = (s) => String(s ?? "").replace(/^(อำเภอ|อ\.)\s*/, "").trim();
      // The fiscal year as the core read it (Thai digits and all); none: any year.
      const year = this.report.fiscal_year;
      const tambons = new Set();
      for (const draft of Object.values(new Drafts(this.storage).all())) {
        let result;
        try {
          result = this.core.score(draft.request);
        } catch {
          continue;
        }
        const u = result.unit;
        if (result.framework.id !== "sorsochot-23" || !result.complete || bare(u.district) !== bare(district)) continue;
        if (year !== null && u.fiscal_year !== year) continue;
        tambons.add(u.tambon.replace(/^(ตำบล|ต\.)\s*/, "").trim());
      }
      const typed = String(this.request.counts?.["5.tambon"] ?? "").trim();
      if (typed && typed !== String(tambons.size) && !window.confirm(w.replace5(typed, tambons.size))) return null;
      this.shadowRoot.getElementById("count-5-tambon").value = String(tambons.size);
      this.set(["counts", "5.tambon"], String(tambons.size));
      say(this.note, w.filled(tambons.size, bare(district)));
    }

    fileName(ext) {
      const { district, fiscal_year: year } = this.report;
      return `${fileSafe(["ความก้าวหน้า_ศอช", district, year && `ปีงบ${year}`].filter(Boolean).join("_"))}.${ext}`;
    }

    /** The report as a file of `kind` ("json" or "csv"): { name, text, type }. */
    file(kind) {
      const text = kind === "json" ? `${JSON.stringify(this.request, null, 2)}\n` : this.core.progressCsv(this.request, this.lang);
      return { name: this.fileName(kind), text, type: FILE_TYPES[kind] };
    }

    /** The download button of `kind`, and "Share…" beside it where files can be shared. */
    downloadButton(kind, label) {
      const words = WORDS[this.lang];
      return downloadButton(this.shadowRoot, {
        id: `progress-${kind}`, label, type: FILE_TYPES[kind], words: [words.share, words.shareRefused], file: () => this.file(kind),
      });
    }

    clear() {
      if (!window.confirm(this.w.confirmClear)) return;
      this.request = blankProgress();
      try {
        // An unreadable report that could not be set aside stays where it is.
        if (this.keepStored) this.storage?.removeItem(PROGRESS_KEY);
      } catch {
        /* nothing kept */
      }
      this.render();
    }

    /** The province's part: many districts' report files, added up by the core. */
    provinceSection() {
      const { w } = this;
      const input = fileInput({ id: "progress-files", multiple: true, accept: ".json,application/json" }, async (files) => {
          const notes = [];
          for (const file of files) {
            try {
              const value = JSON.parse(this.core.decodeFile(new Uint8Array(await file.arrayBuffer())).text);
              if (!isObject(value) || value.form !== PROGRESS_FORM) throw new Error("not a report");
              const opened = { request: value, report: this.core.progressReport(value) };
              // The same district and year opened again replaces its earlier report, never adds twice.
              const key = ({ report: r }) => [r.province, r.district, r.fiscal_year].join("|");
              const at = this.districtReports.findIndex((d) => key(d) === key(opened));
              if (at >= 0) {
                this.districtReports[at] = opened;
                notes.push(w.replaced(file.name));
              } else this.districtReports.push(opened);
            } catch {
              notes.push(w.notReport(file.name));
            }
          }
          this.render();
          fill(this.shadowRoot.getElementById("progress-sum-notes"), notes.map((n) => h("li", { class: "notice" }, n)));
      });
      const requests = this.districtReports.map((d) => d.request);
      const sum = requests.length ? this.core.progressSum(requests) : null;
      // Years as reported, "–" for none: more than one is for the province to check.
      const years = [...new Set(this.districtReports.map((d) => d.report.fiscal_year ?? "–"))];
      return h("section", { class: "panel progress-sum" },
        h("h3", {}, w.provinceHeading),
        h("div", { class: "row" }, h("label", { for: "progress-files", class: "button secondary" }, w.openReports, input),
          sum ? h("button", { type: "button", class: "secondary", id: "progress-sum-csv",
            onclick: () => saveText(this.shadowRoot, "ความก้าวหน้า_ศอช_รวมจังหวัด.csv", this.core.progressSumCsv(requests, this.lang), "text/csv;charset=utf-8") },
          w.downloadSum) : null,
          sum ? h("button", { type: "button", class: "secondary", id: "progress-sum-clear", onclick: () => { this.districtReports = []; this.render(); } }, w.clearReports) : null),
        h("ul", { id: "progress-sum-notes" }),
        sum ? [
          h("p", {}, `${w.added(sum.districts.length)}: ${sum.districts.join(", ")}`),
          sum.incomplete.length ? h("p", { class: "notice" }, w.incomplete(sum.incomplete.join(", "))) : null,
          years.length > 1 ? h("p", { class: "notice" }, w.mixedYears(years.join(", "))) : null,
          this.countTable(sum.items, "progress-sum-table"),
        ] : null);
    }

    countTable(items, cls) {
      const { w } = this;
      return h("table", { class: cls },
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, w.row), h("th", { scope: "col", class: "num" }, w.count))),
        h("tbody", {}, items.flatMap((item) => [
          h("tr", { class: "item-head" }, h("th", { scope: "rowgroup", colspan: 2 }, `(${item.item}) ${item.title[this.lang]}`)),
          ...item.rows.map((row) => h("tr", { "data-row": row.id }, h("td", {}, row.label[this.lang]), h("td", { class: "num" }, row.count ?? "")))])));
    }

    /** On A4, as the seed's form: the district, the counts, the free text, the signature. */
    printView(report) {
      const { w } = this;
      const dots = "........................................";
      return [
        h("h2", {}, PROGRESS_WORDS.th.heading),
        h("p", {}, `${w.district} ${report.district.replace(/^(อำเภอ|อ\.)\s*/, "") || dots} ${w.province} ${report.province.replace(/^(จังหวัด|จ\.)\s*/, "") || dots}${report.fiscal_year ? ` · ${w.fiscalYear} ${report.fiscal_year}` : ""}`),
        h("h3", {}, w.results),
        this.countTable(report.items, "progress-print-table"),
        h("h3", {}, w.problems), h("p", { class: "free-text" }, report.problems || dots),
        h("h3", {}, w.suggestions), h("p", { class: "free-text" }, report.suggestions || dots),
        h("div", { class: "signature" }, h("p", {}, w.sign), h("p", {}, `( ${report.reporter || dots} )`), h("p", {}, `${w.position} ${report.position || dots}`)),
      ];
    }
  }

  customElements.define(tag, KhanaenProgress);
}
