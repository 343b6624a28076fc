// Drafts kept in the browser's storage, one per unit, restored after a
// reload, a crash or a closed tab. When storage is full or unavailable
// (private mode) every call degrades to a no-op and `available` is false.

const KEY = "khanaen.drafts.v1";
const ACTIVE = "khanaen.active.v1";

export class Drafts {
  constructor(storage) {
    this.storage = null;
    try {
      const probe = "khanaen.probe";
      storage.setItem(probe, "1");
      storage.removeItem(probe);
      this.storage = storage;
    } catch {
      this.storage = null;
    }
  }

  get available() {
    return this.storage !== null;
  }

  all() {
    if (!this.storage) return {};
    try {
      const parsed = JSON.parse(this.storage.getItem(KEY) || "{}");
      return parsed && typeof parsed === "object" ? parsed : {};
    } catch {
      return {};
    }
  }

  /** Saves `request` under `id`; false when storage refused (full or gone). */
  save(id, request) {
    if (!this.storage) return false;
    const all = this.all();
    all[id] = { savedAt: new Date().toISOString(), request };
    try {
      this.storage.setItem(KEY, JSON.stringify(all));
      this.storage.setItem(ACTIVE, id);
      return true;
    } catch {
      return false;
    }
  }

  remove(id) {
    if (!this.storage) return;
    const all = this.all();
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

  static newId() {
    return `d${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
  }
}

/** What a draft is called in the list: the unit and the date. */
export function draftTitle(request, fallback) {
  const u = request.unit || {};
  const place = [u.tambon || u.organisation, u.district, u.province].filter((s) => s && String(s).trim());
  const round = u.round ? ` #${u.round}` : "";
  return place.length ? `${place.join(", ")}${round}${u.date ? ` (${u.date})` : ""}` : fallback;
}
