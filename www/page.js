// The single file's views: the assessment form, the summary of many files,
// and the district progress report. The view shown follows the address
// (#summary, #progress), so a bookmark or a reload keeps it; the language
// chosen in one view is carried to the others.
(() => {
  const views = {
    form: document.querySelector("khanaen-form"),
    summary: document.querySelector("khanaen-summary"),
    progress: document.querySelector("khanaen-progress"),
  };
  const buttons = [...document.querySelectorAll("nav.views button")];
  const show = (name) => {
    for (const [key, element] of Object.entries(views)) element.hidden = key !== name;
    for (const button of buttons) button.setAttribute("aria-pressed", String(button.dataset.view === name));
  };
  const fromAddress = () => show(views[location.hash.slice(1)] && location.hash !== "#form" ? location.hash.slice(1) : "form");
  for (const button of buttons) {
    button.addEventListener("click", () => {
      history.replaceState(null, "", button.dataset.view === "form" ? location.pathname + location.search : `#${button.dataset.view}`);
      show(button.dataset.view);
    });
  }
  window.addEventListener("hashchange", fromAddress);
  fromAddress();
  const observer = new MutationObserver((changes) => {
    for (const { target } of changes) {
      const lang = target.getAttribute("lang");
      document.documentElement.lang = lang === "en" ? "en" : "th";
      for (const element of Object.values(views)) if (element !== target && element.getAttribute("lang") !== lang) element.setAttribute("lang", lang);
    }
  });
  for (const element of Object.values(views)) observer.observe(element, { attributes: true, attributeFilter: ["lang"] });
})();
