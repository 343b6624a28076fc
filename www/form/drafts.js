// Drafts kept in the browser's storage, one per unit: the officer's only
// copy until they download a file. Everything read back is untrusted: a
// stored record that is not JSON is set aside as it was (never overwritten),
// a draft that is not of a draft's shape is kept and listed apart, another
// tab's change to the same draft is never silently written over, and full
// storage still shows what is kept.

const KEY = "khanaen.drafts.v1";
const ACTIVE = "khanaen.active.v1";
/** Stored text that could not be read as drafts, kept as it was: this prefix and the time. */
const ASIDE = "khanaen.drafts.aside.";
export const BACKUP_FORMAT = "khanaen-drafts-backup";

/** Text kept aside under `prefix`: each { key, text }. */
export function keptAside(storage, prefix = ASIDE) {
  const kept = [];
  try {
    for (let i = 0; i < (storage?.length ?? 0); i += 1) {
      const key = storage.key(i);
      if (key?.startsWith(prefix)) kept.push({ key, text: storage.getItem(key) ?? "" });
    }
  } catch {
    /* storage gone: nothing to list */
  }
  return kept;
}

/**
 * Drafts newest first, by when each was saved; one without a time last.
 * ISO times order as text: not by localeCompare, whose first call loads
 * collation data (10-16 ms) while the page starts.
 */
export function newestFirst(a, b) {
  const [x, y] = [a?.savedAt, b?.savedAt].map((t) => (typeof t === "string" ? t : ""));
  return x < y ? 1 : x > y ? -1 : 0;
}

/** When text kept under `prefix` was set aside, as the user reads times; null for a key without a time. */
export function setAsideAt(key, prefix, lang) {
  const time = new Date(key.slice(prefix.length));
  return Number.isNaN(time.getTime()) ? null : time.toLocaleString(lang === "th" ? "th-TH" : "en-GB");
}

/**
 * Keeps stored text that could not be read, as it was, under `prefix` and
 * the time (the drafts row lists the drafts' with a download). False when
 * storage refused.
 */
export function setAside(storage, text, prefix = ASIDE) {
  try {
    storage.setItem(`${prefix}${new Date().toISOString()}`, text);
    return true;
  } catch {
    return false;
  }
}

export const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * Reads the JSON object stored at `key`: { record } ({} when nothing is
 * stored), { text } when the stored text is not a JSON object (for the
 * caller to set aside), null when storage cannot be read just now.
 */
export function readStored(storage, key) {
  let text;
  try {
    text = storage.getItem(key);
  } catch {
    return null;
  }
  if (text === null) return { record: {} };
  try {
    const parsed = JSON.parse(text);
    if (isObject(parsed)) return { record: parsed };
  } catch {
    /* not JSON: the caller sets it aside */
  }
  return { text };
}

const absentOr = (v) => v === undefined || v === null || isObject(v);

/**
 * Whether a stored value has a draft's shape: a request naming its
 * framework, whose unit and answers (if any) are objects. Anything else the
 * form would have to reshape on the first keystroke, losing what was kept.
 */
export function isDraft(draft) {
  return isObject(draft) && isObject(draft.request) && typeof draft.request.framework === "string"
    && absentOr(draft.request.unit) && absentOr(draft.request.answers);
}

/** JSON text with every object's keys in order: the same request, however its keys were written. */
export function sameRequest(a, b) {
  const stable = (v) => (Array.isArray(v) ? v.map(stable)
    : isObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, stable(v[k])])) : v);
  return JSON.stringify(stable(a)) === JSON.stringify(stable(b));
}

/** What tells one save of a draft from another (older drafts have only the time). */
const revision = (draft) => (isObject(draft) ? String(draft.rev ?? draft.savedAt ?? "") : "");

export class Drafts {
  /** `storage` is window.localStorage, or null where the browser refuses it. */
  constructor(storage) {
    this.storage = null;
    try {
      storage?.getItem(KEY);
      this.storage = storage || null;
    } catch {
      this.storage = null;
    }
    /** The revision of each draft as this tab last saved or opened it. */
    this.known = new Map();
    /** The drafts record, when it is not JSON and could not be set aside: never written. */
    this.unreadable = null;
    /** Storage refused the last write: drafts are listed, new changes not kept. */
    this.full = false;
    try {
      this.storage?.setItem("khanaen.probe", "1");
      this.storage?.removeItem("khanaen.probe");
    } catch {
      this.full = true;
    }
  }

  /** Drafts can be read (and so listed), even when storage is full. */
  get available() {
    return this.storage !== null;
  }

  /**
   * The drafts record as stored, every entry as it is; {} when there is
   * none; null when storage could not be read just now (then nothing may be
   * written, or it would replace drafts this tab could not see).
   */
  record() {
    if (!this.storage) return {};
    const stored = readStored(this.storage, KEY);
    if (stored === null) return null;
    if (stored.record) return stored.record;
    const { text } = stored;
    // Not a drafts record: its text is kept aside, as it is, before anything
    // is written in its place; if that cannot be done, nothing is written.
    if (this.keepAside(text)) {
      this.unreadable = null;
      try {
        this.storage.removeItem(KEY);
      } catch {
        /* the copy is kept either way */
      }
    } else {
      this.unreadable = text;
    }
    return {};
  }

  keepAside(text) {
    return setAside(this.storage, text);
  }

  /** The drafts that can be opened, by id. */
  all() {
    return Object.fromEntries(Object.entries(this.record() ?? {}).filter(([, d]) => isDraft(d)));
  }

  /**
   * What is kept aside: stored text that was not a drafts record, and
   * entries that are not drafts. Each { key, id?, text } can be downloaded.
   */
  aside() {
    if (!this.storage) return [];
    const kept = Object.entries(this.record() ?? {})
      .filter(([, d]) => !isDraft(d))
      // Named by its unit where one can be read (an officer does not know the ids).
      .map(([id, d]) => ({ key: KEY, id, title: draftTitle(isObject(d) ? d.request : null, id), text: JSON.stringify(d, null, 2) ?? String(d) }));
    if (this.unreadable !== null) kept.push({ key: KEY, text: this.unreadable });
    return [...kept, ...keptAside(this.storage)];
  }

  /** Removes text kept aside (after the user has downloaded it). */
  discardAside(key) {
    if (key?.startsWith(ASIDE)) this.storage?.removeItem(key);
  }

  /** Marks draft `id` as opened here: a later save checks no other tab changed it since. */
  opened(id) {
    const draft = this.record()?.[id];
    if (draft) this.known.set(id, revision(draft));
    try {
      this.storage?.setItem(ACTIVE, id);
    } catch {
      /* full: the draft still opens */
    }
  }

  /**
   * "changed" or "deleted" when another tab did so to draft `id` since this
   * tab saved or opened it; `record` when the caller has just read it.
   */
  changedElsewhere(id, record = this.record()) {
    if (!this.known.has(id) || record === null) return null;
    const stored = record[id];
    if (stored === undefined) return "deleted";
    return revision(stored) === this.known.get(id) ? null : "changed";
  }

  /**
   * Saves `request` under `id`: "saved"; "full" when storage refused it;
   * "off" when drafts cannot be written; "changed" or "deleted" when another
   * tab did so since this tab last saved it (nothing is written then).
   */
  save(id, request) {
    if (!this.storage) return "off";
    const all = this.record();
    if (all === null || this.unreadable !== null) return "off";
    const elsewhere = this.changedElsewhere(id, all);
    if (elsewhere) return elsewhere;
    const rev = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    all[id] = { savedAt: new Date().toISOString(), rev, request };
    try {
      this.storage.setItem(KEY, JSON.stringify(all));
      this.storage.setItem(ACTIVE, id);
    } catch {
      this.full = true;
      return "full";
    }
    this.full = false;
    this.known.set(id, rev);
    return "saved";
  }

  remove(id) {
    this.known.delete(id);
    const all = this.record();
    if (!this.storage || all === null || this.unreadable !== null) return;
    delete all[id];
    try {
      this.storage.setItem(KEY, JSON.stringify(all));
      if (this.storage.getItem(ACTIVE) === id) this.storage.removeItem(ACTIVE);
    } catch {
      /* storage gone: nothing to remove from */
    }
  }

  activeId() {
    try {
      return this.storage?.getItem(ACTIVE) || null;
    } catch {
      return null;
    }
  }

  /** Every draft, everything kept aside and the rubrics they are scored with (JSON texts), as one file to keep. */
  backup(rubrics = []) {
    return `${JSON.stringify({
      format: BACKUP_FORMAT,
      version: 1,
      savedAt: new Date().toISOString(),
      drafts: this.record() ?? {},
      // Set aside, and a record that could not be set aside: its text is kept here too.
      aside: this.aside().filter((a) => !a.id).map(({ key, text }) => ({ key, text })),
      rubrics,
    }, null, 2)}\n`;
  }

  /**
   * Adds the drafts of a backup file; a draft already here is not added
   * twice, and one that differs from the draft of the same id here comes in
   * beside it, never over it. Returns { added, same, rubrics } (the
   * rubrics' texts, for the form to check and keep), or throws for a file
   * that is not a backup.
   */
  restore(text) {
    let backup;
    try {
      backup = JSON.parse(text);
    } catch {
      backup = null;
    }
    if (!isObject(backup) || backup.format !== BACKUP_FORMAT || !isObject(backup.drafts)) {
      throw Object.assign(new Error("not a drafts backup"), { th: "ไฟล์นี้ไม่ใช่ไฟล์สำรองแบบร่าง", en: "this file is not a drafts backup" });
    }
    const all = this.record();
    if (!this.storage || all === null || this.unreadable !== null) {
      throw Object.assign(new Error("drafts cannot be written"), { th: "เบราว์เซอร์นี้บันทึกแบบร่างไม่ได้", en: "this browser cannot keep drafts" });
    }
    let added = 0;
    let kept = 0;
    for (const [id, draft] of Object.entries(backup.drafts)) {
      // Entries that are not drafts come back as they were, beside the others.
      if (!isDraft(draft)) {
        if (!(id in all)) all[id] = draft;
        continue;
      }
      if (Object.values(all).some((d) => isDraft(d) && sameRequest(d.request, draft.request))) {
        kept += 1;
        continue;
      }
      all[id in all ? Drafts.newId() : id] = draft;
      added += 1;
    }
    try {
      this.storage.setItem(KEY, JSON.stringify(all));
    } catch {
      this.full = true;
      throw Object.assign(new Error("storage full"), { th: "พื้นที่เก็บข้อมูลของเบราว์เซอร์เต็ม", en: "the browser's storage is full" });
    }
    // Text that was set aside comes back set aside, once.
    const here = new Set(this.aside().map((a) => a.text));
    for (const item of Array.isArray(backup.aside) ? backup.aside : []) {
      if (typeof item?.text === "string" && !here.has(item.text) && this.keepAside(item.text)) here.add(item.text);
    }
    const rubrics = Array.isArray(backup.rubrics) ? backup.rubrics.filter((r) => typeof r === "string") : [];
    return { added, same: kept, rubrics };
  }

  static newId() {
    return `d${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
  }
}

const cellText = (v) => (typeof v === "string" || typeof v === "number" ? String(v).trim() : "");
/** A request's unit details, or {} when it has none of an object's shape. */
export const unitOf = (request) => (isObject(request) && isObject(request.unit) ? request.unit : {});

/** The unit a draft is about: tambon (or organisation), district, province; "" when none is typed. */
export function draftPlace(request) {
  const u = unitOf(request);
  return [cellText(u.tambon) || cellText(u.organisation), cellText(u.district), cellText(u.province)].filter(Boolean).join(", ");
}

/** What a draft is called in lists: the unit, round and date. */
export function draftTitle(request, fallback) {
  const u = unitOf(request);
  const place = draftPlace(request);
  const round = cellText(u.round) ? ` #${cellText(u.round)}` : "";
  return place ? `${place}${round}${cellText(u.date) ? ` (${cellText(u.date)})` : ""}` : fallback;
}
