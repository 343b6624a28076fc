// Input widgets. Each writes what the user typed, as typed, into the
// request at its path; the core reads Thai digits, "%", "1,005" and spaces.
// Number fields are text inputs with a numeric keypad (inputmode), because
// type="number" refuses Thai digits.

import { h, uid, pointer } from "./dom.js";

const key = pointer;

/** A labelled text input bound to `path`. */
export function textInput(ctx, path, label, options = {}) {
  const id = options.id || uid("f");
  const errorId = `${id}-error`;
  const input = h("input", {
    id,
    type: "text",
    inputmode: options.inputmode,
    autocomplete: options.autocomplete || "off",
    placeholder: options.placeholder,
    value: ctx.get(path) ?? "",
    "aria-describedby": errorId,
    "data-path": key(path),
    oninput: (event) => ctx.set(path, event.target.value),
  });
  const error = ctx.errorSlot(key(path), errorId);
  return h("div", { class: `field ${options.className || ""}` }, h("label", { for: id }, label), input, options.note, error);
}

/** A labelled text area bound to `path` (its label hidden where something else shows it). */
export function textArea(ctx, path, id, label, { rows = 3, labelClass } = {}) {
  const value = ctx.get(path);
  return [
    h("label", { for: id, class: labelClass }, label),
    h("textarea", { id, rows, "data-path": key(path), "aria-describedby": `${id}-error`,
      value: typeof value === "string" ? value : "", oninput: (event) => ctx.set(path, event.target.value) }),
    ctx.errorSlot(key(path), `${id}-error`),
  ];
}

/**
 * The assessor's remark (evidence, a comment) bound to `path`, folded away
 * until opened; open when there is one.
 */
export function remarkInput(ctx, path, label) {
  const value = ctx.get(path);
  return h("details", { class: "remark", open: typeof value === "string" && value.trim() !== "" },
    h("summary", {}, label),
    textArea(ctx, path, uid("remark"), label, { rows: 2, labelClass: "visually-hidden" }));
}

export const numberInput = (ctx, path, label, options = {}) =>
  textInput(ctx, path, label, { inputmode: "decimal", ...options });

/** A group of radio buttons bound to `path`; `choices` are [{ id, label }]. */
export function radioGroup(ctx, path, legend, choices, options = {}) {
  const name = uid("r");
  const current = ctx.get(path);
  const errorId = `${name}-error`;
  const inputs = choices.map((choice) => {
    const id = uid("c");
    return h("label", { for: id, class: "choice" },
      h("input", {
        id,
        type: "radio",
        name,
        value: choice.id,
        checked: current !== undefined && String(current) === String(choice.id),
        "data-path": key(path),
        onchange: () => ctx.set(path, choice.value ?? choice.id),
      }),
      h("span", {}, choice.label));
  });
  return h("fieldset", { class: `radios ${options.className || ""}`, "aria-describedby": errorId },
    h("legend", {}, legend), ...inputs, ctx.errorSlot(key(path), errorId));
}

/** Two radio buttons choosing how an answer is given; `onSelect(second)`. */
export function modeSwitch(legend, [first, second], secondChosen, onSelect) {
  const name = uid("m");
  const option = (label, isSecond) => {
    const id = uid("c");
    return h("label", { for: id, class: "choice" },
      h("input", { id, type: "radio", name, checked: secondChosen === isSecond, onchange: () => onSelect(isSecond) }),
      label);
  };
  return h("fieldset", { class: "mode" },
    h("legend", { class: "visually-hidden" }, legend), option(first, false), option(second, true));
}

/**
 * A percentage typed directly or as two counts. Switching between the two
 * keeps what was typed in the other, so nothing is lost by a wrong tap.
 * The direct value goes at `path`, or at `path` + "value" when the answer is
 * an object with other keys beside it (a matrix indicator's "previous").
 */
export function percentOrCounts(ctx, path, label, options = {}) {
  const inObject = Boolean(options.inObject);
  const directPath = inObject ? [...path, "value"] : path;
  const answer = ctx.get(path);
  let counts = answer !== null && typeof answer === "object" && ("numerator" in answer || "denominator" in answer);
  const parts = (toCounts) => (toCounts ? ["numerator", "denominator"] : inObject ? ["value"] : null);
  const remembered = {};
  const body = h("div", { class: "percent-body" });
  const show = () => {
    body.replaceChildren(counts
      ? h("div", { class: "counts" },
          numberInput(ctx, [...path, "numerator"], options.numerator || ctx.t("numerator"), { inputmode: "numeric" }),
          h("span", { class: "over", "aria-hidden": "true" }, "/"),
          numberInput(ctx, [...path, "denominator"], options.denominator || ctx.t("denominator"), { inputmode: "numeric" }))
      : numberInput(ctx, directPath, `${label} (%)`));
  };
  const save = (mode) => {
    const keys = parts(mode);
    if (!keys) return ctx.get(path);
    return Object.fromEntries(keys.map((k) => [k, ctx.get([...path, k])]));
  };
  const restore = (mode, saved) => {
    const keys = parts(mode);
    if (!keys) return ctx.set(path, saved);
    for (const k of keys) ctx.set([...path, k], saved ? saved[k] : undefined);
  };
  const mode = (toCounts) => {
    if (toCounts === counts) return;
    remembered[counts] = save(counts);
    restore(counts, undefined);
    counts = toCounts;
    restore(counts, remembered[counts]);
    show();
  };
  show();
  return h("div", { class: "percent-field" },
    modeSwitch(label, [ctx.t("percent"), ctx.t("fromCounts")], counts, mode),
    body,
    inObject ? null : ctx.errorSlot(pointer(path)));
}

/**
 * Shows the choice the core understood when the answer was given another way
 * (a label such as "มีกองทุน", "มี", true) in a file that was loaded.
 */
export function syncRadios(container, path, value) {
  const radios = [...container.querySelectorAll(`input[type="radio"][data-path="${CSS.escape(path)}"]`)];
  if (value === undefined || value === null || radios.some((r) => r.checked)) return;
  for (const radio of radios) radio.checked = radio.value === String(value);
}
