// The installed web app's own part of the page: it registers the service
// worker that keeps the app for offline use and says when the app is ready
// offline; it says when a new version is ready and switches only when the
// user asks (the draft being typed is saved as the page unloads); and it
// says whether the browser keeps this app's storage and how much it holds.
(() => {
  const main = document.querySelector("main");
  // A live region present from the start, so that screen readers announce
  // what is put in it; it overlays the title bar, moving nothing under a finger.
  const update = h("div", { class: "app-update", id: "app-update", role: "status", "aria-live": "polite" });
  const footer = h("footer", { class: "app-footer", id: "app-footer" });
  main.prepend(update);
  main.append(footer);
  let offline = "";

  const size = (bytes) => {
    if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(1)} GB`;
    return bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
  };
  const ASKED = "khanaen.app.persist-asked";
  async function showStorage(ask) {
    const storage = navigator.storage;
    const version = h("span", {}, ` · รุ่น · version ${APP_BUILD}`);
    if (!storage?.persisted) {
      fill(footer, offline, version);
      return;
    }
    let kept = await storage.persisted().catch(() => false);
    // Asked once by itself (Firefox asks the user), then only at the user's word.
    let askedBefore = true;
    try {
      askedBefore = localStorage.getItem(ASKED) === "1";
      if (!askedBefore) localStorage.setItem(ASKED, "1");
    } catch {
      /* no storage: do not ask on every load */
    }
    if (!kept && (ask || !askedBefore)) kept = await storage.persist().catch(() => false);
    const { usage = 0, quota = 0 } = (await storage.estimate?.().catch(() => null)) ?? {};
    fill(footer,
      offline ? h("span", { id: "app-offline" }, offline, h("br")) : null,
      h("span", { id: "app-persisted", "data-persisted": String(kept) }, kept
        ? "เบราว์เซอร์เก็บข้อมูลของแอปนี้ไว้ถาวร · Storage is kept"
        : "เบราว์เซอร์อาจลบข้อมูลเมื่อพื้นที่เหลือน้อย: ดาวน์โหลดไฟล์เก็บไว้ · The browser may clear storage when space is low: keep your files"),
      kept ? null : h("button", { type: "button", id: "app-persist", onclick: () => showStorage(true) }, "ขอให้เก็บถาวร · Ask to keep"),
      h("br"),
      h("span", { id: "app-usage" }, `ใช้ไป ${size(usage)} จาก ${size(quota)} · ${size(usage)} used of ${size(quota)}`),
      version);
  }
  showStorage(false);

  if (!("serviceWorker" in navigator)) return;
  let switching = false;
  const offer = (text, label, act) => {
    fill(update, h("span", {}, text), h("button", { type: "button", id: "app-switch", onclick: act }, label),
      h("button", { type: "button", class: "later", onclick: () => fill(update) }, "ภายหลัง · Later"));
  };
  const reload = () => {
    switching = true;
    location.reload();
  };
  const offerSwitch = (registration) => offer("มีรุ่นใหม่พร้อมใช้ · A new version is ready",
    "ใช้รุ่นใหม่ · Switch now", () => {
      switching = true;
      // Already taken over (from another tab): this page only needs loading again.
      if (registration.waiting) registration.waiting.postMessage("skip-waiting");
      else location.reload();
    });
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    // Only a switch the user asked for in this tab reloads it: never mid-typing.
    if (switching) location.reload();
    else {
      offer("อัปเดตแล้วในอีกแท็บ: โหลดหน้านี้ใหม่เมื่อพร้อม · Updated in another tab: reload this page when ready",
        "โหลดใหม่ · Reload", reload);
    }
  });
  navigator.serviceWorker.register("sw.js").then((registration) => {
    if (registration.waiting && navigator.serviceWorker.controller) offerSwitch(registration);
    registration.addEventListener("updatefound", () => {
      const incoming = registration.installing;
      incoming?.addEventListener("statechange", () => {
        if (incoming.state === "installed" && navigator.serviceWorker.controller) offerSwitch(registration);
      });
    });
    // A tablet left open for days looks for a new version when it is picked up again.
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") registration.update().catch(() => {});
    });
    return navigator.serviceWorker.ready;
  }).then(() => {
    offline = "พร้อมใช้งานโดยไม่ต้องต่ออินเทอร์เน็ต · Ready to use offline";
    showStorage(false);
  }).catch(() => {
    offline = "ใช้งานออฟไลน์ไม่ได้ในเบราว์เซอร์นี้ · Offline use is not available in this browser";
    showStorage(false);
  });
})();
