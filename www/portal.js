// How a portal listens to the form: results as they change, and downloads.
const log = document.getElementById("portal-log");
const form = document.querySelector("khanaen-form");
form.addEventListener("khanaen-result", (event) => {
  const { scores } = event.detail.result;
  log.textContent = scores.kind === "banded"
    ? `portal: ${scores.total ?? scores.partial_total} / ${scores.max_total}`
    : `portal: ${scores.weighted_score ?? scores.partial_contribution}`;
  log.dataset.results = String(Number(log.dataset.results || 0) + 1);
});
form.addEventListener("khanaen-download", (event) => {
  log.dataset.download = `${event.detail.kind}:${event.detail.fileName}`;
});
