// <khanaen-form>: the assessment form as a custom element in a Shadow DOM.
//
// Attributes: framework, edition, lang ("th" default, or "en").
// Events (bubbling, composed): "khanaen-result" with { result } whenever the
// result changes; "khanaen-download" with { kind, fileName } after a download.
//
// The request the user is building is the element's state; every keystroke
// writes into it as typed and sets the same part of it in the core's
// assessment handle (the framework loaded once, a user's rubric validated
// once), which scores again and returns what changed; the outputs (points,
// errors, totals) are updated in place so focus and typing are never
// disturbed.
//
// A new state (another framework, an opened file, a draft) is first built
// and scored off screen; only when that succeeds does it replace the form,
// so a file that cannot be shown leaves the form exactly as it was.

import { h, fill, afterNextPaint, fileSafe, shadowWith, fileInput, downloadButton, pointer, parentPointer, FILE_TYPES } from "./dom.js";
import { WORDS, shownDate, roundNote, stillMissing } from "./i18n.js";
import { Drafts, sameRequest, unitOf } from "./drafts.js";
import { DraftPanel } from "./draft-panel.js";
import { textInput, textArea } from "./fields.js";
import { renderBanded } from "./banded.js";
import { renderWeighted, totalLine } from "./weighted.js";
import { printReport } from "./report.js";
import { Rubrics } from "./rubrics.js";

const DEFAULT_FRAMEWORK = "sorsochot-23";

function getPath(root, path) {
  let node = root;
  for (const key of path) {
    // Only what the request holds: never a name every object inherits.
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/** The part of the request a change at `path` sets in the core: a section, or one key of it. */
const WHOLE_SECTIONS = ["remark", "edition"];
const partOf = (path) => path.slice(0, WHOLE_SECTIONS.includes(path[0]) ? 1 : 2);

/**
 * Frees a handle's memory. One that a page's exception left borrowed (a
 * getter that threw while the core read it) cannot be: it is left behind.
 */
function release(assessment) {
  try {
    assessment?.free();
  } catch {
    /* left behind, see above */
  }
}

/** The whole result after a change: the rows that changed replace theirs. */
function merged(full, changes, request) {
  const rows = changes.scores.kind === "banded" ? "indicators" : "items";
  const changed = new Map(changes.scores[rows].map((row) => [row.id, row]));
  const { changed: _, ...rest } = changes;
  // The request as it was scored: the form goes on changing its own.
  return { ...rest, request: structuredClone(request), scores: { ...changes.scores, [rows]: full.scores[rows].map((row) => changed.get(row.id) ?? row) } };
}

const isBlank = (v) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
const isEmptyObject = (v) => v && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0;

/** Sets `value` at `path`; a blank value removes the key, and answers left empty go too. */
function setPath(root, path, value) {
  let node = root;
  const trail = [];
  for (const key of path.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== "object") node[key] = typeof key === "number" ? [] : {};
    trail.push([node, key]);
    node = node[key];
  }
  const last = path[path.length - 1];
  if (isBlank(value)) delete node[last];
  else node[last] = value;
  // Remove objects emptied by the deletion, but keep "answers", "unit" and lists.
  for (let i = trail.length - 1; i >= 1; i -= 1) {
    const [parent, key] = trail[i];
    if (isEmptyObject(parent[key])) delete parent[key];
    else break;
  }
}

export function defineKhanaenForm(loadCore, css, { tag = "khanaen-form", firstFrame = null } = {}) {
  if (customElements.get(tag)) return;

  class KhanaenForm extends HTMLElement {
    static get observedAttributes() {
      return ["framework", "edition", "lang"];
    }

    constructor() {
      super();
      shadowWith(this, [css]);
      this.status = h("p", { class: "status", role: "status" }, WORDS.th.loading);
      this.shadowRoot.append(this.status);
      this.slots = new Map();
      this.updaters = [];
      this.saveTimer = null;
    }

    get lang() {
      return this.getAttribute("lang") === "en" ? "en" : "th";
    }

    async connectedCallback() {
      if (this.core || this.drafts) return;
      this.openStorage();
      const core = loadCore();
      // The form can be on screen before the core has compiled: see firstFrame.
      if (firstFrame && !this.drafts.activeId()) {
        await this.showFirstFrame(firstFrame);
        // On screen before the core's work takes the main thread.
        if (this.provisional) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      }
      try {
        this.core = await core;
      } catch (err) {
        fill(this.status, `${WORDS[this.lang].coreError}: ${err}`);
        this.status.isConnected || this.shadowRoot.replaceChildren(this.status);
        return;
      }
      this.listFrameworks();
      performance.mark("khanaen-frameworks-loaded");
      const wanted = this.getAttribute("framework");
      if (this.provisional) this.hydrate();
      else if (!this.openDraft(this.drafts.activeId(), { wanted })) {
        this.show(this.blankRequest(wanted || DEFAULT_FRAMEWORK, this.getAttribute("edition")));
        if (this.unopenable.size) fill(this.generalErrors, h("li", { class: "notice" }, this.ctx.t("draftNotOpened")));
      }
      window.addEventListener("storage", (e) => this.otherTab(e));
    }

    openStorage() {
      let storage = null;
      try {
        storage = window.localStorage;
      } catch {
        storage = null;
      }
      this.drafts = new Drafts(storage);
      this.rubrics = new Rubrics(storage);
      /** Rubrics of one's own opened in this tab, by id: { summary, text }. */
      this.openRubrics = new Map();
      /** Drafts of a draft's shape that the form still could not show: kept aside, by id. */
      this.unopenable = new Map();
    }

    /**
     * The blank form of the default framework, built from what the core
     * gave for it when the page was built (`firstFrame()` resolves to
     * { frameworks, view, result }), so the officer sees the form and can
     * type while the core still compiles. Only when no draft is to be
     * opened, and the page asks for no other framework or edition. What is
     * typed meanwhile is kept in the request and scored once the core is
     * here (`hydrate`); the toolbar waits for the core.
     */
    async showFirstFrame(firstFrame) {
      let data;
      try {
        data = await firstFrame();
      } catch {
        return;
      }
      const wanted = this.getAttribute("framework");
      const edition = this.getAttribute("edition");
      const { request } = data.result;
      if (this.core || (wanted && wanted !== request.framework) || (edition && edition !== request.edition)) return;
      const built = data.frameworks.find((f) => f.id === request.framework);
      if (built?.editions.at(-1)?.edition !== request.edition) return;
      this.core = {
        frameworks: () => data.frameworks,
        Assessment: class {
          view = () => data.view;
          result = () => data.result;
          free() {}
        },
      };
      this.provisional = true;
      try {
        this.listFrameworks();
        this.show(structuredClone(request));
      } catch {
        this.provisional = false;
      } finally {
        this.core = null;
      }
    }

    /**
     * The core is here: the form built from the first frame's data is the
     * form it would build (the same view, from the same core), so it stays
     * on screen as it is, focus and caret too. The request as typed so far
     * is scored, every output filled, the drafts listed with their scores
     * and the toolbar woken.
     */
    hydrate() {
      this.provisional = false;
      this.buildBelow?.();
      let assessment;
      try {
        assessment = new this.core.Assessment(this.request, this.rubricOf(this.request));
      } catch (err) {
        this.reportError(err);
        return;
      }
      this.assessment = assessment;
      this.shadowRoot.querySelector(".toolbar")?.removeAttribute("inert");
      this.panel.list();
      this.update(null);
      // The language was switched meanwhile (by the page), or a change asked
      // for the form built anew (the committee's size used): built now.
      const after = this.rebuildWhenHydrated;
      this.rebuildWhenHydrated = null;
      if (this.ctx.lang !== this.lang || after) {
        this.render();
        after?.(this.shadowRoot);
      }
    }

    /**
     * Opens draft `id` (when it is of framework `wanted`, if given). A draft
     * the form cannot show is kept aside, and the form stays as it was.
     */
    openDraft(id, { wanted = null } = {}) {
      const saved = id ? this.drafts.all()[id] : null;
      if (!saved || (wanted && saved.request.framework !== wanted)) return false;
      if (!this.show(saved.request, { draftId: id })) {
        this.unopenable.set(id, saved);
        this.panel?.list();
        this.panel?.showAside();
        return false;
      }
      this.drafts.opened(id);
      return true;
    }

    /** The next unit: the same province, district and assessor, nothing else. */
    startNext() {
      const unit = unitOf(this.request);
      const keep = Object.fromEntries(["province", "district", "assessor", "position"]
        .filter((k) => typeof unit[k] === "string" && unit[k].trim())
        .map((k) => [k, unit[k]]));
      this.show(this.blankRequest(this.request.framework, this.edition, keep));
    }

    /**
     * Before the form moves to another request, or the page closes: typing
     * not yet saved is saved, and typing that another tab's change kept from
     * its draft becomes a draft of its own, never dropped.
     */
    leaveDraft() {
      if (this.conflict && this.dirty) this.keepAsNewDraft();
      else if (this.saveTimer) this.saveDraft();
    }

    /** After another tab changed this draft, the user chose its version: this tab's typing is let go. */
    openTheirs() {
      this.letTypingGo();
      this.openDraft(this.draftId);
    }

    /** The typing not yet saved is let go: nothing will write it (the user chose so). */
    letTypingGo() {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
      this.dirty = false;
      this.conflict = null;
    }

    /** After another tab changed or deleted this draft: what is typed here becomes a draft of its own. */
    keepAsNewDraft() {
      this.conflict = null;
      this.panel.conflict(null);
      this.draftId = Drafts.newId();
      this.saveDraft();
    }

    /** Another tab wrote the drafts: list them again, and say if it was this draft. */
    otherTab(event) {
      if (!this.panel || (event.key !== null && !event.key.startsWith("khanaen."))) return;
      this.panel.list();
      this.panel.showAside();
      const kind = this.draftId && !this.conflict ? this.drafts.changedElsewhere(this.draftId) : null;
      if (kind) {
        this.conflict = kind;
        this.panel.conflict(kind);
      }
    }

    attributeChangedCallback(name, old, value) {
      if (!this.core || old === value) return;
      if (name === "lang") this.render();
      else if (name === "framework" && value && value !== this.request.framework) {
        this.show(this.blankRequest(value, this.getAttribute("edition"), this.request.unit));
      } else if (name === "edition" && value && value !== this.edition) {
        this.show({ ...this.request, edition: value }, { draftId: this.draftId });
      }
    }

    /**
     * The built-in frameworks, then the rubrics kept in this browser, then
     * those open in this tab only (storage full, or removed in another tab).
     */
    listFrameworks() {
      // The drafts' labels, scored with these rubrics: scored again after a change.
      this.draftLabels = new Map();
      const kept = this.rubrics.list();
      const keptIds = new Set(kept.map((r) => r.summary.id));
      const here = [...this.openRubrics.values()].filter((r) => !keptIds.has(r.summary.id));
      this.frameworkList = [...this.core.frameworks(), ...[...kept, ...here].map((r) => ({ ...r.summary, own: true }))];
    }

    /** The user's rubric a request names (JSON text), or undefined for a built-in. */
    rubricOf(request) {
      const named = this.frameworkList.find((f) => f.id === request?.framework);
      if (!named?.own) return undefined;
      return this.rubrics.textOf(named.id) ?? this.openRubrics.get(named.id)?.text;
    }

    /** A request's whole result, scored with its framework (a draft listed, say). */
    scoreRequest(request) {
      const assessment = new this.core.Assessment(request, this.rubricOf(request));
      try {
        return assessment.result();
      } finally {
        release(assessment);
      }
    }

    /** A request with nothing answered, for `framework` (or the first one known). */
    blankRequest(framework, edition, unit = {}) {
      const summary = this.frameworkList.find((f) => f.id === framework) || this.frameworkList[0];
      const editions = summary.editions.map((e) => e.edition);
      return {
        framework: summary.id,
        edition: editions.includes(edition) ? edition : editions[editions.length - 1],
        unit: { ...unit },
        answers: {},
      };
    }

    /** What the field renderers are given: they read and write `request`. */
    context(request, slots) {
      const lang = this.lang;
      return {
        lang,
        t: (key) => WORDS[lang][key],
        text: (t) => (t ? t[lang] : ""),
        get: (path) => getPath(request, path),
        set: (path, value) => {
          setPath(request, path, value);
          this.changed(path);
        },
        refresh: () => this.changed(null),
        // After a change that widgets must show (a mode switched elsewhere): the form built again.
        rebuild: (after) => {
          // Built anew needs the core: before it is here, once it is (hydrate).
          if (this.provisional) {
            this.rebuildWhenHydrated = after ?? (() => {});
            return;
          }
          this.render();
          after?.(this.shadowRoot);
        },
        // What the form shows below the first screen: see buildAfterFirstFrame.
        below: (height, build) => (this.provisional ? this.buildAfterFirstFrame(height, build) : build()),
        errorSlot: (key, id) => {
          const slot = h("p", { class: "error", id, "aria-live": "polite", "data-error-for": key });
          if (!slots.has(key)) slots.set(key, []);
          slots.get(key).push(slot);
          return slot;
        },
      };
    }

    /**
     * The first frame from the page's own data shows what the first screen
     * shows: what is below it (`build` returns its { nodes, update }) is
     * built once that frame is painted, a block of about its height
     * (`height` px) standing in meanwhile, so the page keeps its length. The
     * core's arrival builds it at once if it is still waiting (hydrate).
     * Built later rather than built and set aside, the form's script from
     * the page parsed to its first frame built took 37.3 ms, not 46.8
     * (medians of 15 loads each, in turn).
     */
    buildAfterFirstFrame(height, build) {
      const standIn = h("div", { style: `height: ${height}px` });
      let built = null;
      this.buildBelow = () => {
        this.buildBelow = null;
        // Not for a form replaced meanwhile (the element itself may be off the page).
        if (!this.root?.contains(standIn)) return;
        try {
          built = build();
          built.update(this.result);
        } catch (err) {
          built = null;
          this.reportError(err);
          return;
        }
        standIn.replaceWith(...built.nodes);
      };
      requestAnimationFrame(() => setTimeout(() => this.buildBelow?.()));
      return { nodes: [standIn], update: (result) => built?.update(result) };
    }

    /** Shows the form for the current request again (in another language). */
    render() {
      this.show(this.request, { draftId: this.draftId });
    }

    /**
     * Builds and scores the form for `request` off screen; only if that
     * succeeds does it become the form's state. Returns whether it did; if
     * not, the form stays as it was and says why.
     */
    show(request, { draftId = null, save = false } = {}) {
      const other = request !== this.request || draftId !== this.draftId;
      if (other) this.leaveDraft();
      let view;
      try {
        view = this.build(request, draftId);
      } catch (err) {
        this.reportError(err);
        return false;
      }
      if (this.assessment !== view.assessment) release(this.assessment);
      // The control in use (the drafts list, the language button) keeps the
      // focus in the form built anew: a keyboard user is not sent to the top.
      const focused = this.shadowRoot.activeElement?.id;
      Object.assign(this, view, { request, draftId });
      if (other) this.conflict = null;
      // A conflict still waiting for the user's choice stays in sight.
      else if (this.conflict) view.panel.conflict(this.conflict);
      this.shadowRoot.replaceChildren(view.root);
      if (focused) this.shadowRoot.getElementById(focused)?.focus({ preventScroll: true });
      this.showResult(view.result);
      if (save) this.scheduleSave();
      return true;
    }

    build(request, draftId) {
      if (request === null || typeof request !== "object" || Array.isArray(request)) {
        throw new Error(WORDS[this.lang].notAnAssessment);
      }
      // Scored first: the edition shown is the one the core scored with.
      const rubric = this.rubricOf(request);
      const assessment = new this.core.Assessment(request, rubric);
      // Kept open in this tab: removing it in another tab does not close this form.
      if (rubric !== undefined) {
        const { own: _, ...summary } = this.frameworkList.find((f) => f.id === request.framework);
        this.openRubrics.set(summary.id, { summary, text: rubric });
      }
      try {
        return this.buildWith(assessment, request, draftId);
      } catch (err) {
        release(assessment);
        throw err;
      }
    }

    buildWith(assessment, request, draftId) {
      const result = assessment.result();
      const slots = new Map();
      const ctx = this.context(request, slots);
      // The framework as a form renders it: every choice between kinds is a `kind` field.
      const framework = assessment.view();
      const edition = result.framework.edition;
      const { rubric } = framework;
      const kind = rubric.kind;
      const form = kind === "banded" ? renderBanded(ctx, rubric) : renderWeighted(ctx, rubric);
      const view = {
        ctx, slots, framework, edition, result, assessment,
        updaters: [form.update],
        report: h("div", { class: "print-only" }),
        generalErrors: h("ul", { class: "error general", "aria-live": "polite" }),
        scorebar: h("div", { class: "scorebar", role: "status" }),
      };
      // The language is marked on the content, not forced onto the host,
      // whose attributes belong to the page.
      view.root = h("div", { lang: this.lang, class: "root" },
        this.toolbar(ctx, framework, edition, draftId, view),
        view.generalErrors,
        this.unitFields(ctx, request, framework, edition, view),
        h("div", { class: `form ${kind}` }, form.nodes),
        h("div", { class: "field assessment-remark no-print" }, textArea(ctx, ["remark"], "assessment-remark", ctx.t("remarkAssessment"))),
        view.scorebar,
        view.report);
      // Every output is filled before the form is shown: a file of the wrong
      // shape fails here, not after the form has been replaced.
      form.update(result);
      return view;
    }

    /** A failure shown above the form (or in place of it), in the user's language. */
    reportError(err, prefix = WORDS[this.lang].loadError) {
      const message = (err && (err[this.lang] || err.message)) || String(err);
      const target = this.generalErrors && this.generalErrors.isConnected ? this.generalErrors : null;
      if (target) fill(target, h("li", {}, `${prefix}: ${message}`));
      else fill(this.status, `${prefix}: ${message}`);
    }

    toolbar(ctx, framework, edition, draftId, view) {
      const frameworkSelect = h("select", {
        id: "framework",
        onchange: (e) => this.show(this.blankRequest(e.target.value, null, this.request.unit), { save: true }),
      }, this.frameworkList.map((f) => h("option", { value: f.id, selected: f.id === framework.id },
        f.own ? `${ctx.text(f.name)} (${ctx.t("ownRubric")})` : ctx.text(f.name))));
      const editionSelect = h("select", {
        id: "edition",
        onchange: (e) => this.show({ ...this.request, edition: e.target.value }, { draftId: this.draftId, save: true }),
      }, framework.editions.map((ed) => h("option", { value: ed.edition, selected: ed.edition === edition }, ed.edition)));
      view.panel = new DraftPanel(this, ctx, draftId);
      const file = fileInput({ id: "open-json", accept: ".json,application/json" },
        async ([chosen]) => this.loadJson(new Uint8Array(await chosen.arrayBuffer())));
      const rubricFile = fileInput({ id: "open-rubric", accept: ".json,application/json" },
        async ([chosen]) => this.openRubric(new Uint8Array(await chosen.arrayBuffer())));
      const own = this.frameworkList.find((f) => f.id === framework.id)?.own;
      // Its actions need the core: until it is here (see showFirstFrame), they wait.
      return h("div", { class: "toolbar no-print", inert: this.provisional },
        h("div", { class: "row" },
          h("label", { for: "framework" }, ctx.t("framework"), frameworkSelect),
          h("label", { for: "edition" }, ctx.t("edition"), editionSelect),
          h("label", { for: "open-rubric", class: "button secondary" }, ctx.t("openRubric"), rubricFile),
          own ? h("button", { type: "button", class: "secondary", id: "remove-rubric", onclick: () => this.removeRubric(framework) }, ctx.t("removeRubric")) : null,
          h("button", { type: "button", class: "secondary", id: "switch-lang", lang: this.lang === "th" ? "en" : "th",
            onclick: () => this.setAttribute("lang", this.lang === "th" ? "en" : "th") }, ctx.t("language"))),
        view.panel.node,
        h("div", { class: "row" },
          this.downloadButton(ctx, "json", ctx.t("downloadJson")),
          this.downloadButton(ctx, "csv", ctx.t("downloadCsv")),
          h("label", { for: "open-json", class: "button secondary" }, ctx.t("openJson"), file),
          h("button", { type: "button", class: "secondary", onclick: () => window.print() }, ctx.t("print"))));
    }

    unitFields(ctx, request, framework, editionId, view) {
      const field = (key, options = {}) =>
        textInput(ctx, ["unit", key], ctx.t(key), { id: `unit-${key}`, ...options });
      const edition = framework.editions.find((e) => e.edition === editionId);
      const rounds = edition ? edition.rounds : [];
      const place = framework.unit === "tambon"
        ? [field("province"), field("district"), field("tambon")]
        : [field("province"), field("district"), field("organisation")];
      const round = rounds.length
        ? h("div", { class: "field" },
            h("label", { for: "unit-round" }, ctx.t("round")),
            h("select", { id: "unit-round", required: true, "aria-describedby": "unit-round-hint unit-round-error", onchange: (e) => this.changeRound(e.target) },
              h("option", { value: "" }, ctx.t("noRound")),
              rounds.map((r) => h("option", { value: String(r), selected: String(request.unit?.round ?? "").trim() === String(r) }, String(r)))),
            h("p", { class: "hint", id: "unit-round-hint" }, ctx.t("roundRequired")(rounds.join(", "))),
            ctx.errorSlot(pointer(["unit", "round"]), "unit-round-error"))
        : null;
      view.dateShown = h("span", { class: "understood", "aria-live": "polite" });
      view.nextRound = h("div", { class: "row next-round no-print", hidden: true });
      return h("fieldset", { class: "unit" },
        h("legend", {}, ctx.t("unitDetails")),
        h("div", { class: "grid" },
          place, round,
          field("date", { inputmode: "numeric", placeholder: ctx.t("datePlaceholder"), note: view.dateShown }),
          textInput(ctx, ["unit", "fiscal_year"], ctx.t("fiscalYear"), { id: "unit-fiscal_year", inputmode: "numeric" }),
          field("assessor", { autocomplete: "name" }),
          field("position", { autocomplete: "organization-title" })),
        view.nextRound);
    }

    /**
     * A new round chosen. A draft already saved for another round is not
     * silently turned into this one: the user confirms, or starts the next
     * round as a record of its own.
     */
    changeRound(select) {
      const before = String(this.request.unit?.round ?? "").trim();
      const ask = select.value ? this.ctx.t("confirmRoundChange")(before, select.value) : this.ctx.t("confirmRoundClear")(before);
      if (this.draftId && before && select.value !== before && !window.confirm(ask)) {
        select.value = before;
        return;
      }
      this.ctx.set(["unit", "round"], select.value);
    }

    /** Round `next` as a new record: the same unit (no date), with or without the answers; this one stays. */
    startRound(next, withAnswers) {
      const unit = { ...unitOf(this.request), round: String(next) };
      // The same fiscal year (rounds 1 and 2 fall in one, Decision G); its own date.
      delete unit.date;
      if (this.result?.unit?.fiscal_year) unit.fiscal_year = String(this.result.unit.fiscal_year);
      const answers = withAnswers ? JSON.parse(JSON.stringify(this.request.answers ?? {})) : {};
      this.show({ framework: this.request.framework, edition: this.edition, unit, answers }, { save: true });
    }

    /** The date as understood, Thai style; the proposed fiscal year; the next round's offer. */
    showUnit(result) {
      const { ctx } = this;
      fill(this.dateShown, result.unit.date ? ctx.t("understoodDate")(shownDate(result.unit.date, ctx.lang)) : "");
      const fiscal = this.shadowRoot.getElementById("unit-fiscal_year");
      if (fiscal) fiscal.placeholder = result.unit.fiscal_year ? ctx.t("fiscalProposed")(result.unit.fiscal_year) : "";
      const rounds = this.framework.editions.find((e) => e.edition === this.edition)?.rounds ?? [];
      const next = result.unit.round && rounds.find((r) => r > result.unit.round);
      this.nextRound.hidden = !next;
      if (next && this.nextRound.dataset.round !== String(next)) {
        this.nextRound.dataset.round = String(next);
        fill(this.nextRound, h("span", {}, ctx.t("nextRound")(next)),
          h("button", { type: "button", class: "secondary", id: "next-round-answers", onclick: () => this.startRound(next, true) }, ctx.t("withAnswers")),
          h("button", { type: "button", class: "secondary", id: "next-round-unit", onclick: () => this.startRound(next, false) }, ctx.t("unitOnly")));
      }
    }

    /**
     * Scores the change at `path` (or, for null, the whole request again)
     * and updates every output, without touching inputs.
     */
    update(path) {
      // Before the core is here, typing is only kept: hydrate scores it.
      if (this.provisional) return;
      let result;
      try {
        if (path) {
          const part = partOf(path);
          result = merged(this.result, this.assessment.set(part, getPath(this.request, part)), this.request);
        } else result = this.assessment.replace(this.request);
      } catch (err) {
        // The core keeps the request as the form has it, even when it cannot score it.
        try {
          this.assessment.replace(this.request);
        } catch {
          /* said below */
        }
        this.reportError(err, WORDS[this.lang].scoreError);
        return;
      }
      this.updaters.forEach((u) => u(result));
      this.showResult(result);
    }

    /** What every new result updates: the score bar, errors, report and event. */
    showResult(result) {
      this.result = result;
      // The first frame, then the first frame with the core's scores (the same, without a first frame).
      for (const mark of this.provisional ? ["khanaen"] : ["khanaen", "khanaen-scored"]) {
        if (performance.getEntriesByName(`${mark}-ready`).length) continue;
        performance.mark(`${mark}-ready`);
        // Once that frame's style, layout and paint are done: the form is then on screen.
        afterNextPaint(() => performance.mark(`${mark}-painted`));
      }
      // The score bar, the report and the event wait for the core's own result.
      if (this.provisional) return this.showUnit(result);
      fill(this.scorebar, this.scoreLine(result));
      this.showUnit(result);
      this.showErrors(result.errors);
      this.scheduleReport();
      this.dispatchEvent(new CustomEvent("khanaen-result", { detail: { result }, bubbles: true, composed: true }));
    }

    /**
     * The printed report is rebuilt once typing pauses (and right before
     * printing), not on every keystroke.
     */
    scheduleReport() {
      clearTimeout(this.reportTimer);
      this.reportTimer = setTimeout(() => this.buildReport(), 150);
      if (!this.printHook) {
        this.printHook = () => this.buildReport();
        window.addEventListener("beforeprint", this.printHook);
      }
    }

    buildReport() {
      clearTimeout(this.reportTimer);
      if (this.result) fill(this.report, printReport(this.ctx, this.framework, this.result));
    }

    /** The running total shown at the foot of the screen while typing. */
    scoreLine(result) {
      const t = this.ctx.t;
      const s = result.scores;
      if (s.kind === "banded") {
        return s.total !== null
          ? `${t("total")} ${s.total}/${s.max_total} · ${t("level")} ${s.level.level} ${this.ctx.text(s.level.name)}${roundNote(this.ctx, result)}`
          : `${t("partial")} ${s.partial_total} · ${stillMissing(this.ctx, result)}`;
      }
      return totalLine(this.ctx, result);
    }

    showErrors(errors) {
      for (const slots of this.slots.values()) for (const slot of slots) fill(slot);
      for (const input of this.shadowRoot.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
      const general = [];
      for (const error of errors) {
        let key = error.path;
        while (key && !this.slots.has(key)) key = parentPointer(key);
        const message = error.message[this.lang];
        if (key) {
          // A widget that switched mode (a percentage to counts) leaves its old slot detached.
          const slots = this.slots.get(key);
          const slot = slots.find((s) => s.isConnected) ?? slots[0];
          slot.append(slot.childNodes.length ? ` ${message}` : message);
        } else general.push(h("li", {}, message));
        for (const input of this.shadowRoot.querySelectorAll(`[data-path="${CSS.escape(error.path)}"]`)) {
          input.setAttribute("aria-invalid", "true");
        }
      }
      fill(this.generalErrors, general);
    }

    changed(path) {
      this.dirty = true;
      this.update(path);
      this.scheduleSave();
    }

    scheduleSave() {
      if (!this.drafts.available) return;
      clearTimeout(this.saveTimer);
      this.saveTimer = setTimeout(() => this.saveDraft(), 250);
      if (!this.leaveHook) {
        // A tab closed within the pause still keeps its last keystroke.
        this.leaveHook = () => this.leaveDraft();
        window.addEventListener("pagehide", this.leaveHook);
      }
    }

    saveDraft() {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
      // Another tab's change is never written over: the user chooses first.
      if (this.conflict) return;
      if (!this.draftId) this.draftId = Drafts.newId();
      const status = this.drafts.save(this.draftId, this.request);
      if (status === "changed" || status === "deleted") {
        this.conflict = status;
        this.panel.conflict(status);
        return;
      }
      if (status === "saved") this.dirty = false;
      this.panel.status(status);
      this.panel.list();
    }

    /** The unit, fiscal year, round and date, as the core understood them: names that sort and say what is inside. */
    fileName(ext) {
      const u = this.result?.unit || {};
      const who = [u.province, u.district, u.tambon || u.organisation].filter((s) => s && String(s).trim()).join("-")
        || this.request.framework;
      const when = [u.fiscal_year && `ปีงบ${u.fiscal_year}`, u.round && `ครั้งที่${u.round}`, u.date || "undated"];
      return `${fileSafe([who, ...when].filter(Boolean).join("_"))}.${ext}`;
    }

    /** The result as a file of `kind` ("json" or "csv"): { name, text, type }. */
    file(kind) {
      const text = kind === "json" ? this.assessment.exportJson() : this.assessment.exportCsv(this.lang);
      return { name: this.fileName(kind), text, type: FILE_TYPES[kind] };
    }

    /** The download button of `kind`, and "Share…" beside it where files can be shared. */
    downloadButton(ctx, kind, label) {
      return downloadButton(this.shadowRoot, {
        id: `download-${kind}`, label, type: FILE_TYPES[kind], words: [ctx.t("share"), ctx.t("shareRefused")],
        file: () => this.file(kind),
        saved: (fileName) => this.dispatchEvent(new CustomEvent("khanaen-download", { detail: { kind, fileName }, bubbles: true, composed: true })),
      });
    }

    /**
     * Restores the form from a downloaded JSON (a result or a request), given
     * as its bytes: UTF-8, UTF-16 or TIS-620 (converted, and said so).
     */
    loadJson(bytes) {
      let result;
      let decoded;
      let carried = null;
      try {
        decoded = this.core.decodeFile(bytes);
        const opened = this.core.Assessment.open(decoded.text, this.rubrics.list().map((r) => r.text));
        try {
          result = opened.result();
          carried = opened.ownRubric() ?? null;
        } finally {
          release(opened);
        }
      } catch (err) {
        this.reportError(err);
        return;
      }
      // A file scored with a rubric of one's own brings it: kept here, so the file opens as a draft of it.
      let brought = null;
      if (carried !== null && !this.rubricOf(result.request)) {
        brought = this.keepRubric(carried);
        if (!brought) return;
      }
      // A file that is already a draft here opens as that draft, not a second copy.
      const kept = Object.entries(this.drafts.all()).find(([, d]) => sameRequest(d.request, result.request));
      const shown = kept ? this.openDraft(kept[0]) : this.show(result.request, { save: true });
      const notices = [];
      if (shown && brought) notices.push(this.ctx.t("rubricCameWithFile")(this.ctx.text(brought.name)));
      if (shown && brought?.sessionOnly) notices.push(this.ctx.t("rubricNotKept"));
      if (shown && decoded.encoding === "tis620") notices.push(this.ctx.t("convertedTis620"));
      if (notices.length) fill(this.generalErrors, notices.map((n) => h("li", { class: "notice" }, n)));
    }

    /**
     * Keeps a rubric the core accepts (JSON text) in this browser and lists
     * it; returns its summary, or null after saying why it was not kept.
     */
    keepRubric(text) {
      let summary;
      try {
        summary = this.core.checkRubric(text, this.rubrics.list().map((r) => r.text));
      } catch (err) {
        this.reportError(err, WORDS[this.lang].rubricError);
        return null;
      }
      if (summary.built_in) return summary;
      const { built_in: _, ...kept } = summary;
      // Open in this tab whatever storage says; kept for next time where it can be.
      this.openRubrics.set(kept.id, { summary: kept, text });
      kept.sessionOnly = this.rubrics.keep(kept, text) !== "saved";
      this.listFrameworks();
      return kept;
    }

    /** "Open a rubric": a rubric file of one's own, checked, kept, and a blank assessment of it shown. */
    openRubric(bytes) {
      let text;
      try {
        text = this.core.decodeFile(bytes).text;
      } catch (err) {
        this.reportError(err, WORDS[this.lang].rubricError);
        return;
      }
      const summary = this.keepRubric(text);
      if (!summary) return;
      const shown = this.show(this.blankRequest(summary.id, null, this.request.unit));
      if (shown) {
        const words = this.ctx.t(summary.built_in ? "rubricIsBuiltIn" : "rubricKept");
        fill(this.generalErrors, h("li", { class: "notice" }, words(this.ctx.text(summary.name))),
          summary.sessionOnly ? h("li", { class: "notice" }, this.ctx.t("rubricNotKept")) : null);
      }
    }

    /** Removes the rubric of one's own shown now; its drafts stay, and open again if it is opened again. */
    removeRubric(framework) {
      if (!window.confirm(this.ctx.t("confirmRemoveRubric")(this.ctx.text(framework.name)))) return;
      this.leaveDraft();
      this.rubrics.remove(framework.id);
      this.openRubrics.delete(framework.id);
      this.listFrameworks();
      this.show(this.blankRequest(DEFAULT_FRAMEWORK, null, this.request.unit));
    }
  }

  customElements.define(tag, KhanaenForm);
}
