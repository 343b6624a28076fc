// The minimal page: pick an example or open a file, score it with the
// WebAssembly core, read the result, download JSON or CSV. Every string a
// user or a file supplies goes into the page as text, never as markup.

export function start(core, examples) {
  const $ = (id) => document.getElementById(id);
  const el = (tag, text, className) => {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  };
  const both = (t) => (t ? `${t.th} / ${t.en}` : "");

  $("version").textContent = core.version();
  for (const [name] of examples) $("example").append(el("option", name));
  const load = (text) => { $("request").value = text; render(); };
  $("example").addEventListener("change", () => load(examples.find(([n]) => n === $("example").value)[1]));
  $("file").addEventListener("change", async () => {
    const file = $("file").files[0];
    if (file) load(await file.text());
  });

  let lastResult = null;

  function render() {
    $("request-error").textContent = "";
    $("errors").replaceChildren();
    let result;
    try {
      result = core.importJson($("request").value);
    } catch (err) {
      lastResult = null;
      $("request-error").textContent = String(err.message || err);
      return;
    }
    lastResult = result;
    $("result-json").textContent = JSON.stringify(result, null, 2);
    for (const e of result.errors) $("errors").append(el("li", both(e.message)));
    const s = result.scores;
    const head = $("table").tHead;
    const body = $("table").tBodies[0];
    body.replaceChildren();
    head.replaceChildren();
    if (s.kind === "banded") {
      $("summary").textContent = s.total === null
        ? `ยังไม่ครบ: ${s.partial_total} คะแนน (ขาด ${result.missing.join(", ")}) / incomplete`
        : `รวม ${s.total} คะแนน · ระดับ ${s.level.level} ${both(s.level.name)}`;
      head.append(row(["#", "ตัวชี้วัด / indicator", "ค่า / value", "คะแนน / points", "เกณฑ์ / criterion", "หมายเหตุ / notes"], "th"));
      for (const i of s.indicators) {
        body.append(row([i.id, i.name.th, i.input ? (i.input.label ? i.input.label.th : i.input.value) : "",
          i.points ?? "–", i.criterion ? i.criterion.th : "", i.decisions.map((d) => d.text.th).join(" ")]));
      }
    } else {
      $("summary").textContent = s.weighted_score === null
        ? `ยังไม่ครบ (ขาด ${result.missing.join(", ")}) / incomplete`
        : `คะแนนถ่วงน้ำหนัก ${s.weighted_score} · weighted score`;
      head.append(row(["ข้อ / item", "ชื่อ / name", "น้ำหนัก / weight", "ผล / result", "คะแนน / score", "ผลคูณ / contribution", "หมายเหตุ / notes"], "th"));
      for (const i of s.items) {
        body.append(row([i.id, i.name.th, i.weight, i.result ?? "", i.score ?? "–", i.contribution ?? "",
          [...i.decisions, ...i.warnings].map((d) => d.text.th).join(" ")]));
      }
    }
  }

  function row(cells, tag = "td") {
    const tr = el("tr");
    for (const c of cells) tr.append(el(tag, c, /^[\d.–-]+$/.test(String(c)) ? "num" : undefined));
    return tr;
  }

  function download(name, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = el("a");
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function fileName(ext) {
    const u = lastResult.unit;
    const who = [u.province, u.district, u.tambon || u.organisation].filter(Boolean).join("-") || lastResult.framework.id;
    const safe = who.replace(/[\\/:*?"<>|\s]+/g, "_");
    return `${safe}_${u.date || "undated"}.${ext}`;
  }

  $("score").addEventListener("click", render);
  $("download-json").addEventListener("click", () => lastResult &&
    download(fileName("json"), core.exportJson(lastResult), "application/json"));
  $("download-csv").addEventListener("click", () => lastResult &&
    download(fileName("csv"), core.exportCsv(lastResult, "th"), "text/csv;charset=utf-8"));
  $("download-csv-en").addEventListener("click", () => lastResult &&
    download(fileName("en.csv"), core.exportCsv(lastResult, "en"), "text/csv;charset=utf-8"));

  load(examples[0][1]);
  $("status").textContent = "พร้อม / ready";
  document.body.dataset.ready = "true";
}
