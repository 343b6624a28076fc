// <khanaen-summary>: the reporting chain's view. Many files (the JSON and CSV
// the form downloads, stacked or not, and the one-row-per-unit sheet) and
// this browser's drafts are brought into one collection held by the core;
// it shows what could not be read, duplicates side by side for the user to
// choose, the level counts by district (attachment 3) for the round chosen,
// the units, the spread per indicator, round against round, and a KPI
// rolled up from municipality reports; it prints the summary on A4 and
// downloads it as CSV or JSON, and the collection as the sheet.
//
// Attributes: lang ("th" default, or "en"); while `hidden`, nothing is built.
// Events (bubbling, composed): "khanaen-summary" with { summary } once the
// view shows a change (the summary is made when read); "khanaen-download"
// with { kind, fileName } after a download.

import { h, fill, fileSafe, shadowWith, fileInput, downloadButton, FILE_TYPES } from "../form/dom.js";
import { Drafts, draftTitle } from "../form/drafts.js";
import { Rubrics } from "../form/rubrics.js";
import { SUMMARY_WORDS, count } from "./words.js";
import { WORDS, shownDate } from "../form/i18n.js";
import { levelTable, unitTable, spreadTables, comparisonTables, rollUpTables } from "./tables.js";

const UNIT_PAGE = 200;
// The framework whose unit reports roll up into one KPI.
const ROLL_UP = "kpi-3.2";
// Scoring runs in slices of about this many milliseconds, so the tab keeps
// painting its progress and answering input.
const SLICE_MS = 50;
// Rows of the level table built with the first frame of a new summary;
// the rest follow a frame later (a screen holds about thirty).
const FIRST_LEVEL_ROWS = 40;
// Runs `step` once the next frame has been painted.
const afterFrame = (step) => requestAnimationFrame(() => setTimeout(step, 0));

export function defineKhanaenSummary(loadCore, styles, tag = "khanaen-summary") {
  if (customElements.get(tag)) return;

  class KhanaenSummary extends HTMLElement {
    // Built only while shown: a hidden view adds nothing to the page's start,
    // and each time it is shown it reads the drafts afresh.
    static get observedAttributes() {
      return ["lang", "hidden"];
    }

    constructor() {
      super();
      shadowWith(this, styles);
      this.files = 0;
      this.addedDrafts = new Set();
      // Entries the user set aside, and where each came from, to offer counting them again.
      this.userExcluded = new Map();
      this.roundIndex = 0;
      // No key: the core's order, province, district and place.
      this.sort = { key: null, descending: false };
      this.unitLimit = UNIT_PAGE;
      this.denominator = "";
      // Steps of the latest render still to build, and which render that is.
      this.pending = [];
      this.generation = 0;
      // Whether the latest render is yet to be told of; the summary last told of, made when read.
      this.untold = false;
      this.told = null;
      this.beforePrint = () => this.flush();
      this.status = h("p", { class: "status", role: "status", "aria-live": "polite" });
      this.progress = h("progress", { class: "progress", hidden: true });
    }

    get lang() {
      return this.getAttribute("lang") === "en" ? "en" : "th";
    }

    get ctx() {
      const lang = this.lang;
      return { lang, w: SUMMARY_WORDS[lang], text: (t) => (t ? t[lang] : "") };
    }

    async connectedCallback() {
      // Printing (Ctrl+P too) shows every row: what waits is built first.
      window.addEventListener("beforeprint", this.beforePrint);
      if (this.core) return;
      this.root = h("div", { class: "root summary-view" });
      this.shadowRoot.append(this.root);
      try {
        this.core = await loadCore();
      } catch (err) {
        fill(this.root, h("p", { class: "error" }, String(err)));
        return;
      }
      this.collection = new this.core.Collection();
      if (!this.hidden) this.render();
    }

    disconnectedCallback() {
      window.removeEventListener("beforeprint", this.beforePrint);
    }

    attributeChangedCallback() {
      if (this.collection && !this.hidden) this.render();
    }

    drafts() {
      try {
        return new Drafts(window.localStorage).all();
      } catch {
        return {};
      }
    }

    rubrics() {
      try {
        return new Rubrics(window.localStorage).list();
      } catch {
        return [];
      }
    }

    /**
     * The whole view; sections are rebuilt from the core's summary, asked for
     * again only after the collection changed (`changed`): choosing a round or
     * the language re-renders without it. The summary crosses without its
     * units (a round's are asked for when its list is built).
     *
     * A new summary paints its first screen first — the counts and the first
     * rows of the level table — and the rest a frame at a time (10,000 units:
     * the level table's 360 rows, the unit list, the spread and the
     * comparison). The same summary shown again (a round, the language, more
     * rows) is built at once, so the page keeps its height and the reader's
     * place.
     */
    render() {
      const fresh = !this.summary;
      this.summary ??= this.collection.summary({ units: false });
      const later = [];
      fill(this.root,
        h("div", { class: "toolbar no-print", lang: this.lang }, this.toolbar()),
        this.progress, this.status,
        h("div", { class: "sections", lang: this.lang }, this.sections(later)));
      if (!this.busy) this.sayLoaded();
      this.finish(later, fresh);
    }

    /**
     * Builds `steps`, one after each painted frame or (not `progressive`, or
     * in a tab not shown, which paints no frames) now; then tells.
     */
    finish(steps, progressive) {
      const generation = ++this.generation;
      this.pending = steps;
      this.untold = true;
      if (!progressive || document.hidden) {
        this.flush();
        return;
      }
      const next = () => {
        if (generation !== this.generation) return;
        this.pending.shift()?.();
        if (this.pending.length) afterFrame(next);
        else this.announce();
      };
      afterFrame(next);
    }

    /** Builds at once what the latest render left for later (printing needs all of it). */
    flush() {
      if (!this.untold) return;
      const steps = this.pending;
      this.generation += 1;
      this.pending = [];
      for (const step of steps) step();
      this.announce();
    }

    /** The view shows the collection as it stands: "khanaen-summary", its summary made when read. */
    announce() {
      this.untold = false;
      const collection = this.collection;
      let summary;
      this.told = () => (summary ??= collection.summary());
      const told = this.told;
      this.dispatchEvent(new CustomEvent("khanaen-summary", { detail: { get summary() { return told(); } }, bubbles: true, composed: true }));
    }

    /**
     * The collection changed: the next render asks the core for its summary,
     * and what an earlier render left for later is dropped (it would show
     * the collection half changed, and tell of it).
     */
    changed() {
      this.summary = null;
      this.unitRows = null;
      this.generation += 1;
      this.pending = [];
      this.untold = false;
    }

    /** A round's units, asked for once per change of the collection. */
    unitsOf(round) {
      const key = JSON.stringify([round.framework, round.fiscal_year, round.round]);
      this.unitRows ??= new Map();
      if (!this.unitRows.has(key)) {
        this.unitRows.set(key, this.collection.units(round.framework, { fiscal_year: round.fiscal_year, round: round.round }));
      }
      return this.unitRows.get(key);
    }

    sayLoaded() {
      const { w } = this.ctx;
      fill(this.status, this.collection.size || this.summary.problems.length
        ? w.loaded(this.files, this.collection.size, this.summary.problems.length)
        : w.empty);
    }

    toolbar() {
      const { w } = this.ctx;
      const input = fileInput({ id: "summary-files", multiple: true, accept: ".json,.csv,application/json,text/csv" },
        (files) => this.addFiles(files));
      const waiting = Object.keys(this.drafts()).filter((id) => !this.addedDrafts.has(id)).length;
      const drop = h("div", { class: "drop", "data-drop": "" }, h("label", { for: "summary-files", class: "button" }, w.openFiles, input), h("span", {}, w.dropHere));
      drop.addEventListener("dragover", (e) => {
        e.preventDefault();
        drop.classList.add("over");
      });
      drop.addEventListener("dragleave", () => drop.classList.remove("over"));
      drop.addEventListener("drop", (e) => {
        e.preventDefault();
        drop.classList.remove("over");
        this.addFiles([...e.dataTransfer.files]);
      });
      return [
        h("h2", {}, w.heading),
        drop,
        h("div", { class: "row" },
          h("button", { type: "button", class: "secondary", id: "add-drafts", disabled: waiting === 0, onclick: () => this.addDrafts() },
            waiting ? w.addDrafts(waiting) : w.noDrafts),
          this.downloadButton("template", w.template, null, "secondary"),
          h("button", { type: "button", class: "secondary", id: "summary-clear", disabled: !this.collection.size && !this.summary.problems.length, onclick: () => this.clear() }, w.clear),
          h("button", { type: "button", class: "secondary", lang: this.lang === "th" ? "en" : "th",
            onclick: () => this.setAttribute("lang", this.lang === "th" ? "en" : "th") }, this.lang === "th" ? "English" : "ภาษาไทย")),
      ];
    }

    /** Reads every file, then scores what they hold a slice at a time, with progress. */
    async addFiles(files) {
      if (!files.length || this.busy) return;
      this.busy = true;
      for (const file of files) {
        this.collection.readFile(file.name, new Uint8Array(await file.arrayBuffer()));
        this.files += 1;
        this.changed();
      }
      let pending = this.collection.scorePending(0);
      let batch = 200;
      const all = pending;
      this.progress.max = Math.max(all, 1);
      while (pending > 0) {
        const started = performance.now();
        pending = this.collection.scorePending(batch);
        const spent = Math.max(performance.now() - started, 1);
        batch = Math.max(50, Math.round((batch * SLICE_MS) / spent));
        // A slice that scored the rest is followed by the summary and the
        // view: a task of their own when it was a long one.
        if (pending > 0 || !this.progress.hidden) {
          this.progress.hidden = false;
          this.progress.value = all - pending;
          fill(this.status, this.ctx.w.reading(all - pending, all));
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
      }
      this.progress.hidden = true;
      this.busy = false;
      this.changed();
      this.render();
    }

    addDrafts() {
      const { w } = this.ctx;
      // Drafts scored with a rubric of one's own are scored with it here too;
      // one the core refuses (or that differs from a file's of its id) is
      // listed among the problems, and drafts naming it with it.
      for (const { summary, text } of this.rubrics()) this.collection.addRubric(w.keptRubric(summary.id), text);
      for (const [id, draft] of Object.entries(this.drafts())) {
        if (this.addedDrafts.has(id)) continue;
        this.addedDrafts.add(id);
        this.collection.addRequest(draftTitle(draft?.request || {}, w.heading), draft?.request ?? null);
      }
      this.changed();
      this.render();
    }

    clear() {
      if (!window.confirm(this.ctx.w.confirmClear)) return;
      // A listener may still hold the last event: its summary is made now,
      // while the collection it tells of exists.
      this.told?.();
      this.told = null;
      this.collection.free();
      this.collection = new this.core.Collection();
      this.changed();
      this.files = 0;
      this.addedDrafts.clear();
      this.userExcluded.clear();
      this.roundIndex = 0;
      this.render();
    }

    /** The sections; what can wait for the first frame goes into `later`, as steps. */
    sections(later) {
      const s = this.summary;
      const rollUp = this.rollUp();
      return [
        this.problemsSection(s.problems),
        this.duplicatesSection(s.duplicates),
        this.setAsideSection(s.set_aside, Boolean(rollUp.value)),
        s.rounds.length ? this.roundSections(s.rounds, later) : null,
        this.rollUpSection(rollUp),
      ];
    }

    /** The KPI rolled up from the report forms: `{ value }` (null when there are none) or `{ error }`. */
    rollUp() {
      try {
        return { value: this.collection.rollUp(ROLL_UP, this.denominator || undefined) };
      } catch (error) {
        return { error };
      }
    }

    section(cls, title, ...body) {
      return h("section", { class: `panel ${cls}` }, h("h3", {}, title), body);
    }

    where(source) {
      return source.row ? `${source.file}, ${this.ctx.w.row(source.row)}` : source.file;
    }

    problemsSection(problems) {
      if (!problems.length) return null;
      const ctx = this.ctx;
      return this.section("problems no-print", `${ctx.w.problems} (${count(problems.length)})`,
        h("ul", {}, problems.map((p) => h("li", {}, h("strong", {}, this.where(p.source)), `: ${ctx.text(p.message)}`))));
    }

    /** Each group of duplicates side by side; choosing one sets the others aside. */
    duplicatesSection(groups) {
      const excluded = [...this.userExcluded];
      if (!groups.length && !excluded.length) return null;
      const ctx = this.ctx;
      const card = (ref, group) => {
        const result = this.collection.entry(ref.entry);
        const s = result.scores;
        return h("div", { class: "card", "data-entry": ref.entry },
          h("p", { class: "where" }, this.where(ref.source)),
          h("dl", {},
            h("dt", {}, ctx.w.place), h("dd", {}, [result.unit.tambon || result.unit.organisation, result.unit.district].filter(Boolean).join(", ")),
            h("dt", {}, ctx.w.round), h("dd", {}, ctx.w.roundName(ref)),
            h("dt", {}, ctx.w.date), h("dd", {}, shownDate(result.unit.date, ctx.lang) || "–"),
            h("dt", {}, ctx.w.total), h("dd", {}, s.kind === "banded" ? (s.total ?? s.partial_total) : (s.weighted_score ?? "–")),
            h("dt", {}, ctx.w.level), h("dd", {}, s.kind === "banded" && s.level ? `${s.level.level} ${ctx.text(s.level.name)}` : "–")),
          h("button", { type: "button", class: "keep", onclick: () => this.keep(ref.entry, group) }, ctx.w.keepThis));
      };
      return this.section("duplicates no-print", ctx.w.duplicates,
        groups.map((group) => h("div", { class: "side-by-side" }, group.map((ref) => card(ref, group)))),
        excluded.length ? h("ul", { class: "excluded" }, excluded.map(([id, source]) => {
          const r = this.collection.entry(id);
          return h("li", {}, `${ctx.w.setAside}: ${r.unit.tambon || r.unit.organisation} (${this.where(source)}) `,
            h("button", { type: "button", class: "secondary", onclick: () => this.setAside(id, null) }, ctx.w.countAgain));
        })) : null);
    }

    keep(entry, group) {
      for (const ref of group) if (ref.entry !== entry) this.setAside(ref.entry, ref.source, false);
      this.render();
    }

    /** Sets an entry aside (`source`, to name it in the list), or counts it again (`null`). */
    setAside(entry, source, render = true) {
      this.collection.setAside(entry, source !== null);
      this.changed();
      if (source !== null) this.userExcluded.set(entry, source);
      else this.userExcluded.delete(entry);
      if (render) this.render();
    }

    /** Entries counted at no level, and why; duplicates have their own section, report forms the roll-up's. */
    setAsideSection(list, rolledUp) {
      const inDuplicate = new Set(this.summary.duplicates.flat().map((r) => r.entry));
      const reasons = list.filter((s) => !inDuplicate.has(s.entry.entry) && !(rolledUp && s.entry.unit.framework === ROLL_UP));
      if (!reasons.length) return null;
      const ctx = this.ctx;
      return this.section("set-aside no-print", `${ctx.w.notCounted} (${count(reasons.length)})`,
        h("ul", {}, reasons.map((s) => h("li", {},
          `${[s.entry.unit.place, s.entry.unit.district].filter(Boolean).join(", ")} (${ctx.w.roundName(s.entry)}) — ${ctx.text(s.why)} · ${this.where(s.entry.source)}`))));
    }

    roundSections(rounds, later) {
      const ctx = this.ctx;
      this.roundIndex = Math.min(this.roundIndex, rounds.length - 1);
      const round = rounds[this.roundIndex];
      const label = (r) => `${ctx.w.roundName(r)} · ${ctx.text(r.framework_name)}`;
      const provinces = round.provinces.map((p) => p.name).filter(Boolean).join(", ");
      const [levels, moreLevels] = levelTable(ctx, round, FIRST_LEVEL_ROWS);
      // Where the sections built later go.
      const units = h("div", { hidden: true });
      const rest = h("div", { hidden: true });
      if (moreLevels) later.push(moreLevels);
      later.push(() => units.replaceWith(this.unitsSection(round)));
      later.push(() => rest.replaceWith(
        this.section("spread no-print", ctx.w.indicators, spreadTables(ctx, round)),
        this.comparisonSection(rounds, round)));
      return [
        h("div", { class: "row no-print" },
          h("label", { for: "summary-round" }, ctx.w.round,
            h("select", { id: "summary-round", onchange: (e) => { this.roundIndex = Number(e.target.value); this.unitLimit = UNIT_PAGE; this.render(); } },
              rounds.map((r, i) => h("option", { value: i, selected: i === this.roundIndex }, label(r)))))),
        h("section", { class: "panel levels-panel" },
          h("header", { class: "print-only print-head" },
            h("h2", {}, `${ctx.w.printTitle} ${ctx.text(round.framework_name)}`),
            h("p", {}, `${ctx.w.province} ${provinces || "…"} · ${ctx.w.printFor(round)}`)),
          h("h3", { class: "no-print" }, `${ctx.w.levelTable} — ${ctx.w.roundName(round)}`),
          levels,
          h("div", { class: "print-only signature" },
            h("p", {}, ctx.w.signLine), h("p", {}, `(${"........................................................"})`),
            h("p", {}, ctx.w.positionLine), h("p", {}, ctx.w.dateLine), h("p", {}, ctx.w.signer))),
        this.downloadsSection(round),
        units,
        rest,
      ];
    }

    downloadsSection(round) {
      const { w } = this.ctx;
      return h("div", { class: "row downloads no-print" },
        this.downloadButton("summary-csv", w.summaryCsv),
        this.downloadButton("summary-json", w.summaryJson),
        this.downloadButton("sheet", w.sheet, round),
        h("button", { type: "button", class: "secondary", id: "print-summary", onclick: () => {
          this.flush();
          window.print();
        } }, w.print));
    }

    unitsSection(round) {
      const ctx = this.ctx;
      const units = this.unitsOf(round);
      const onSort = (key) => {
        this.sort = { key, descending: this.sort.key === key && !this.sort.descending };
        fill(holder, unitTable(ctx, units, this.sort, onSort, this.unitLimit));
        holder.querySelector(`button[data-sort="${key}"]`)?.focus();
      };
      const holder = h("div", { class: "scroll" }, unitTable(ctx, units, this.sort, onSort, this.unitLimit));
      const more = units.length > this.unitLimit
        ? h("button", { type: "button", class: "secondary", onclick: () => { this.unitLimit += UNIT_PAGE * 5; this.render(); } },
          `${count(this.unitLimit)} / ${count(units.length)} …`)
        : null;
      return this.section("units-panel no-print", `${ctx.w.units} (${count(units.length)})`, holder, more);
    }

    /** Earlier against later, of the same framework: the round before the one shown by default. */
    comparisonSection(rounds, round) {
      const ctx = this.ctx;
      const same = rounds.map((r, i) => [r, i]).filter(([r]) => r.framework === round.framework);
      if (same.length < 2) return this.section("comparison no-print", ctx.w.comparison, h("p", {}, ctx.w.nothingToCompare));
      const key = (r) => ({ fiscal_year: r.fiscal_year, round: r.round });
      // Rounds are listed latest first: the one after the shown one is the earlier.
      this.beforeIndex = same.some(([, i]) => i === this.beforeIndex) && this.beforeIndex !== this.afterIndex
        ? this.beforeIndex : (same.find(([, i]) => i > this.roundIndex) || same.find(([, i]) => i !== this.roundIndex))[1];
      this.afterIndex = same.some(([, i]) => i === this.afterIndex) ? this.afterIndex : this.roundIndex;
      const choose = (id, label, value, set) => h("label", { for: id }, label,
        h("select", { id, onchange: (e) => { set(Number(e.target.value)); this.render(); } },
          same.map(([r, i]) => h("option", { value: i, selected: i === value }, ctx.w.roundName(r)))));
      // Only the pairs shown cross from the core: 5,000 pairs of 23 rows are ~7 MB.
      const comparison = this.collection.compare(round.framework, key(rounds[this.beforeIndex]), key(rounds[this.afterIndex]), this.unitLimit);
      return this.section("comparison no-print", ctx.w.comparison,
        h("div", { class: "row" },
          choose("compare-before", ctx.w.before, this.beforeIndex, (i) => { this.beforeIndex = i; }),
          choose("compare-after", ctx.w.after, this.afterIndex, (i) => { this.afterIndex = i; })),
        comparisonTables(ctx, comparison, round.total.levels, this.unitLimit, () => { this.unitLimit += UNIT_PAGE * 5; this.render(); }));
    }

    /** KPI 3.2 from municipality report files, with an editable denominator. */
    rollUpSection({ value: rollUp, error }) {
      const ctx = this.ctx;
      if (error) return this.section("roll-up no-print", ctx.w.rollUp, h("p", { class: "error" }, error[this.lang] || error.message));
      if (!rollUp) return null;
      const reports = rollUp.result.scores.items.find((i) => i.id === rollUp.item).reports;
      const errors = rollUp.result.errors.map((e) => h("p", { class: "error" }, ctx.text(e.message)));
      const input = h("input", {
        id: "kpi-denominator", type: "text", inputmode: "numeric", value: this.denominator || reports.denominator,
        onchange: (e) => { this.denominator = e.target.value; this.render(); },
      });
      return this.section("roll-up no-print", ctx.w.rollUp,
        h("p", {}, ctx.text(rollUp.result.framework.name)),
        h("label", { for: "kpi-denominator" }, ctx.w.denominator, input), errors,
        rollUpTables(ctx, rollUp));
    }

    fileName(kind, round) {
      const r = round || this.summary.rounds[this.roundIndex];
      const province = r?.provinces.map((p) => p.name).join("-") || "";
      const part = r ? [province, r.fiscal_year, r.round && `ครั้งที่${r.round}`].filter(Boolean).join("_") : "";
      const base = { "summary-csv": "สรุปผล", "summary-json": "สรุปผล", sheet: "ตาราง", template: "ตารางเปล่า" }[kind];
      const ext = kind === "summary-json" ? "json" : "csv";
      return `${fileSafe([base, kind === "template" ? this.templateFramework() : part].filter(Boolean).join("_"))}.${ext}`;
    }

    /** The sheet template offered: the framework shown, or ศอช.ต. */
    templateFramework() {
      return this.summary.rounds[this.roundIndex]?.framework || "sorsochot-23";
    }

    /** The file of `kind` for `round`: { name, text, type }. */
    file(kind, round) {
      const lang = this.lang;
      const text = {
        "summary-csv": () => this.collection.summaryCsv(lang),
        "summary-json": () => this.collection.summaryJson(),
        sheet: () => this.collection.sheet(round.framework, lang),
        template: () => this.collection.template(this.templateFramework(), lang),
      }[kind]();
      return { name: this.fileName(kind, round), text, type: kind === "summary-json" ? FILE_TYPES.json : FILE_TYPES.csv };
    }

    /** The download button of `kind`, and "Share…" beside it where files can be shared. */
    downloadButton(kind, label, round, className) {
      const words = WORDS[this.lang];
      return downloadButton(this.shadowRoot, {
        id: `download-${kind}`, label, className, words: [words.share, words.shareRefused],
        type: kind === "summary-json" ? FILE_TYPES.json : FILE_TYPES.csv,
        file: () => this.file(kind, round),
        saved: (fileName) => this.dispatchEvent(new CustomEvent("khanaen-download", { detail: { kind, fileName }, bubbles: true, composed: true })),
      });
    }
  }

  customElements.define(tag, KhanaenSummary);
}
