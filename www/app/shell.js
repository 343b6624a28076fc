// The installed web app's own part of the page: it registers the service
// worker that keeps the app for offline use, says when a new version is
// ready and switches only when the user asks (the draft being typed is saved
// as the page unloads), and says whether the browser keeps this app's
// storage and how much it holds.
(() => {
  const main = document.querySelector("main");
  const update = h("div", { class: "app-update", id: "app-update", role: "status", hidden: true });
  const footer = h("footer", { class: "app-footer", id: "app-footer" });
  main.querySelector("nav.views").after(update);
  main.append(footer);

  const kb = (bytes) => {
    if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(1)} GB`;
    return bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
  };
  async function showStorage(ask) {
    const storage = navigator.storage;
    if (!storage?.persisted) {
      fill(footer, `รุ่น · version ${APP_BUILD}`);
      return;
    }
    let kept = await storage.persisted();
    // Ask once at start and again when the user asks; browsers decide (Chromium by use, Firefox by asking).
    if (!kept && ask) kept = await storage.persist().catch(() => false);
    const { usage = 0, quota = 0 } = (await storage.estimate?.().catch(() => null)) ?? {};
    fill(footer,
      h("span", { id: "app-persisted", "data-persisted": String(kept) }, kept
        ? "เบราว์เซอร์เก็บข้อมูลของแอปนี้ไว้ถาวร · Storage is kept"
        : "เบราว์เซอร์อาจลบข้อมูลเมื่อพื้นที่เหลือน้อย: ดาวน์โหลดไฟล์เก็บไว้ · The browser may clear storage when space is low: keep your files"),
      kept ? null : h("button", { type: "button", class: "secondary", id: "app-persist", onclick: () => showStorage(true) }, "ขอให้เก็บถาวร · Ask to keep"),
      h("br"),
      h("span", { id: "app-usage" }, `ใช้ไป ${kb(usage)} จาก ${kb(quota)} · ${kb(usage)} used of ${kb(quota)}`),
      h("span", {}, ` · รุ่น · version ${APP_BUILD}`));
  }
  showStorage(true);

  if (!("serviceWorker" in navigator)) return;
  let switching = false;
  const offer = (worker) => {
    update.hidden = false;
    fill(update,
      h("span", {}, "มีรุ่นใหม่พร้อมใช้ · A new version is ready "),
      h("button", { type: "button", id: "app-switch", onclick: () => {
        switching = true;
        worker.postMessage("skip-waiting");
      } }, "ใช้รุ่นใหม่ · Switch now"),
      h("span", { class: "hint" }, " แบบร่างยังอยู่ครบ · your drafts stay"));
  };
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    // Only a switch the user asked for reloads the page: never mid-typing.
    if (switching) location.reload();
  });
  navigator.serviceWorker.register("sw.js").then((registration) => {
    if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
    registration.addEventListener("updatefound", () => {
      const incoming = registration.installing;
      incoming?.addEventListener("statechange", () => {
        if (incoming.state === "installed" && navigator.serviceWorker.controller) offer(incoming);
      });
    });
    // A tablet left open for days looks for a new version when it is picked up again.
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") registration.update().catch(() => {});
    });
  }).catch(() => {
    fill(update, "ใช้งานออฟไลน์ไม่ได้ในเบราว์เซอร์นี้ · Offline use is not available in this browser");
    update.hidden = false;
  });
})();
