// The summary's tables, built from what the core computed: level counts by
// district (seed 000, attachment 3), units, the spread per indicator, round
// against round, and a KPI rolled up from many units' reports. Numbers come
// from the core as exact values written out; nothing here does arithmetic
// on scores.

import { h } from "../form/dom.js";
import { count } from "./words.js";

const num = (value) => h("td", { class: "num" }, value ?? "–");
const headCell = (text, attrs = {}) => h("th", { scope: "col", ...attrs }, text);
// A wide table scrolls within its box on a tablet, never the page.
const scroll = (table) => h("div", { class: "scroll" }, table);

/**
 * Attachment 3: per district and province, units assessed and at each level.
 * Returns the table with its first `shown` rows, and a function that adds
 * the others (none when there are no others): a country's 900 districts
 * are laid out after the first screen has painted.
 */
export function levelTable(ctx, round, shown = Infinity) {
  const levels = round.total.levels;
  const row = ([name, area, cls]) => h("tr", { class: cls },
    h("th", { scope: "row" }, name),
    num(area.assessed),
    area.levels.map((l) => [num(l.count), num(l.percent)]));
  const areas = [];
  for (const province of round.provinces) {
    for (const district of province.districts || []) areas.push([district.name, district, "district"]);
    areas.push([ctx.w.provinceTotal(province.name), province, "province"]);
  }
  if (round.provinces.length > 1) areas.push([ctx.w.allProvinces, round.total, "province"]);
  const body = h("tbody", {}, areas.slice(0, shown).map(row));
  const rest = areas.length > shown ? () => body.append(...areas.slice(shown).map(row)) : null;
  return [scroll(h("table", { class: "levels" },
    h("thead", {},
      h("tr", {},
        headCell(ctx.w.area, { rowspan: 2 }),
        headCell(ctx.w.assessed, { rowspan: 2, class: "num" }),
        levels.map((l) => headCell(`${ctx.w.level} ${l.level} ${ctx.text(l.name)}`, { colspan: 2, class: "level-head" }))),
      h("tr", {}, levels.map(() => [headCell(ctx.w.count, { class: "num" }), headCell(ctx.w.percent, { class: "num" })]))),
    body)), rest];
}

/** The columns of the unit list, each with how it sorts. */
function unitColumns(ctx, units) {
  // Made when a column of names is sorted: its first making loads the
  // locale's collation data (10-16 ms), which the list in the core's order
  // does not need.
  let collator = null;
  const text = (key) => (a, b) => (collator ??= new Intl.Collator(ctx.lang === "th" ? "th" : "en")).compare(a[key], b[key]);
  const number = (get) => (a, b) => get(a) - get(b);
  const categories = units[0]?.categories.map((_, i) => ({
    key: `c${i}`, label: ctx.w.category(i + 1), numeric: true, value: (u) => u.categories[i],
    order: number((u) => u.categories[i]),
  })) || [];
  return [
    { key: "province", label: ctx.w.province, value: (u) => u.province, order: text("province") },
    { key: "district", label: ctx.w.district, value: (u) => u.district, order: text("district") },
    { key: "place", label: ctx.w.place, value: (u) => u.place, order: text("place") },
    ...categories,
    { key: "total", label: ctx.w.total, numeric: true, value: (u) => u.total, order: number((u) => u.total) },
    { key: "level", label: ctx.w.level, numeric: true, value: (u) => u.level, order: number((u) => u.level) },
  ];
}

/**
 * The unit list (a round's units), in the core's order (province, district,
 * place: the comparison's order too) until a header button calls
 * `onSort(key)`; then sorted by `sort` ({key, descending}). Shows the
 * first `limit` rows.
 */
export function unitTable(ctx, units, sort, onSort, limit) {
  const columns = unitColumns(ctx, units);
  const column = columns.find((c) => c.key === sort.key);
  const rows = column ? [...units].sort((a, b) => (sort.descending ? -1 : 1) * column.order(a, b)) : units;
  return h("table", { class: "units" },
    h("thead", {}, h("tr", {}, columns.map((c) => headCell(
      h("button", { type: "button", class: "sort", "data-sort": c.key, title: ctx.w.sortBy(c.label), onclick: () => onSort(c.key) }, c.label),
      { class: c.numeric ? "num" : null, "aria-sort": c.key === column?.key ? (sort.descending ? "descending" : "ascending") : null })))),
    h("tbody", {}, rows.slice(0, limit).map((u) => h("tr", { "data-entry": u.entry },
      columns.map((c) => (c.numeric ? num(c.value(u)) : h("td", {}, c.value(u))))))));
}

/** How many units earned each band of each indicator, and the weakest five. */
export function spreadTables(ctx, round) {
  const bands = [...new Set(round.indicators.flatMap((i) => i.bands.map((b) => b.points)))].sort((a, b) => a - b);
  const byId = new Map(round.indicators.map((i) => [i.id, i]));
  return [
    h("h4", {}, ctx.w.weakest),
    h("ol", { class: "weakest" }, round.weakest.map((id) => {
      const i = byId.get(id);
      return h("li", {}, `${id}. ${ctx.text(i.name)} — ${ctx.w.mean} ${i.mean}`);
    })),
    scroll(h("table", { class: "spread" },
      h("thead", {}, h("tr", {}, headCell("#"), headCell(ctx.w.indicator),
        bands.map((p) => headCell(ctx.w.pointsN(p), { class: "num" })), headCell(ctx.w.mean, { class: "num" }))),
      h("tbody", {}, round.indicators.map((i) => h("tr", { "data-indicator": i.id, class: round.weakest.includes(i.id) ? "weak" : null },
        h("td", {}, i.id), h("td", {}, ctx.text(i.name)),
        bands.map((p) => num(i.bands.find((b) => b.points === p)?.count ?? "")),
        num(i.mean)))))),
  ];
}

/**
 * Round against round: the level transitions, then each unit then and now
 * (the first `limit`; `onMore` shows more).
 */
export function comparisonTables(ctx, comparison, levels, limit, onMore) {
  const moved = (from, to) => comparison.transitions.find((t) => t.from === from && t.to === to)?.count ?? 0;
  const place = (unit) => [unit.place, unit.district, unit.province].filter(Boolean).join(", ");
  const signed = (change) => (change === null ? "–" : String(change).startsWith("-") ? String(change) : `+${change}`);
  const names = new Map(comparison.names.map((n) => [n.id, n.name]));
  const refs = (title, list, cls) => list.length
    ? h("div", { class: cls }, h("h4", {}, `${title} (${count(list.length)})`),
      h("ul", {}, list.map((e) => h("li", {}, `${place(e.unit)} — ${ctx.w.roundName(e)}`))))
    : null;
  return [
    h("h4", {}, ctx.w.transitions),
    h("p", { class: "moves" },
      h("span", { class: "rose" }, `${ctx.w.rose} ${comparison.rose}`), " · ",
      h("span", {}, `${ctx.w.stayed} ${comparison.stayed}`), " · ",
      h("span", { class: "fell" }, `${ctx.w.fell} ${comparison.fell}`)),
    h("table", { class: "transitions" },
      h("thead", {}, h("tr", {}, headCell(`${ctx.w.fromLevel} \\ ${ctx.w.toLevel}`),
        levels.map((l) => headCell(`${l.level} ${ctx.text(l.name)}`, { class: "num" })))),
      h("tbody", {}, levels.map((from) => h("tr", {},
        h("th", { scope: "row" }, `${from.level} ${ctx.text(from.name)}`),
        levels.map((to) => num(moved(from.level, to.level))))))),
    scroll(h("table", { class: "pairs" },
      h("thead", {}, h("tr", {}, headCell(ctx.w.place),
        headCell(`${ctx.w.total} (${ctx.w.before})`, { class: "num" }), headCell(`${ctx.w.total} (${ctx.w.after})`, { class: "num" }),
        headCell(ctx.w.change, { class: "num" }), headCell(ctx.w.level), headCell(ctx.w.detail))),
      h("tbody", {}, comparison.pairs.slice(0, limit).map((pair) => h("tr", {},
        h("td", {}, place(pair.unit)),
        num(pair.total.before), num(pair.total.after), num(signed(pair.total.change)),
        h("td", { class: "nowrap" }, `${pair.level_before ?? "–"} → ${pair.level_after ?? "–"}`),
        h("td", {}, indicatorChanges(ctx, pair, names, signed))))))),
    comparison.pair_count > limit
      ? h("button", { type: "button", class: "secondary", onclick: onMore }, `${count(limit)} / ${count(comparison.pair_count)} …`)
      : null,
    refs(ctx.w.onlyBefore, comparison.only_before, "only-before"),
    refs(ctx.w.onlyAfter, comparison.only_after, "only-after"),
  ];
}

/** One unit's indicators then and now, built only when opened. */
function indicatorChanges(ctx, pair, names, signed) {
  const changed = pair.rows.filter((r) => r.change !== null && Number(r.change) !== 0).length;
  const details = h("details", {}, h("summary", {}, `${changed} ${ctx.w.change}`));
  details.addEventListener("toggle", () => {
    if (!details.open || details.querySelector("table")) return;
    details.append(h("table", { class: "rows" },
      h("thead", {}, h("tr", {}, headCell("#"), headCell(ctx.w.indicator), headCell(ctx.w.before, { class: "num" }),
        headCell(ctx.w.after, { class: "num" }), headCell(ctx.w.change, { class: "num" }))),
      h("tbody", {}, pair.rows.map((r) => h("tr", {},
        h("td", {}, r.id), h("td", {}, names.has(r.id) ? ctx.text(names.get(r.id)) : ""), num(r.before), num(r.after), num(signed(r.change)))))));
  }, { once: false });
  return details;
}

/** KPI 3.2 from many municipality reports: the value, its score, and who failed which criterion. */
export function rollUpTables(ctx, rollUp) {
  const item = rollUp.result.scores.items.find((i) => i.id === rollUp.item);
  const reports = item.reports;
  const failed = (unit) => {
    if (unit.meets_all === true) return ctx.w.allMet;
    if (unit.meets_all === null) return ctx.w.notAnswered;
    return unit.criteria.filter((c) => c.met === false).map((c) => `${c.id}. ${ctx.text(c.label)}`).join("; ");
  };
  return [
    h("dl", { class: "kpi" },
      h("dt", {}, ctx.w.kpiValue), h("dd", { "data-kpi": "percent" }, reports.percent ?? "–"),
      h("dd", { class: "note" }, ctx.w.meetingAll(reports.meeting_all, reports.reported)),
      h("dt", {}, ctx.w.opdcScore), h("dd", { "data-kpi": "score" }, item.score ?? "–"),
      h("dt", {}, ctx.w.contribution), h("dd", { "data-kpi": "contribution" }, item.contribution ?? "–")),
    rollUp.repeated.length ? h("p", { class: "warning", role: "note" }, ctx.w.repeated(rollUp.repeated.join(", "))) : null,
    scroll(h("table", { class: "municipalities" },
      h("thead", {}, h("tr", {}, headCell(ctx.w.municipality), headCell(ctx.w.file), headCell(ctx.w.failed))),
      h("tbody", {}, reports.units.map((unit, n) => h("tr", { "data-met": String(unit.meets_all) },
        h("td", {}, unit.name), h("td", {}, rollUp.sources[n]?.file ?? ""), h("td", {}, failed(unit))))))),
  ];
}
