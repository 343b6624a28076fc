// Generated from the Rust types by crate/tests/typescript.rs: do not edit.
/**
 * What adding one file did.
 */
export type Added = { entries: number, problems: number, };
/**
 * Level counts of one area; a province carries its districts.
 */
export type AreaCounts = { name: string, 
/**
 * Complete assessments counted.
 */
assessed: number, levels: Array<LevelCount>, districts: Array<AreaCounts>, };
export type Band = { points: number, 
/**
 * The criterion as the document words it.
 */
criterion: Text, 
/**
 * The range the document writes, used to tell when a decision applied.
 */
written?: Written | null, 
/**
 * Where the band starts when that differs from what is written.
 */
reached_at?: Reach | null, 
/**
 * The decision that sets `reached_at`.
 */
decision?: string | null, 
/**
 * For choice indicators: the choices that earn this band.
 */
choices?: Array<string>, };
export type BandCount = { points: number, count: number, };
export type BandedRubric = { categories: Array<Category>, levels: Array<Level>, 
/**
 * Counts several percentage indicators divide by (the committee's
 * size for ศอช.ต. indicators 1 and 20–23): typed once in the form and
 * reused as those indicators' denominators when the user wants.
 */
shared_denominators?: Array<SharedDenominator>, };
export type BandedScores = { indicators: Array<IndicatorScore>, categories: Array<CategoryScore>, 
/**
 * Sum of the points earned so far.
 */
partial_total: number, 
/**
 * The total, only when every indicator is scored (Decision D).
 */
total: number | null, min_total: number, max_total: number, level: LevelOut | null, };
/**
 * SPEC Decision F: what a result below the level-1 threshold scores.
 */
export type BelowLevelOne = "zero" | "one";
export type Case = { in: unknown, points: number, 
/**
 * The decisions the scorer must report for this input.
 */
decisions: Array<string>, };
export type Category = { id: string, name: Text, indicators: Array<Indicator>, };
export type CategoryScore = { id: string, name: Text, points: number, max_points: number, scored: number, indicators: number, };
/**
 * One indicator or item then and now (its name is in `Comparison::names`).
 */
export type ChangeRow = { id: string, before: Measure | null, after: Measure | null, change: Measure | null, };
/**
 * What one change did: the result, in which `scores` lists only the
 * indicators or items whose score changed (named in `changed`), and which
 * leaves the request out.
 */
export type Changes = { changed: Array<string>, framework: FrameworkRef, core_version: string, 
/**
 * The request exactly as received: loading it again reproduces this result.
 */
request: ScoreRequest, unit: Unit, 
/**
 * Every indicator or item scored, with no errors.
 */
complete: boolean, 
/**
 * Ids of indicators or items with no usable answer.
 */
missing: Array<string>, errors: Array<FieldError>, 
/**
 * Decisions that applied to the assessment as a whole (D, F).
 */
notes: Array<Note>, scores: Scores, 
/**
 * The assessor's remark on the whole assessment (evidence, comment).
 */
remark: string, };
export type Choice = { id: string, label: Text, };
export type Comparison = { 
/**
 * The rows' names, in rubric order.
 */
names: Array<RowName>, 
/**
 * Every pair, unless the caller asked for the first few (`pair_count`
 * says how many there are); units in the summary's order (Thai
 * dictionary order of province, district and place).
 */
pairs: Array<UnitComparison>, pair_count: number, 
/**
 * Units assessed only earlier, or only later (or more than once on a
 * side), in the same order.
 */
only_before: Array<EntryRef>, only_after: Array<EntryRef>, 
/**
 * Level from → to, over the pairs with a level on both sides.
 */
transitions: Array<Transition>, rose: number, stayed: number, fell: number, };
export type Condition = { "yes": string } | { "percent_at_least": { item: string, percent: string, } };
export type Count = { 
/**
 * "1.tambon.count", "6.activities".
 */
id: string, label: Text, 
/**
 * None while not reported.
 */
count: string | null, };
export type CriterionScore = { id: string, label: Text, met: boolean | null, };
export type Decision = { id: string, rule: DecisionRule, text: Text, };
/**
 * The situations a decision resolves; the scorer notes the decision whose
 * rule it applied.
 */
export type DecisionRule = "overlapping_bands" | "between_bands" | "none_means_zero" | "incomplete" | "previous_plus_points" | "below_level_one" | "round_required";
/**
 * Text decoded from a file, and the encoding it was in.
 */
export type Decoded = { text: string, encoding: Encoding, };
export type DetailKind = "date" | "count" | "text" | "choice";
export type DetailOption = { id: string, label: Text, };
/**
 * A report form's blank as understood: a date as `YYYY-MM-DD`, a choice as
 * its option's id, a count or text as written.
 */
export type DetailValue = { id: string, value: string, };
export type Edition = { edition: string, source: Text, document?: string | null, 
/**
 * Assessment rounds in a year; empty when the edition has none.
 */
rounds: Array<number>, };
export type EditionSummary = { edition: string, source: Text, rounds: Array<number>, };
/**
 * The encoding a file was read in.
 */
export type Encoding = "utf8" | "utf16" | "tis620";
export type EntryRef = { entry: number, source: Source, unit: UnitNames, fiscal_year: number | null, round: number | null, };
/**
 * A problem with one field, to show beside it.
 */
export type FieldError = { path: string, label: Text, message: Text, };
export type Framework = { format: number, id: string, name: Text, description?: Text | null, 
/**
 * What one assessment is about: "tambon", "municipality", "organisation".
 */
unit: string, editions: Array<Edition>, 
/**
 * The project's readings of ambiguous documents, shown where they apply.
 */
decisions: Array<Decision>, rubric: Rubric, };
export type FrameworkRef = { id: string, edition: string, name: Text, source: Text, 
/**
 * A user's own rubric, not a built-in: its exports carry the rubric.
 */
own: boolean, };
/**
 * What a form needs to offer a framework in its list.
 */
export type FrameworkSummary = { id: string, name: Text, unit: string, kind: "banded" | "weighted", editions: Array<EditionSummary>, };
export type FrameworkView = { id: string, name: Text, description?: Text, unit: string, editions: Array<Edition>, decisions: Array<Decision>, rubric: RubricView, };
export type Indicator = { 
/**
 * Shared with every result scored: an id is counted, not copied.
 */
id: string, name: Text, input: IndicatorInput, 
/**
 * What is counted, for count inputs ("ครั้ง / ปี", "times a year").
 */
unit?: Text | null, choices?: Array<Choice>, bands: Array<Band>, 
/**
 * The pass/fail table: inputs and the points they must earn.
 */
cases?: Array<Case>, };
export type IndicatorInput = "percent" | "count" | "choice";
export type IndicatorScore = { id: string, category: string, name: Text, input: Understood | null, points: number | null, max_points: number, criterion: Text | null, decisions: Array<Note>, 
/**
 * The assessor's remark on this indicator.
 */
remark: string, };
export type IndicatorSpread = { id: string, name: Text, 
/**
 * How many units earned each band's points, lowest band first.
 */
bands: Array<BandCount>, 
/**
 * Mean points over the units counted.
 */
mean: string | null, };
export type Item = { id: string, name: Text, weight: string, children?: Array<Item>, scoring?: Scoring | null, cases?: Array<ScoreCase>, };
export type ItemCounts = { item: number, title: Text, rows: Array<Count>, };
export type ItemScore = { id: string, parent: string | null, depth: number, name: Text, weight: string, input: Understood | null, 
/**
 * The result converted, for threshold items.
 */
result: string | null, 
/**
 * 1–5 (0 below level 1 unless the framework floors it at 1).
 */
score: string | null, 
/**
 * weight × score.
 */
weighted: string | null, 
/**
 * weight × score / 100.
 */
contribution: string | null, 
/**
 * The whole level reached and its criterion, when the rubric words one.
 */
level: number | null, criterion: Text | null, matrix: MatrixScore | null, reports: ReportsScore | null, decisions: Array<Note>, warnings: Array<Note>, 
/**
 * The assessor's remark on this item.
 */
remark: string, };
export type ItemView = { id: string, name: Text, weight: string, children: Array<ItemView>, 
/**
 * Absent on a parent, which weighs its children.
 */
scoring: ScoringView | null, };
export type Level = { level: number, name: Text, 
/**
 * The total range the document gives, inclusive.
 */
min: number, max: number, };
export type LevelCount = { level: number, name: Text, count: number, 
/**
 * count × 100 / assessed, shown to 2 decimals; none when nothing was assessed.
 */
percent: string | null, };
export type LevelOut = { level: number, name: Text, };
/**
 * An evaluation matrix: the item's result is the share of its indicators
 * whose value meets the target.
 */
export type Matrix = { indicators: Array<MatrixIndicator>, };
export type MatrixIndicator = { id: string, group: Text, name: Text, value: MatrixValue, target: MatrixTarget, 
/**
 * The unit of the value and target ("%", "ตำบล", "กองทุน").
 */
unit: Text, 
/**
 * What X of an "X + points" target is, as the source document says it
 * (which follow-up, of which years).
 */
previous?: Text | null, 
/**
 * A note shown beside the indicator: a baseline, how a figure is counted.
 */
note?: Text | null, };
export type MatrixIndicatorScore = { id: string, group: Text, name: Text, input: Understood | null, value: string | null, target: string | null, met: boolean | null, decisions: Array<Note>, };
export type MatrixIndicatorView = { id: string, group: Text, name: Text, unit: Text, value: ValueView, target: TargetView, previous: Text | null, note: Text | null, };
export type MatrixScore = { indicators: Array<MatrixIndicatorScore>, met: number, assessed: number, 
/**
 * met × 100 / assessed; only when every indicator has its inputs.
 */
percent: string | null, };
export type MatrixTarget = { "fixed": { value: string, } } | { "previous_plus": { points: string, } } | "previous_plus_growth";
export type MatrixValue = { "share": { numerator: Text, denominator: Text, } } | { "ratio": { numerator: Text, denominator: Text, scale: string, } } | "count" | { "mean_score": { out_of: string, } };
export type MatrixView = { indicators: Array<MatrixIndicatorView>, };
/**
 * A value then or now: points of a banded indicator, or an OPDC score.
 */
export type Measure = bigint | string;
export type NamedLevel = { id: string, label: Text, };
/**
 * A decision that applied, or a warning, with its text in both languages.
 */
export type Note = { decision: string | null, text: Text, };
/**
 * A file, or a row of one, that could not be read as an assessment.
 */
export type Problem = { source: Source, message: Text, };
/**
 * A report read: every count with its label, the free text, and what
 * could not be read.
 */
export type ProgressReport = { form: "sorsochot-progress", 
/**
 * The request as received: reading it again gives this report.
 */
request: ProgressRequest, province: string, district: string, fiscal_year: number | null, items: Array<ItemCounts>, problems: string, suggestions: string, reporter: string, position: string, 
/**
 * Every count is given and none has an error.
 */
complete: boolean, errors: Array<FieldError>, };
/**
 * The districts' reports added up, for the province.
 */
export type ProgressSum = { 
/**
 * "อำเภอ, จังหวัด" of each report added, in the order given.
 */
districts: Array<string>, 
/**
 * The provinces and fiscal years of the reports, each once, in order:
 * more than one year is for the user to check.
 */
provinces: Array<string>, fiscal_years: Array<number>, items: Array<ItemCounts>, 
/**
 * Reports with a count missing or an error: their counts are added as
 * far as they go, and they are named here.
 */
incomplete: Array<string>, };
/**
 * The lowest value that earns a band.
 */
export type Reach = { "at_least": string } | { "above": string };
export type ReportCriterion = { id: string, label: Text, all: Array<Condition>, };
/**
 * One blank of a report form that is not scored.
 */
export type ReportDetail = { id: string, label: Text, kind: DetailKind, 
/**
 * For a choice: the options, by id and label.
 */
options?: Array<DetailOption>, 
/**
 * Asked only with this answer to the item (the seed's "if not yet,
 * by when"); kept in the result only then.
 */
when?: YesOrNo | null, };
export type ReportItem = { id: string, label: Text, kind: ReportItemKind, 
/**
 * For counts: the item whose count this one is a percentage of.
 */
percent_of?: string | null, 
/**
 * What the form asks beside the answer ("to be completed by", the
 * villages remaining): kept and printed, never scored.
 */
details?: Array<ReportDetail>, };
export type ReportItemKind = "count" | "yes_no" | "yes_count";
export type ReportItemScore = { id: string, answer: boolean | null, count: string | null, 
/**
 * count × 100 / the count it is a percentage of.
 */
percent: string | null, reported_percent: string | null, 
/**
 * What the form asks beside the answer, as understood.
 */
details: Array<DetailValue>, };
/**
 * A report form each unit fills in, and the criteria a unit must all meet.
 * The item's result is units meeting every criterion × 100 / units assessed.
 */
export type Reports = { default_denominator: string, 
/**
 * The form's own header (type of unit, report number and date): kept
 * and printed, never scored.
 */
details?: Array<ReportDetail>, items: Array<ReportItem>, criteria: Array<ReportCriterion>, };
export type ReportsScore = { units: Array<UnitReportScore>, meeting_all: number, reported: number, 
/**
 * Units assessed; none when the denominator given could not be read.
 */
denominator: string | null, percent: string | null, };
/**
 * The KPI of every unit report in a collection, scored as one assessment.
 */
export type RollUp = { 
/**
 * The item the reports are for (KPI 3.2's "3.2").
 */
item: string, 
/**
 * The combined assessment: its item carries every unit's criteria.
 */
result: ScoreResult, 
/**
 * Where each unit's report came from, in the order of the result's units.
 */
sources: Array<Source>, 
/**
 * Unit names reported more than once (each report is still counted:
 * the user decides which file to remove).
 */
repeated: Array<string>, };
/**
 * Which assessment of the unit: the fiscal year and the round.
 */
export type RoundKey = { fiscal_year: number | null, round: number | null, };
export type RoundSummary = { framework: string, framework_name: Text, fiscal_year: number | null, round: number | null, provinces: Array<AreaCounts>, 
/**
 * Every province together (the country, for a national roll-up).
 */
total: AreaCounts, units: Array<UnitRow>, indicators: Array<IndicatorSpread>, 
/**
 * Indicator ids, the lowest mean points first: where support is needed.
 */
weakest: Array<string>, };
/**
 * An indicator's or item's name, once for the whole comparison rather
 * than in each of thousands of pairs.
 */
export type RowName = { id: string, name: Text, };
export type Rubric = { "banded": BandedRubric } | { "weighted": WeightedRubric };
export type RubricView = { "kind": "banded" } & BandedRubric | { "kind": "weighted" } & WeightedView;
/**
 * An example answer and the score (4 decimals) it must give.
 */
export type ScoreCase = { in: unknown, score: string, };
export type ScoreResult = { framework: FrameworkRef, core_version: string, 
/**
 * The request exactly as received: loading it again reproduces this result.
 */
request: ScoreRequest, unit: Unit, 
/**
 * Every indicator or item scored, with no errors.
 */
complete: boolean, 
/**
 * Ids of indicators or items with no usable answer.
 */
missing: Array<string>, errors: Array<FieldError>, 
/**
 * Decisions that applied to the assessment as a whole (D, F).
 */
notes: Array<Note>, scores: Scores, 
/**
 * The assessor's remark on the whole assessment (evidence, comment).
 */
remark: string, };
export type Scores = { "kind": "banded" } & BandedScores | { "kind": "weighted" } & WeightedScores;
export type Scoring = { "thresholds": { input: ThresholdInput, thresholds: Array<string>, level_texts?: Array<Text>, 
/**
 * The result may instead be computed from an evaluation matrix.
 */
matrix?: Matrix | null, 
/**
 * The result may instead be computed from per-unit reports.
 */
reports?: Reports | null, } } | { "named_levels": { levels: Array<NamedLevel>, } } | { "level": { level_texts?: Array<Text>, } };
export type ScoringView = { "kind": "thresholds", input: ThresholdInput, thresholds: Array<string>, level_texts: Array<Text>, matrix: MatrixView | null, reports: Reports | null, } | { "kind": "named_levels", levels: Array<NamedLevel>, } | { "kind": "level", level_texts: Array<Text>, };
export type SetAside = { entry: EntryRef, why: Text, };
export type SharedDenominator = { id: string, label: Text, 
/**
 * Percentage indicators whose denominator it is.
 */
indicators: Array<string>, };
/**
 * Where an assessment came from: a file, and the row of a sheet.
 */
export type Source = { file: string, 
/**
 * The spreadsheet row (the header is row 1), for rows of a CSV.
 */
row: number | null, };
export type Summary = { 
/**
 * One per framework, fiscal year and round found, latest first.
 */
rounds: Array<RoundSummary>, 
/**
 * Entries left out of every count, and why.
 */
set_aside: Array<SetAside>, 
/**
 * Files and rows that could not be read as assessments.
 */
problems: Array<Problem>, 
/**
 * Groups of the same unit, fiscal year and round, for the user to resolve.
 */
duplicates: Array<Array<EntryRef>>, };
export type TargetView = { "kind": "fixed", value: string, } | { "kind": "previous_plus", points: string, } | { "kind": "previous_plus_growth" };
/**
 * Shared, not copied: a rubric's names and criteria appear in every result
 * scored against it, so a clone is a count, not an allocation.
 */
export type Text = { th: string, en: string, };
export type ThresholdInput = "percent" | "number";
/**
 * How many units went from one level to another.
 */
export type Transition = { from: number, to: number, count: number, };
/**
 * The input as the scorer understood it, kept exact: written as text only
 * when the result is written out.
 */
export type Understood = { 
/**
 * The percentage, count, level or result used for scoring.
 */
value: string | null, numerator: string | null, denominator: string | null, choice: string | null, label: Text | null, };
export type Unit = { province: string, district: string, tambon: string, organisation: string, round: number | null, 
/**
 * The Buddhist-era fiscal year: as given, or proposed from the date
 * (Decision G: 1 October to 30 September, named by the year it ends).
 */
fiscal_year: number | null, 
/**
 * Buddhist-era date, `YYYY-MM-DD`.
 */
date: string, assessor: string, position: string, };
/**
 * One unit, earlier and later.
 */
export type UnitComparison = { 
/**
 * As the later assessment names it.
 */
unit: UnitNames, before: RoundKey, after: RoundKey, 
/**
 * Each indicator or scored item, in rubric order.
 */
rows: Array<ChangeRow>, 
/**
 * The total (banded) or weighted score, when complete on that side.
 */
total: ChangeRow, level_before: number | null, level_after: number | null, };
/**
 * Which unit an assessment is about, as its file wrote it: what lists of
 * units show. Pairing and duplicates match by `UnitKey`.
 */
export type UnitNames = { framework: string, province: string, district: string, place: string, };
export type UnitReportScore = { name: string, 
/**
 * The form's header as understood (type of unit, report number and date).
 */
details: Array<DetailValue>, items: Array<ReportItemScore>, criteria: Array<CriterionScore>, 
/**
 * Whether the unit meets every criterion; none while an answer is missing.
 */
meets_all: boolean | null, warnings: Array<Note>, };
export type UnitRow = { entry: number, province: string, district: string, place: string, total: number, level: number, 
/**
 * Points per category, in rubric order.
 */
categories: Array<number>, };
export type ValueView = { "kind": "share", numerator: Text, denominator: Text, } | { "kind": "ratio", numerator: Text, denominator: Text, scale: string, } | { "kind": "count" } | { "kind": "mean_score", out_of: string, };
export type WeightedRubric = { 
/**
 * 100 for a whole agreement; a single KPI of an agreement carries its own weight (5).
 */
total_weight: string, below_level_one: BelowLevelOne, items: Array<Item>, };
export type WeightedScores = { items: Array<ItemScore>, total_weight: string, below_level_one: BelowLevelOne, 
/**
 * Σ weight × score / Σ weight, only when complete.
 */
weighted_score: string | null, 
/**
 * Σ weight × score / 100: the share of a 100-weight agreement, only when complete.
 */
contribution: string | null, 
/**
 * Σ weight × score / 100 over the items scored so far.
 */
partial_contribution: string, };
export type WeightedView = { total_weight: string, below_level_one: BelowLevelOne, items: Array<ItemView>, };
/**
 * A written range: `min`..`max`, each end inclusive unless marked exclusive;
 * a missing `min` is 0 and a missing `max` is unbounded.
 */
export type Written = { min?: string | null, max?: string | null, min_exclusive?: boolean, max_exclusive?: boolean, };
export type YesOrNo = "yes" | "no";
