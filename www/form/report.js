// The printed report: on A4, as an official form would look — the unit and
// round, the indicators with their points, the total, the level, the notes,
// and signature lines for the assessor. Hidden on screen.

import { h } from "./dom.js";
import { shownDate, roundNote, stillMissing } from "./i18n.js";
import { oneUnitReport, unitHeadline } from "./weighted.js";
import { unitReportPrint } from "./unit-report.js";

/** The unit report form of a weighted rubric (KPI 3.2's), if it has one. */
function reportFormOf(framework) {
  if (framework.rubric.kind !== "weighted") return undefined;
  return framework.rubric.items.flatMap(function all(i) { return [i, ...i.children.flatMap(all)]; })
    .find((i) => i.scoring?.kind === "thresholds" && i.scoring.reports)?.scoring.reports;
}

export function printReport(ctx, framework, result) {
  const u = result.unit;
  const s = result.scores;
  const unitRows = [
    [ctx.t("province"), u.province], [ctx.t("district"), u.district],
    [ctx.t("tambon"), u.tambon], [ctx.t("organisation"), u.organisation],
    [ctx.t("round"), u.round ?? ""], [ctx.t("fiscalYear"), u.fiscal_year ?? ""], [ctx.t("date"), shownDate(u.date, ctx.lang)],
  ].filter(([, v]) => v !== "" && v !== null);
  const notesOf = (list) => list.map((n) => ctx.text(n.text)).join(" ");
  let table;
  let totals;
  let one = null;
  if (s.kind === "banded") {
    table = h("table", { class: "report-table" },
      h("thead", {}, h("tr", {}, ["#", ctx.t("indicator"), ctx.t("value_"), ctx.t("points"), ctx.t("criterionMet"), ctx.t("notes")]
        .map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, s.indicators.map((i) => h("tr", {},
        h("td", {}, i.id), h("td", {}, ctx.text(i.name)),
        h("td", { class: "num" }, i.input ? (i.input.label ? ctx.text(i.input.label) : (i.input.numerator ? `${i.input.numerator}/${i.input.denominator} = ${i.input.value} %` : i.input.value)) : ""),
        h("td", { class: "num" }, i.points ?? "–"),
        h("td", {}, i.criterion ? ctx.text(i.criterion) : ""),
        h("td", {}, [notesOf(i.decisions), i.remark].filter(Boolean).join(" · "))))));
    totals = [
      h("p", { class: "report-total" }, `${ctx.t("total")}: ${s.total ?? `${s.partial_total} (${stillMissing(ctx, result)})`} / ${s.max_total}`),
      h("p", { class: "report-level" }, `${ctx.t("level")}: ${s.level ? `${s.level.level} ${ctx.text(s.level.name)}${roundNote(ctx, result)}` : "–"}`),
    ];
  } else {
    table = h("table", { class: "report-table" },
      h("thead", {}, h("tr", {}, [ctx.t("item"), "", ctx.t("weight"), ctx.t("result"), ctx.t("score"), ctx.t("contribution"), ctx.t("notes")]
        .map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, s.items.map((i) => h("tr", { class: `depth-${i.depth}` },
        h("td", {}, i.id), h("td", {}, ctx.text(i.name)), h("td", { class: "num" }, i.weight),
        h("td", { class: "num" }, i.result ?? ""), h("td", { class: "num" }, i.score ?? "–"),
        h("td", { class: "num" }, i.contribution ?? ""),
        h("td", {}, [notesOf([...i.decisions, ...i.warnings]), i.remark].filter(Boolean).join(" · "))))));
    totals = [h("p", { class: "report-total" },
      `${ctx.t("weightedScore")}: ${s.weighted_score !== null ? `${s.weighted_score}${roundNote(ctx, result)}` : `– (${stillMissing(ctx, result)})`}`)];
    one = oneUnitReport(result);
    // One municipality's report form: its header, answers and criteria are the report.
    if (one) {
      const reports = reportFormOf(framework);
      table = unitReportPrint(ctx, reports, one, u);
      totals = [h("p", { class: "report-total" }, unitHeadline(ctx, one))];
    }
  }
  return h("section", { class: "print-report", "aria-hidden": "true" },
    h("h2", {}, `${ctx.t("reportTitle")}: ${ctx.text(framework.name)}`),
    h("p", {}, `${ctx.t("edition")} ${result.framework.edition} · ${ctx.text(result.framework.source)}`),
    one ? null : h("dl", { class: "report-unit" }, unitRows.map(([k, v]) => [h("dt", {}, k), h("dd", {}, String(v))])),
    table,
    totals,
    result.notes.length ? h("p", {}, `${ctx.t("notes")}: ${notesOf(result.notes)}`) : null,
    result.remark ? h("p", { class: "report-remark" }, `${ctx.t("remarkAssessment")}: ${result.remark}`) : null,
    h("div", { class: "signature" },
      h("p", {}, `${ctx.t("signature")} ........................................ ${ctx.t(one ? "reporterSign" : "assessorSign")}`),
      h("p", {}, `( ${u.assessor || "........................................"} )`),
      h("p", {}, `${ctx.t("position")} ${u.position || "........................................"}`),
      h("p", {}, `${ctx.t(one ? "reportDate" : "date")} ${shownDate(u.date, ctx.lang) || "........................"}`)));
}
