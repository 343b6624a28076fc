// One unit's report form (a municipality's KPI 3.2 report): its header
// blanks, each item as the unit answers it with the blanks the seed's form
// asks beside it ("not yet: to be done by …"), the criteria met; and the
// same form as printed on A4, ticks and blanks like the paper one.

import { h, fill, pointer } from "./dom.js";
import { textInput, radioGroup, numberInput, syncRadios } from "./fields.js";
import { shownDate } from "./i18n.js";

const keyOf = pointer;

/** Where an item's answer is written: beside its blanks, an item is an object. */
function answerPath(item, path) {
  if (item.kind === "yes_count") return [...path, "answer"];
  if (!item.details?.length) return path;
  return [...path, item.kind === "count" ? "count" : "answer"];
}

/**
 * A context for an item written as an object (its answer beside its
 * blanks) that also reads an answer given bare in a file, `"1": "12"`: the
 * answer shows in its field, and a write below the item first turns it
 * into `{count: "12"}`, so typing a blank or a count never drops it. A list
 * there (which the core reports) is kept the same way, not written into.
 */
function objectAt(ctx, path, mainKey) {
  const bare = () => {
    const value = ctx.get(path);
    return value !== undefined && value !== null && (typeof value !== "object" || Array.isArray(value)) ? { value } : null;
  };
  const main = keyOf([...path, mainKey]);
  return {
    ...ctx,
    get: (at) => (keyOf(at) === main && bare() ? bare().value : ctx.get(at)),
    set: (at, value) => {
      const given = bare();
      if (given) ctx.get(path.slice(0, -1))[path[path.length - 1]] = { [mainKey]: given.value };
      ctx.set(at, value);
    },
  };
}

/** Whether a blank is asked with this answer (`null` while unanswered). */
function asked(detail, answer) {
  return !detail.when || answer === (detail.when === "yes");
}

/** The inputs of `details` under `path`; `update(values, answer)` shows what the core understood. */
function detailFields(ctx, path, details) {
  const shown = details.map((detail) => {
    const p = [...path, detail.id];
    const label = ctx.text(detail.label);
    let field;
    let understood = null;
    if (detail.kind === "choice") {
      field = radioGroup(ctx, p, label, detail.options.map((o) => ({ id: o.id, label: ctx.text(o.label) })));
    } else {
      understood = detail.kind === "date" ? h("span", { class: "understood", "aria-live": "polite" }) : null;
      field = textInput(ctx, p, label, {
        inputmode: detail.kind === "text" ? undefined : "numeric",
        placeholder: detail.kind === "date" ? ctx.t("datePlaceholder") : undefined,
        note: understood,
      });
    }
    const box = h("div", { class: "detail", hidden: Boolean(detail.when) }, field);
    return { detail, key: keyOf(p), box, understood };
  });
  const update = (values, answer) => {
    for (const { detail, key, box, understood } of shown) {
      box.hidden = !asked(detail, answer);
      const value = values.find((v) => v.id === detail.id)?.value;
      if (detail.kind === "choice") syncRadios(box, key, value);
      if (understood) fill(understood, value ? ctx.t("understoodDate")(shownDate(value, ctx.lang)) : "");
    }
  };
  return { nodes: shown.map((s) => s.box), update };
}

/** The form of unit `index`: name, header blanks, items, criteria; `remove` drops it. */
export function unitForm(ctx, path, reports, index, updates, remove) {
  const percents = {};
  const criteria = h("ul", { class: "criteria" });
  const verdict = h("output", { class: "verdict", "aria-live": "polite" });
  const warnings = h("ul", { class: "notes" });
  const header = detailFields(ctx, [...path, "details"], reports.details || []);
  const itemDetails = {};
  const yesNo = [{ id: "yes", label: ctx.t("yes") }, { id: "no", label: ctx.t("no") }];
  const items = reports.items.map((it) => {
    const p = [...path, "items", it.id];
    const main = answerPath(it, p);
    const itemCtx = main === p ? ctx : objectAt(ctx, p, main[main.length - 1]);
    const label = `${it.id}. ${ctx.text(it.label)}`;
    const blanks = detailFields(itemCtx, p, it.details || []);
    itemDetails[it.id] = blanks.update;
    let answer;
    // The core names an item's own error at the item: its slot is there, whichever part holds the answer.
    const itemError = main === p ? null : ctx.errorSlot(keyOf(p));
    if (it.kind === "count") answer = [textInput(itemCtx, main, label, { inputmode: "numeric" }), itemError];
    else if (it.kind === "yes_no") answer = [radioGroup(itemCtx, main, label, yesNo), itemError];
    else {
      percents[it.id] = h("output", { class: "computed" });
      answer = [
        radioGroup(itemCtx, main, label, yesNo),
        textInput(itemCtx, [...p, "count"], ctx.t("count"), { inputmode: "numeric" }),
        it.percent_of ? numberInput(itemCtx, [...p, "reported_percent"], ctx.t("reportedPercent")) : null,
        percents[it.id],
        itemError];
    }
    return h("div", { class: `report-item ${it.kind === "yes_count" ? "yes-count" : ""}` }, answer, blanks.nodes);
  });
  updates.push((r) => {
    const unit = r && r.units[index];
    if (!unit) return;
    header.update(unit.details || [], null);
    for (const it of unit.items) {
      if (percents[it.id]) fill(percents[it.id], it.percent !== null ? ctx.t("computedPercent")(it.percent) : "");
      const defined = reports.items.find((x) => x.id === it.id);
      if (it.answer !== null) syncRadios(form, keyOf(answerPath(defined, [...path, "items", it.id])), it.answer ? "yes" : "no");
      itemDetails[it.id](it.details || [], it.answer);
    }
    fill(criteria, unit.criteria.map((c) => h("li", { "data-met": String(c.met) },
      criterionLine(ctx, c))));
    fill(verdict, unit.meets_all === null ? "" : ctx.t(unit.meets_all ? "meetsAll" : "doesNotMeet"));
    verdict.dataset.met = String(unit.meets_all);
    fill(warnings, unit.warnings.map((w) => h("li", {}, ctx.text(w.text))));
  });
  const form = h("fieldset", { class: "unit-report" },
    h("legend", {}, ctx.t("unitN")(index + 1)),
    textInput(ctx, [...path, "name"], ctx.t("unitName")),
    header.nodes,
    ctx.errorSlot(keyOf([...path, "details"])),
    items,
    h("h5", {}, ctx.t("criteria")), criteria, verdict, warnings,
    h("button", { type: "button", class: "secondary", onclick: remove }, `${ctx.t("removeUnit")} ${ctx.t("unitN")(index + 1)}`));
  return form;
}

const tick = (on) => (on ? "(✓)" : "( )");

/** "1. <criterion>: met", "not met", or "–" while an answer it needs is missing. */
function criterionLine(ctx, c) {
  return `${c.id}. ${ctx.text(c.label)}: ${c.met === null ? "–" : ctx.t(c.met ? "met" : "notMet")}`;
}
const DOTS = "........................";

/**
 * A blank as printed: its label, then a choice's options ticked or the value
 * (dots when not filled). The header's choice (เทศบาล / อบต.) is ticks
 * alone, as on the seed's form.
 */
function printedDetail(ctx, detail, values, labelled = true) {
  const value = values.find((v) => v.id === detail.id)?.value;
  if (detail.kind === "choice") {
    const ticks = detail.options.map((o) => `${tick(o.id === value)} ${ctx.text(o.label)}`).join("  ");
    return labelled ? `${ctx.text(detail.label)}: ${ticks}` : ticks;
  }
  const shown = detail.kind === "date" ? shownDate(value, ctx.lang) : value;
  return `${ctx.text(detail.label)} ${value ? shown : DOTS}`;
}

/** One unit's report as the seed prints it: the header, items 1–8 ticked and filled, the criteria. */
export function unitReportPrint(ctx, reports, unit, where) {
  const header = (reports.details || []).map((d) => printedDetail(ctx, d, unit.details || [], d.kind !== "choice"));
  const items = unit.items.map((i) => {
    const defined = reports.items.find((x) => x.id === i.id);
    const lines = [];
    if (defined.kind !== "count") lines.push(`${tick(i.answer === true)} ${ctx.t("yes")}    ${tick(i.answer === false)} ${ctx.t("no")}`);
    if (i.count !== null) lines.push(`${ctx.t("count")} ${i.count}${i.percent !== null ? ` · ${ctx.t("computedPercent")(i.percent)}` : ""}`);
    if (i.reported_percent !== null) lines.push(`${ctx.t("reportedPercent")} ${i.reported_percent}`);
    for (const d of defined.details || []) if (asked(d, i.answer)) lines.push(printedDetail(ctx, d, i.details || []));
    return h("li", { "data-item": i.id }, h("p", {}, `${i.id}. ${ctx.text(defined.label)}`),
      lines.map((line) => h("p", { class: "report-line" }, line)));
  });
  return [
    h("p", { class: "report-header" }, [...header.slice(0, 1), unit.name || DOTS,
      `${ctx.t("district")} ${where.district || DOTS}`, `${ctx.t("province")} ${where.province || DOTS}`].join("  ")),
    header.length > 1 ? h("p", { class: "report-header" }, header.slice(1).join("  ")) : null,
    h("ol", { class: "report-items" }, items),
    h("ul", { class: "criteria" }, unit.criteria.map((c) => h("li", {}, criterionLine(ctx, c)))),
    unit.warnings.length ? h("p", {}, unit.warnings.map((w) => ctx.text(w.text)).join(" ")) : null,
  ];
}
