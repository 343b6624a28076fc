// The ศอช.ต.-style form: every indicator with all its band criteria, the
// input its measurement needs, points as the user types, the decisions
// that applied; category subtotals, a chart, the total and the level.

import { h, fill, say, redrawn, pointer } from "./dom.js";
import { textInput, radioGroup, percentOrCounts, syncRadios, remarkInput } from "./fields.js";
import { barChart } from "./chart.js";
import { roundNote, stillMissing } from "./i18n.js";

export function renderBanded(ctx, rubric) {
  const shared = (rubric.shared_denominators || []).map((d) => sharedDenominator(ctx, d));
  // As `contain-intrinsic-size` reckons an indicator off screen (style.css), and the summary.
  const height = rubric.categories.reduce((sum, category) => sum + 120 + 420 * category.indicators.length, 120);
  const below = ctx.below(height, () => renderCategories(ctx, rubric));
  return { nodes: [...shared, ...below.nodes], update: below.update };
}

/** The categories with their indicators, and the summary: the subtotals, a chart, the total and the level. */
function renderCategories(ctx, rubric) {
  const updates = [];
  const sections = rubric.categories.map((category) => {
    const subtotal = h("span", { class: "subtotal" });
    updates.push((result) => {
      const c = result.scores.categories.find((x) => x.id === category.id);
      fill(subtotal, `${ctx.t("subtotal")} ${c.points}/${c.max_points}`);
    });
    return h("section", { class: "category" },
      h("h3", {}, `${category.id}. ${ctx.text(category.name)} `, subtotal),
      ...category.indicators.map((indicator) => renderIndicator(ctx, indicator, updates)));
  });

  const summaryTable = h("tbody");
  const chart = h("div", { class: "chart-box" });
  const total = h("p", { class: "total", "aria-live": "polite" });
  const badge = h("span", { class: "badge" });
  const drawCategories = redrawn((categories) => {
    fill(summaryTable, categories.map((c) => h("tr", {},
      h("th", { scope: "row" }, `${c.id}. ${ctx.text(c.name)}`),
      h("td", { class: "num" }, `${c.points}/${c.max_points}`),
      h("td", { class: "num" }, `${c.scored}/${c.indicators}`))));
    fill(chart, barChart(ctx.t("chartTitle"), categories.map((c) => ({
      label: `${c.id}. ${ctx.text(c.name)}`, value: c.points, max: c.max_points, text: `${c.points}/${c.max_points}`,
    }))));
  });
  updates.push((result) => {
    const s = result.scores;
    drawCategories(s.categories.map((c) => `${c.points}/${c.scored}`).join(","), s.categories);
    if (s.total !== null) {
      fill(total, `${ctx.t("total")} ${s.total}/${s.max_total} · ${ctx.t("level")} `, badge, roundNote(ctx, result));
      fill(badge, `${s.level.level} ${ctx.text(s.level.name)}`);
      badge.dataset.level = String(s.level.level);
    } else {
      fill(total, `${ctx.t("partial")} ${s.partial_total} · ${stillMissing(ctx, result)}`);
    }
  });
  const summary = h("section", { class: "summary", "aria-label": ctx.t("total") },
    h("h3", {}, ctx.t("total")),
    total,
    h("table", {},
      h("thead", {}, h("tr", {},
        h("th", { scope: "col" }, ctx.t("chartTitle")),
        h("th", { scope: "col", class: "num" }, ctx.t("points")),
        h("th", { scope: "col", class: "num" }, ctx.t("scoredOf")))),
      summaryTable),
    chart);
  return { nodes: [...sections, summary], update: (result) => updates.forEach((u) => u(result)) };
}

/**
 * A count several indicators divide by (the committee's size), typed once:
 * on request it becomes the denominator of each of its indicators not typed
 * as a percentage. It is kept in the request ("shared") for the next time.
 */
function sharedDenominator(ctx, shared) {
  const path = ["shared", shared.id];
  const noteId = `shared-${shared.id}-note`;
  const note = h("p", { class: "hint", id: noteId, "aria-live": "polite" });
  const use = () => {
    const value = String(ctx.get(path) ?? "").trim();
    if (!value) return say(note, ctx.t("sharedEmpty"));
    const used = [];
    const skipped = [];
    for (const id of shared.indicators) {
      const answer = ctx.get(["answers", id]);
      const counts = answer && typeof answer === "object" && !Array.isArray(answer);
      const denominator = counts ? String(answer.denominator ?? "").trim() : "";
      // Never over what was typed: a percentage, or a denominator of its own.
      if (answer === undefined || (counts && (denominator === "" || denominator === value))) {
        ctx.set(["answers", id, "denominator"], value);
        used.push(id);
      } else skipped.push(id);
    }
    // The widgets switch to counts: the form is built again, then says what was done.
    ctx.rebuild((root) => say(root.getElementById(noteId), ctx.t("sharedUsed")(used, skipped)));
  };
  return h("section", { class: "shared-denominator" },
    textInput(ctx, path, ctx.text(shared.label), { id: `shared-${shared.id}`, inputmode: "numeric" }),
    h("button", { type: "button", class: "secondary", id: `use-shared-${shared.id}`, onclick: use },
      ctx.t("sharedUse")(shared.indicators)),
    note);
}

function renderIndicator(ctx, indicator, updates) {
  const path = ["answers", indicator.id];
  const label = `${indicator.id}. ${ctx.text(indicator.name)}`;
  const bands = indicator.bands.map((band) => h("li", { "data-points": band.points },
    h("span", { class: "band-points" }, ctx.t("pointsUnit")(band.points)), " ", ctx.text(band.criterion)));
  let input;
  if (indicator.input === "percent") input = percentOrCounts(ctx, path, ctx.text(indicator.name));
  else if (indicator.input === "count") {
    const unit = indicator.unit ? ` (${ctx.text(indicator.unit)})` : "";
    input = textInput(ctx, path, `${ctx.t("count")}${unit}`, { inputmode: "numeric" });
  } else {
    input = radioGroup(ctx, path, ctx.t("criterionMet"),
      indicator.choices.map((c) => ({ id: c.id, label: ctx.text(c.label) })));
  }
  const points = h("output", { class: "points", "aria-live": "polite" });
  // A percentage given as counts: the percentage it makes, cut (never
  // rounded up) so that it never reads as a band it did not reach.
  const computed = h("span", { class: "computed" });
  const notes = h("ul", { class: "notes" });
  const drawNotes = redrawn((decisions) => fill(notes, decisions.map((d) => h("li", {}, ctx.text(d.text)))));
  updates.push((result) => {
    const scored = result.scores.indicators.find((i) => i.id === indicator.id);
    fill(points, scored.points === null ? ctx.t("notScored") : ctx.t("pointsUnit")(scored.points));
    if (points.dataset.points !== String(scored.points ?? "")) points.dataset.points = scored.points ?? "";
    fill(computed, scored.input?.numerator ? `= ${scored.input.value} %` : "");
    for (const li of bands) li.classList.toggle("earned", Number(li.dataset.points) === scored.points);
    drawNotes(scored.decisions.map((d) => d.decision ?? d.text.en).join("|"), scored.decisions);
    if (scored.input) syncRadios(article, pointer(path), scored.input.choice);
  });
  const article = h("article", { class: "indicator", "data-indicator": indicator.id },
    h("header", {}, h("h4", {}, label), h("span", { class: "earned" }, computed, points)),
    h("ol", { class: "bands" }, bands),
    input,
    notes,
    remarkInput(ctx, ["remarks", indicator.id], ctx.t("remark")));
  return article;
}
