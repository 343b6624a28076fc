// A portal developer's use of the API, type-checked against the package's
// generated declarations (dist/pkg/khanaen.d.ts) by `tsc --noEmit` in the
// tests: a change to a Rust type that breaks this use fails the build.

import init, {
  Assessment, Collection, checkRubric, frameworks, score, type Changes, type Comparison,
  type Framework, type FrameworkSummary, type FrameworkView, type ItemView, type KhanaenError, type ScoreRequest, type ScoreResult,
  type Summary, type UnitRow,
} from "../../dist/pkg/khanaen.js";

export async function example(rubricText: string, fileBytes: Uint8Array): Promise<string[]> {
  await init();
  const lines: string[] = [];
  const list: FrameworkSummary[] = frameworks();
  lines.push(list.map((f) => `${f.id} (${f.kind}): ${f.name.th}`).join(", "));

  const request: ScoreRequest = {
    framework: "sorsochot-23",
    unit: { province: "อุบลราชธานี", round: 1, date: "20 พ.ย. 2566" },
    answers: { "1": { numerator: "7", denominator: "10" }, "6": "fund" },
  };
  const assessment = new Assessment(request);
  // The rubric file as loaded, and the same framework as a form renders it.
  const framework: Framework = assessment.framework();
  lines.push(`${framework.id}: ${framework.editions.map((e) => e.edition).join(", ")}`);
  const view: FrameworkView = assessment.view();
  if (view.rubric.kind === "banded") {
    for (const category of view.rubric.categories) {
      for (const indicator of category.indicators) lines.push(`${indicator.id} ${indicator.input} ${indicator.bands.length}`);
    }
  } else {
    const walk = (items: ItemView[]): void => items.forEach((item) => {
      const scoring = item.scoring;
      if (scoring?.kind === "thresholds") {
        for (const ind of scoring.matrix?.indicators ?? []) lines.push(`${ind.id}: ${ind.value.kind} against ${ind.target.kind}`);
      } else if (scoring?.kind === "named_levels") lines.push(scoring.levels.map((l) => l.id).join("/"));
      walk(item.children);
    });
    walk(view.rubric.items);
  }
  const changes: Changes = assessment.set(["answers", "2"], "85");
  lines.push(`changed: ${changes.changed.join(", ")}`);
  assessment.set(["unit", "tambon"], "บุ่งไหม");
  const result: ScoreResult = assessment.result();
  if (result.scores.kind === "banded") {
    const s = result.scores;
    lines.push(`${s.partial_total}/${s.max_total} level ${s.level?.level ?? "-"} ${s.level?.name.en ?? ""}`);
    for (const i of s.indicators) lines.push(`${i.id}: ${i.points ?? "not scored"} ${i.input?.value ?? ""}`);
  } else {
    lines.push(`weighted ${result.scores.weighted_score ?? result.scores.partial_contribution}`);
  }
  for (const error of result.errors) lines.push(`${error.path}: ${error.message.th}`);
  lines.push(assessment.exportJson().length.toString(), assessment.exportCsv("en").slice(0, 10));
  assessment.free();

  // A rubric of one's own: checked for the list, then scored; a file opened with it.
  try {
    const checked = checkRubric(rubricText, [rubricText]);
    lines.push(`${checked.id} built in: ${checked.built_in}`);
    const own = new Assessment({ framework: checked.id }, rubricText);
    lines.push(own.ownRubric() ?? "built-in");
    own.free();
    const opened = Assessment.open(fileBytes, [rubricText]);
    lines.push(opened.result().framework.own ? "own" : "built-in");
    opened.free();
  } catch (err) {
    const e = err as KhanaenError;
    lines.push(`${e.code}: ${e.th}`);
  }

  const collection = new Collection();
  collection.addRubric("my-rubric.json", rubricText);
  collection.addFile("before.json", fileBytes);
  const summary: Summary = collection.summary();
  for (const round of summary.rounds) {
    lines.push(`${round.framework} ${round.fiscal_year ?? "-"}/${round.round ?? "-"}: ${round.total.assessed}`);
    for (const level of round.total.levels) lines.push(`${level.name.th} ${level.count} ${level.percent ?? ""}`);
  }
  // Without the units (a view shows the counts first), then one round's.
  for (const round of collection.summary({ units: false }).rounds) {
    const units: UnitRow[] = collection.units(round.framework, { fiscal_year: round.fiscal_year, round: round.round });
    lines.push(`${units.length} units`);
  }
  const [later, earlier] = summary.rounds;
  if (later && earlier) {
    const comparison: Comparison = collection.compare(later.framework,
      { fiscal_year: earlier.fiscal_year, round: earlier.round },
      { fiscal_year: later.fiscal_year, round: later.round }, 10);
    lines.push(`rose ${comparison.rose}`);
    // Optional arguments left out, as the README writes them.
    const every: Comparison = collection.compare(later.framework,
      { fiscal_year: earlier.fiscal_year, round: earlier.round }, { fiscal_year: later.fiscal_year, round: later.round });
    lines.push(`${every.pair_count} pairs`, collection.summaryCsv(), collection.sheet(later.framework), collection.template(later.framework));
    for (const pair of comparison.pairs) lines.push(`${pair.unit.place} ${pair.level_before ?? "-"} → ${pair.level_after ?? "-"}`);
  }
  collection.free();
  const direct: ScoreResult = score(request);
  lines.push(direct.core_version);
  return lines;
}
