// The single file's two views: the assessment form and the summary of many
// files. The view shown follows the address (#summary), so a bookmark or a
// reload keeps it; the language chosen in one view is carried to the other.
(() => {
  const views = { form: document.querySelector("khanaen-form"), summary: document.querySelector("khanaen-summary") };
  const buttons = [...document.querySelectorAll("nav.views button")];
  const show = (name) => {
    for (const [key, element] of Object.entries(views)) element.hidden = key !== name;
    for (const button of buttons) button.setAttribute("aria-pressed", String(button.dataset.view === name));
  };
  const fromAddress = () => show(location.hash === "#summary" ? "summary" : "form");
  for (const button of buttons) {
    button.addEventListener("click", () => {
      history.replaceState(null, "", button.dataset.view === "summary" ? "#summary" : location.pathname + location.search);
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
