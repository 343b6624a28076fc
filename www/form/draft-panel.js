// The form's drafts row: the saved drafts (unit, round, fiscal year, total
// and level), new and delete (asked first), one backup file of them all and
// its restore, what is kept aside because it cannot be opened, and another
// tab's change to the draft open here.

import { h, fill, say, saveText, fileInput, downloadButton, FILE_TYPES } from "./dom.js";
import { draftPlace, draftTitle, setAsideAt, newestFirst } from "./drafts.js";

export class DraftPanel {
  /** `form` is the <khanaen-form>: its drafts, core and draft actions. */
  constructor(form, ctx, current) {
    this.form = form;
    this.ctx = ctx;
    this.current = current;
    const { t } = ctx;
    const drafts = form.drafts;
    this.select = h("select", {
      id: "drafts",
      disabled: !drafts.available,
      onchange: (e) => form.openDraft(e.target.value) || this.list(),
    });
    this.note = h("span", { class: "save-note", "aria-live": "polite" });
    this.conflictBox = h("div", { class: "notice conflict", role: "alert", hidden: true });
    this.asideBox = h("div", { class: "kept-aside", hidden: true });
    const restore = fileInput({ id: "restore-drafts", accept: ".json,application/json" },
      async ([chosen]) => this.restore(await chosen.text()));
    this.node = h("div", { class: "drafts-panel" },
      h("div", { class: "row" },
        h("label", { for: "drafts" }, t("drafts"), this.select),
        h("button", { type: "button", class: "secondary", id: "new-draft", onclick: () => form.startNext() }, t("newDraft")),
        h("button", { type: "button", class: "secondary", id: "delete-draft", disabled: !drafts.available, onclick: () => this.deleteCurrent() },
          t("deleteDraft"))),
      h("div", { class: "row" },
        downloadButton(form.shadowRoot, {
          id: "backup-drafts", className: "secondary", disabled: !drafts.available, label: t("backupDrafts"),
          type: FILE_TYPES.json, words: [t("share"), t("shareRefused")], file: () => this.backupFile(),
        }),
        h("label", { for: "restore-drafts", class: "button secondary" }, t("restoreDrafts"), restore)),
      this.note, this.conflictBox, this.asideBox);
    this.list();
    this.showAside();
    this.status(drafts.full ? "full" : null);
  }

  /**
   * A draft as listed: the unit, round, fiscal year, and its total and level
   * or "not complete". Unless `now`, a label not yet scored is the unit
   * alone, and is scored a frame later (`scoreLater`).
   */
  label(id, draft, now = true) {
    // Kept by the form across its rebuilds (a language, a draft opened),
    // so only a draft new or changed waits for its score.
    const labels = (this.form.draftLabels ??= new Map());
    const key = `${this.ctx.lang} ${id} ${draft.rev ?? draft.savedAt}`;
    if (labels.has(key)) return labels.get(key);
    const { t } = this.ctx;
    const parts = [draftPlace(draft.request) || t("untitled")];
    // Listed again, scored, once the core is here.
    if (this.form.provisional) return parts[0];
    if (!now) {
      this.unscored = true;
      return parts[0];
    }
    try {
      const result = this.form.scoreRequest(draft.request);
      if (result.unit.round) parts.push(t("roundShort")(result.unit.round));
      if (result.unit.fiscal_year) parts.push(t("fiscalShort")(result.unit.fiscal_year));
      if (!result.unit.date) parts.push(t("noDate"));
      const s = result.scores;
      if (!result.complete) parts.push(t("notComplete"));
      else if (s.kind === "banded") parts.push(`${s.total}/${s.max_total} ${t("level")} ${s.level?.level ?? "–"}`);
      else parts.push(`${t("weightedScore")} ${s.weighted_score}`);
    } catch {
      parts.push(t("cannotOpen"));
    }
    const text = parts.join(" · ");
    labels.set(key, text);
    return text;
  }

  /** Fills the list: newest first, the current draft selected; drafts that cannot be opened are kept aside instead. */
  list(current = this.form.panel === this ? this.form.draftId : this.current) {
    const { t } = this.ctx;
    const drafts = Object.entries(this.form.drafts.all()).filter(([id]) => !this.form.unopenable.has(id));
    // The draft open here, when the list does not hold it (new, or deleted in another tab).
    const listed = drafts.some(([id]) => id === current);
    fill(this.select,
      listed ? null : h("option", { value: current || "", selected: true }, current ? t("thisDraftUnsaved") : t("untitled")),
      drafts
        .sort(([, a], [, b]) => newestFirst(a, b))
        // The draft open here is scored now; the others (an officer keeps
        // ten to forty) once the form is painted.
        .map(([id, d]) => h("option", { value: id, selected: id === current }, this.label(id, d, id === current))));
    this.tellTwinsApart();
    if (this.unscored) this.scoreLater();
  }

  /**
   * Writes the listed drafts' labels; drafts whose labels read the same (one
   * unit kept twice, as "keep mine" after another tab's change makes) also
   * say when each was saved.
   */
  tellTwinsApart() {
    const all = this.form.drafts.all();
    const options = [...this.select.options].filter((o) => all[o.value]);
    const labels = options.map((o) => this.label(o.value, all[o.value], false));
    const seen = new Map();
    for (const label of labels) seen.set(label, (seen.get(label) ?? 0) + 1);
    options.forEach((option, i) => {
      const text = seen.get(labels[i]) > 1 ? `${labels[i]} · ${this.ctx.t("savedShort")(savedWhen(all[option.value].savedAt))}` : labels[i];
      if (option.textContent !== text) option.textContent = text;
    });
  }

  /**
   * Scores the listed drafts' labels after the next painted frame, in a
   * task after those the frame's other callbacks queued (the form's own),
   * and in tasks of about a frame each: forty drafts never hold up typing.
   */
  scoreLater() {
    this.unscored = false;
    // Listed again while scoring: scored again from the top once done
    // (the labels already scored are kept).
    if (this.scoring) {
      this.rescore = true;
      return;
    }
    this.scoring = true;
    const slice = (from) => {
      // A panel the form has replaced is gone; one out of the page (the
      // form moved by a portal) is scored all the same.
      if (this.form.panel !== this || this.form.provisional) {
        this.scoring = this.rescore = false;
        return;
      }
      const started = performance.now();
      const all = this.form.drafts.all();
      const options = this.select.options;
      let at = from;
      // Scored into the form's labels here; written into the list once, at the end.
      for (; at < options.length && performance.now() - started < 12; at += 1) {
        const draft = all[options[at].value];
        if (draft) this.label(options[at].value, draft);
      }
      if (at < options.length) {
        setTimeout(() => slice(at));
        return;
      }
      this.tellTwinsApart();
      this.scoring = false;
      if (this.rescore) {
        this.rescore = false;
        this.scoreLater();
      }
    };
    requestAnimationFrame(() => setTimeout(() => setTimeout(() => slice(0))));
  }

  /** What the last save did: "saved", "full", "off", or nothing yet. */
  status(kind) {
    const { t } = this.ctx;
    const drafts = this.form.drafts;
    let text = { saved: t("saved"), full: t("draftsFull"), off: t("draftsOff") }[kind] ?? "";
    if (!drafts.available) text = t("draftsOff");
    else if (drafts.unreadable !== null) text = t("draftsUnreadable");
    else if (drafts.full) text = t("draftsFull");
    fill(this.note, text);
  }

  /**
   * Deletes the draft open here, asked first; typing not yet saved goes
   * with it (a new draft typed in but not yet saved is asked for too).
   */
  deleteCurrent() {
    const { form } = this;
    const draft = form.draftId && form.drafts.all()[form.draftId];
    if (draft || form.dirty) {
      const title = draft ? this.label(form.draftId, draft) : draftPlace(form.request) || this.ctx.t("untitled");
      if (!window.confirm(this.ctx.t("confirmDelete")(title))) return;
    }
    // Before the form moves on: its pending save would write the draft back.
    form.letTypingGo();
    if (draft) form.drafts.remove(form.draftId);
    form.startNext();
  }

  /** One file of every draft, named by today's Buddhist-era date as the officer's other files are. */
  backupFile() {
    const now = new Date();
    const day = `${now.getFullYear() + 543}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
    const rubrics = this.form.rubrics.list().map((r) => r.text);
    return { name: `แบบร่างทั้งหมด_${day}.json`, text: this.form.drafts.backup(rubrics), type: FILE_TYPES.json };
  }

  restore(text) {
    try {
      const { added, same, rubrics } = this.form.drafts.restore(text);
      // The rubrics the drafts are scored with come back first, each checked by the core.
      for (const rubric of rubrics) this.form.keepRubric(rubric);
      say(this.note, this.ctx.t("restored")(added, same));
      this.form.draftLabels?.clear();
      this.list();
    } catch (err) {
      say(this.note, err[this.ctx.lang] || err.message);
    }
  }

  /** Stored data the form cannot open, each with a download of its text. */
  showAside() {
    const { t } = this.ctx;
    const root = this.form.shadowRoot;
    const items = [
      ...[...this.form.unopenable].map(([id, draft]) => ({ id, text: JSON.stringify(draft, null, 2), label: t("asideDraft")(draftTitle(draft.request, id)) })),
      ...this.form.drafts.aside().map((a) => ({ ...a, label: a.id ? t("asideDraft")(a.title ?? a.id) : t("asideRecord")(this.when(a.key)) })),
    ];
    this.asideBox.hidden = items.length === 0;
    fill(this.asideBox, items.length ? h("p", {}, t("keptAside")(items.length)) : null,
      h("ul", {}, items.map((item, i) => h("li", {},
        item.label, " ",
        h("button", { type: "button", class: "secondary", id: `drafts-aside-${i}`,
          onclick: () => saveText(root, `ข้อมูลที่เก็บแยกไว้_${i + 1}.json`, item.text, "application/json") }, t("download")),
        item.key?.startsWith("khanaen.drafts.aside.")
          ? h("button", { type: "button", class: "secondary", onclick: () => {
            if (!window.confirm(t("confirmDiscard"))) return;
            this.form.drafts.discardAside(item.key);
            this.showAside();
          } }, t("discard"))
          : null))));
  }

  /** When data was set aside, from its key, as the user reads times. */
  when(key) {
    return setAsideAt(key, "khanaen.drafts.aside.", this.ctx.lang) ?? key;
  }

  /** Another tab changed or deleted the draft open here; nothing is saved until the user chooses. */
  conflict(kind) {
    const { t } = this.ctx;
    const { form } = this;
    this.conflictBox.hidden = !kind;
    if (!kind) return fill(this.conflictBox);
    fill(this.conflictBox,
      h("p", {}, kind === "changed" ? t("changedElsewhere") : t("deletedElsewhere")),
      h("div", { class: "row" },
        kind === "changed"
          ? h("button", { type: "button", id: "open-theirs", onclick: () => form.openTheirs() }, t("openTheirs"))
          : null,
        h("button", { type: "button", id: "keep-mine", onclick: () => form.keepAsNewDraft() }, t("keepMine"))));
    return this.conflictBox;
  }
}

/** When a draft was saved, as "20/11 14:05" in this device's time; "" when unknown. */
function savedWhen(savedAt) {
  const time = new Date(typeof savedAt === "string" ? savedAt : NaN);
  if (Number.isNaN(time.getTime())) return "";
  const two = (n) => String(n).padStart(2, "0");
  return `${two(time.getDate())}/${two(time.getMonth() + 1)} ${two(time.getHours())}:${two(time.getMinutes())}`;
}
