// The OPDC-style form: the weighted tree of items, each scored item with its
// input and five-level criteria, its score, contribution and notes; the
// evaluation matrix behind value-for-money 2.1.1 and the municipality report
// forms behind KPI 3.2; the weighted total and a chart.

import { h, fill, pointer } from "./dom.js";
import { numberInput, textInput, radioGroup, percentOrCounts, modeSwitch, syncRadios, remarkInput } from "./fields.js";
import { barChart } from "./chart.js";
import { roundNote, stillMissing } from "./i18n.js";
import { unitForm } from "./unit-report.js";

export function renderWeighted(ctx, rubric) {
  const updates = [];
  const nodes = rubric.items.map((item) => renderItem(ctx, item, 0, updates));
  const total = h("p", { class: "total", "aria-live": "polite" });
  const chart = h("div", { class: "chart-box" });
  updates.push((result) => {
    const s = result.scores;
    fill(total, totalLine(ctx, result));
    const top = s.items.filter((i) => i.depth === 0);
    fill(chart, barChart(ctx.t("chartTitle"), top.map((i) => ({
      label: `${i.id} ${ctx.text(i.name)}`, value: Number(i.score ?? 0), max: 5, text: i.score ?? "–",
    }))));
  });
  const summary = h("section", { class: "summary" }, h("h3", {}, ctx.t("weightedScore")), total, chart);
  return { nodes: [...nodes, summary], update: (result) => updates.forEach((u) => u(result)) };
}

/**
 * The whole assessment's figures, as OPDC forms word them. When the weights
 * total 100 the sum of weighted scores is the weighted average: shown once.
 */
export function totalLine(ctx, result) {
  const one = oneUnitReport(result);
  if (one) return unitHeadline(ctx, one);
  const s = result.scores;
  if (s.weighted_score === null) return `${ctx.t("contributionSoFar")} ${s.partial_contribution} · ${stillMissing(ctx, result)}`;
  const parts = [`${ctx.t("weightedScore")} ${s.weighted_score}`];
  if (Number(s.total_weight) !== 100) parts.push(`${ctx.t("contribution")} ${s.contribution}`);
  return parts.join(" · ") + roundNote(ctx, result);
}

/**
 * A single unit's report (one municipality sending its KPI 3.2 form, with no
 * denominator of its own): then the unit's criteria are the headline, and the
 * ministry's value over all units belongs to the summary view.
 */
export function oneUnitReport(result) {
  if (result.scores.kind !== "weighted") return null;
  const item = result.scores.items.find((i) => i.reports);
  const answer = item && result.request?.answers?.[item.id];
  const ownDenominator = answer && typeof answer === "object" && String(answer.denominator ?? "").trim() !== "";
  return item && item.reports.units.length === 1 && !ownDenominator ? item.reports.units[0] : null;
}

/** "อบต.เพียงพอ: ผ่าน 4 จาก 5 เกณฑ์ · ไม่ผ่าน: 5 · ข้อ 7 ร้อยละ 30 · ข้อ 8 ร้อยละ 13.89". */
export function unitHeadline(ctx, unit) {
  const met = unit.criteria.filter((c) => c.met === true).length;
  const failed = unit.criteria.filter((c) => c.met === false).map((c) => c.id);
  const percents = unit.items.filter((i) => i.percent !== null).map((i) => ctx.t("itemPercent")(i.id, i.percent));
  return [
    `${unit.name.trim() || ctx.t("unitN")(1)}: ${ctx.t("criteriaMet")(met, unit.criteria.length)}`,
    failed.length ? `${ctx.t("notMet")}: ${failed.join(", ")}` : null,
    ...percents,
  ].filter(Boolean).join(" · ");
}

function itemOf(result, id) {
  return result.scores.items.find((i) => i.id === id);
}

function scoreLine(ctx, scored, result) {
  const one = scored.reports && oneUnitReport(result);
  if (one) return unitHeadline(ctx, one);
  if (scored.score === null) return ctx.t("notScored");
  const parts = [`${ctx.t("score")} ${scored.score}`];
  if (scored.result !== null) parts.unshift(`${ctx.t("result")} ${scored.result}`);
  parts.push(`${ctx.t("contribution")} ${scored.contribution}`);
  return parts.join(" · ");
}

function renderItem(ctx, item, depth, updates) {
  const heading = `${item.id} ${ctx.text(item.name)} (${ctx.t("weight")} ${item.weight})`;
  const output = h("output", { class: "points", "aria-live": "polite" });
  const notes = h("ul", { class: "notes" });
  updates.push((result) => {
    const scored = itemOf(result, item.id);
    fill(output, scoreLine(ctx, scored, result));
    output.dataset.score = scored.score ?? "";
    fill(notes, [...scored.decisions, ...scored.warnings].map((n) => h("li", {}, ctx.text(n.text))));
    if (scored.input && box) syncRadios(box, pointer(["answers", item.id]), scored.input.choice);
  });
  let box = null;
  if (item.children && item.children.length) {
    const Tag = depth === 0 ? "h3" : "h4";
    return h("section", { class: `item-group depth-${depth}` },
      h("header", {}, h(Tag, {}, heading), output),
      ...item.children.map((child) => renderItem(ctx, child, depth + 1, updates)));
  }
  const { scoring } = item;
  const { kind } = scoring;
  const path = ["answers", item.id];
  let body;
  if (kind === "thresholds") body = thresholdsBody(ctx, item, scoring, path, updates);
  else if (kind === "named_levels") {
    body = radioGroup(ctx, path, ctx.t("levelInput"),
      scoring.levels.map((l, i) => ({ id: l.id, label: `${i + 1} ${ctx.text(l.label)}` })));
  } else {
    body = [levelTexts(ctx, scoring.level_texts), numberInput(ctx, path, ctx.t("levelInput"))];
  }
  box = h("article", { class: "indicator item", "data-item": item.id },
    h("header", {}, h("h4", {}, heading), output), body, notes,
    item.scoring ? remarkInput(ctx, ["remarks", item.id], ctx.t("remark")) : null);
  return box;
}

function levelTexts(ctx, texts, thresholds) {
  if ((!texts || !texts.length) && !thresholds) return null;
  const rows = [1, 2, 3, 4, 5].map((level, i) => h("li", { "data-level": level },
    h("span", { class: "band-points" }, `${ctx.t("level")} ${level}`), " ",
    texts && texts[i] ? ctx.text(texts[i]) : thresholds[i]));
  return h("ol", { class: "bands levels" }, rows);
}

function thresholdsBody(ctx, item, scoring, path, updates) {
  const levels = levelTexts(ctx, scoring.level_texts, scoring.thresholds);
  updates.push((result) => {
    const scored = itemOf(result, item.id);
    for (const li of levels.children) li.classList.toggle("earned", Number(li.dataset.level) === scored.level);
  });
  const direct = () => (scoring.input === "percent"
    ? percentOrCounts(ctx, path, ctx.text(item.name))
    : numberInput(ctx, path, ctx.t("value")));
  if (!scoring.matrix && !scoring.reports) return [levels, direct()];

  // The result may be typed, or computed from the sub-form behind it.
  const subKey = scoring.matrix ? "matrix" : "units";
  const answer = ctx.get(path);
  let sub = answer !== null && typeof answer === "object" && subKey in answer;
  const holder = h("div", { class: "sub" });
  const memory = { direct: sub ? undefined : answer, sub: sub ? answer : undefined };
  const subUpdates = [];
  updates.push((result) => subUpdates.forEach((u) => u(result)));
  const show = () => {
    subUpdates.length = 0;
    holder.replaceChildren(sub
      ? (scoring.matrix
        ? matrixForm(ctx, path, scoring.matrix, item, subUpdates)
        : reportsForm(ctx, path, scoring.reports, item, subUpdates))
      : direct());
  };
  const choose = (toSub) => {
    if (toSub === sub) return;
    memory[sub ? "sub" : "direct"] = ctx.get(path);
    sub = toSub;
    const restored = memory[sub ? "sub" : "direct"];
    ctx.set(path, restored ?? (sub ? (scoring.matrix ? { matrix: {} } : { units: [{ name: "", items: {} }] }) : undefined));
    show();
  };
  show();
  return [levels,
    modeSwitch(ctx.text(item.name), [ctx.t("direct"), ctx.t(scoring.matrix ? "useMatrix" : "useReports")], sub, choose),
    holder];
}

function matrixForm(ctx, path, matrix, item, updates) {
  const base = [...path, "matrix"];
  const summary = h("p", { class: "sub-summary", "aria-live": "polite" });
  updates.push((result) => {
    const m = itemOf(result, item.id).matrix;
    fill(summary, m ? ctx.t("metCount")(m.met, m.assessed) + (m.percent !== null ? ` = ${m.percent} %` : "") : "");
  });
  const rows = matrix.indicators.map((ind) => {
    const p = [...base, ind.id];
    const valueSpec = ind.value;
    const valueKind = valueSpec.kind;
    const targetKind = ind.target.kind;
    const inputs = [];
    if (valueKind === "share") {
      inputs.push(percentOrCounts(ctx, p, ctx.text(ind.name), {
        inObject: true, numerator: ctx.text(valueSpec.numerator), denominator: ctx.text(valueSpec.denominator),
      }));
    } else if (valueKind === "ratio") {
      inputs.push(numberInput(ctx, [...p, "numerator"], ctx.text(valueSpec.numerator)),
        numberInput(ctx, [...p, "denominator"], ctx.text(valueSpec.denominator)));
    } else if (valueKind === "mean_score") {
      inputs.push(numberInput(ctx, [...p, "value"], `${ctx.t("mean")} (0–${valueSpec.out_of})`));
    } else {
      inputs.push(numberInput(ctx, [...p, "value"], `${ctx.t("value")} (${ctx.text(ind.unit)})`, { inputmode: "numeric" }));
    }
    if (targetKind === "previous_plus" || targetKind === "previous_plus_growth") {
      // Which X: the rubric says which follow-up, of which years, per indicator.
      const which = ind.previous ? `: ${ctx.text(ind.previous)}` : "";
      inputs.push(numberInput(ctx, [...p, "previous"], `${ctx.t("previous")}${which}`));
    }
    if (targetKind === "previous_plus_growth") inputs.push(numberInput(ctx, [...p, "growth"], ctx.t("growth")));
    if (ind.note) inputs.push(h("p", { class: "hint" }, ctx.text(ind.note)));
    const verdict = h("output", { class: "verdict", "aria-live": "polite" });
    const notes = h("ul", { class: "notes" });
    updates.push((result) => {
      const m = itemOf(result, item.id).matrix;
      const scored = m && m.indicators.find((x) => x.id === ind.id);
      if (!scored || scored.met === null) {
        fill(verdict, "");
        fill(notes);
        return;
      }
      fill(verdict, `${ctx.t("value")} ${scored.value} · ${ctx.t("target")} ${scored.target} · ${ctx.t(scored.met ? "met" : "notMet")}`);
      verdict.dataset.met = String(scored.met);
      fill(notes, scored.decisions.map((d) => h("li", {}, ctx.text(d.text))));
    });
    return h("div", { class: "matrix-row", "data-matrix": ind.id },
      h("h5", {}, `${ctx.text(ind.group)} ${ind.id.split("-").pop()}: ${ctx.text(ind.name)}`),
      h("div", { class: "inputs" }, inputs),
      ctx.errorSlot(pointer(p)),
      verdict, notes);
  });
  return h("div", { class: "matrix" }, summary, rows, ctx.errorSlot(pointer(base)));
}

function reportsForm(ctx, path, reports, item, updates) {
  const container = h("div", { class: "reports" });
  const summary = h("p", { class: "sub-summary", "aria-live": "polite" });
  const unitsBox = h("div", { class: "units" });
  const unitUpdates = [];
  updates.push((result) => {
    const r = itemOf(result, item.id).reports;
    const one = oneUnitReport(result);
    fill(summary, one ? [unitHeadline(ctx, one), h("br"), h("small", {}, ctx.t("kpiInSummary"))]
      : r ? `${ctx.t("meetingAll")(r.meeting_all, r.reported)} · ${r.meeting_all}/${r.denominator}${r.percent !== null ? ` = ${r.percent} %` : ""}` : "");
    unitUpdates.forEach((u) => u(r));
  });
  // A file may hold anything here; the core reports a wrong type as an error.
  const units = () => {
    const list = ctx.get([...path, "units"]);
    return Array.isArray(list) ? list : [];
  };
  const drawUnits = () => {
    unitUpdates.length = 0;
    fill(unitsBox, units().map((_, index) => unitForm(ctx, [...path, "units", index], reports, index, unitUpdates, () => {
      const next = units().filter((__, i) => i !== index);
      ctx.set([...path, "units"], next);
      drawUnits();
      ctx.refresh();
    })));
  };
  drawUnits();
  container.append(
    numberInput(ctx, [...path, "denominator"], ctx.t("unitsAssessed"), { inputmode: "numeric", placeholder: reports.default_denominator }),
    summary,
    unitsBox,
    h("button", { type: "button", class: "secondary", onclick: () => {
      ctx.set([...path, "units"], [...units(), { name: "", items: {} }]);
      drawUnits();
      ctx.refresh();
    } }, ctx.t("addUnit")),
    ctx.errorSlot(pointer([...path, "units"])));
  return container;
}
