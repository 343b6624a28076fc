// Rubrics of one's own, kept in this browser beside the drafts: each the
// JSON text the user opened (validated by the core before it is kept), with
// the id and name the framework list shows. Everything read back is
// untrusted: a record that is not JSON is kept aside as it was and never
// overwritten; an entry not of a rubric's shape is left in the record but
// not listed; a kept text the core no longer accepts fails when opened, with
// the core's message, and the form stays as it was.

import { isObject, readStored, setAside } from "./drafts.js";

const RUBRICS_KEY = "khanaen.rubrics.v1";
export const RUBRICS_ASIDE = "khanaen.rubrics.aside.";

const isText = (t) => isObject(t) && typeof t.th === "string" && typeof t.en === "string";
const isEdition = (e) => isObject(e) && typeof e.edition === "string" && Array.isArray(e.rounds);
/** An entry as `keep` writes it: the rubric's text, and its summary as the framework list shows it. */
const isEntry = (e) => isObject(e) && typeof e.text === "string" && isObject(e.summary)
  && typeof e.summary.id === "string" && isText(e.summary.name)
  && Array.isArray(e.summary.editions) && e.summary.editions.length > 0 && e.summary.editions.every(isEdition);

export class Rubrics {
  /** `storage` is window.localStorage, or null where the browser refuses it. */
  constructor(storage) {
    this.storage = storage;
    /** The record, when it is not JSON and could not be set aside: never written. */
    this.unreadable = false;
  }

  /** The record as stored; {} when there is none; null when it cannot be read now. */
  record() {
    if (!this.storage) return {};
    const stored = readStored(this.storage, RUBRICS_KEY);
    if (stored === null) return null;
    if (stored.record) return stored.record;
    const { text } = stored;
    // Kept as it was, then a fresh record; if storage refuses, nothing is written.
    if (!this.unreadable && setAside(this.storage, text, RUBRICS_ASIDE)) {
      try {
        this.storage.removeItem(RUBRICS_KEY);
        return {};
      } catch {
        /* fall through */
      }
    }
    this.unreadable = true;
    return null;
  }

  /** The rubrics kept: [{ summary, text }], in the order they were added. */
  list() {
    const record = this.record() ?? {};
    return Object.entries(record).filter(([id, e]) => isEntry(e) && e.summary.id === id)
      .map(([, e]) => ({ summary: e.summary, text: e.text }));
  }

  /** The JSON text of rubric `id`, or null. */
  textOf(id) {
    return this.list().find((r) => r.summary.id === id)?.text ?? null;
  }

  /** Keeps a rubric the core accepted (`summary` from checkRubric). Returns "saved", "full" or "unavailable". */
  keep(summary, text) {
    const record = this.record();
    if (!this.storage || record === null) return "unavailable";
    record[summary.id] = { summary, text, addedAt: new Date().toISOString() };
    try {
      this.storage.setItem(RUBRICS_KEY, JSON.stringify(record));
      return "saved";
    } catch {
      return "full";
    }
  }

  /** Removes rubric `id` (its drafts stay, and open again once it is back). */
  remove(id) {
    const record = this.record();
    if (!record || !(id in record)) return false;
    delete record[id];
    try {
      this.storage.setItem(RUBRICS_KEY, JSON.stringify(record));
      return true;
    } catch {
      return false;
    }
  }
}
