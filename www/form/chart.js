// A small inline SVG bar chart: one bar per category (or top-level item),
// its share of the maximum, labelled with the value. No chart library.

import { h } from "./dom.js";

/** bars: [{ label, value, max, text }] */
export function barChart(title, bars) {
  const rowHeight = 28;
  const labelWidth = 180;
  const barWidth = 260;
  const height = bars.length * rowHeight + 8;
  const svg = h("svg", {
    viewBox: `0 0 ${labelWidth + barWidth + 70} ${height}`,
    role: "img",
    "aria-label": title,
    class: "chart",
  }, h("title", {}, title));
  bars.forEach((bar, i) => {
    const y = 4 + i * rowHeight;
    const share = bar.max > 0 ? Math.max(0, Math.min(1, bar.value / bar.max)) : 0;
    svg.append(
      h("text", { x: 0, y: y + 18, class: "chart-label" }, bar.label.length > 26 ? `${bar.label.slice(0, 25)}…` : bar.label),
      h("rect", { x: labelWidth, y: y + 4, width: barWidth, height: 18, class: "chart-track", rx: 3 }),
      h("rect", { x: labelWidth, y: y + 4, width: Math.round(barWidth * share), height: 18, class: "chart-bar", rx: 3 }),
      h("text", { x: labelWidth + barWidth + 8, y: y + 18, class: "chart-value" }, bar.text),
    );
  });
  return svg;
}
