// Building DOM without markup strings: every text goes in as a text node.

export function h(tag, attrs, ...children) {
  const node = tag === "svg" || SVG_TAGS.has(tag)
    ? document.createElementNS("http://www.w3.org/2000/svg", tag)
    : document.createElement(tag);
  // for…in and a recursive append, not Object.entries and flat(Infinity):
  // the form's first frame builds ~800 nodes, and the arrays those made
  // were a seventh of its building time (43.5 → 37.3 ms, measured).
  for (const key in attrs) {
    if (!Object.hasOwn(attrs, key)) continue;
    const value = attrs[key];
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "value" || key === "checked") node[key] = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

const SVG_TAGS = new Set(["rect", "text", "g", "line", "title", "desc"]);

function append(node, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/**
 * Replaces the children of `node` with `children`. Text that is already
 * shown is left alone: on a keystroke most outputs say what they said, and
 * rewriting them would cost style, layout and paint for nothing.
 */
export function fill(node, ...children) {
  const list = children.flat(Infinity).filter((c) => c !== undefined && c !== null && c !== false);
  if (list.every((c) => !(c instanceof Node))) {
    const text = list.join("");
    const shown = node.childNodes.length === 0 ? "" : node.childNodes.length === 1 && node.firstChild.nodeType === Node.TEXT_NODE ? node.firstChild.data : null;
    if (shown === text) return node;
  }
  node.replaceChildren();
  append(node, list);
  return node;
}

/**
 * Replaces the text of `node` even when it says the same: the answer to an
 * action the user just took (pressed twice, the message is shown and
 * announced again).
 */
export function say(node, text) {
  node.replaceChildren(String(text));
  return node;
}

/** Runs `draw` only when `key` differs from the last key it drew (for tables and charts rebuilt from figures). */
export function redrawn(draw) {
  let last = null;
  return (key, ...args) => {
    if (key === last) return;
    last = key;
    draw(...args);
  };
}

let counter = 0;
/** A document-unique id for label and description links. */
/**
 * A field's place in a request as the core names it in errors and
 * `missing`: a JSON Pointer ("/answers/2.1.1/matrix/outcome-1"), since ids
 * contain dots.
 */
export function pointer(path) {
  return path.map((part) => `/${String(part).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/** The pointer of the field that holds `key`'s field, or "" at the top. */
export const parentPointer = (key) => key.slice(0, Math.max(0, key.lastIndexOf("/")));

export function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** Text as part of a file name: characters no file system takes, and spaces, become "_". */
export function fileSafe(text) {
  return text.replace(/[\\/:*?"<>|\s]+/g, "_");
}

/** Offers `text` as a file download, through a link placed in `root` (a shadow root). */
export function saveText(root, fileName, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h("a", { href: url, download: fileName, class: "visually-hidden" });
  root.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The media types of the files the views write. */
export const FILE_TYPES = { json: "application/json", csv: "text/csv;charset=utf-8" };

/** Whether this browser can hand a file of this name and type to the system share sheet. */
export function canShareFile(name, type) {
  try {
    return typeof navigator.canShare === "function" && navigator.canShare({ files: [new File([""], name, { type })] });
  } catch {
    return false;
  }
}

/**
 * Beside a download button, where the browser can share such a file, a
 * "Share…" button that opens the system share sheet (LINE, e-mail, Drive)
 * with `file()` — { name, text, type }. A browser may refuse a kind of file
 * only when asked to share it (Chrome refuses JSON): the file is then
 * downloaded, and the note beside the button says so.
 */
function withShare(root, download, [label, refused], probe, file) {
  if (!canShareFile(probe.name, probe.type)) return download;
  const note = h("span", { class: "share-note", role: "status" });
  const share = async () => {
    const { name, text, type } = file();
    fill(note);
    try {
      // The media type without parameters: share sheets match it exactly ("text/csv").
      await navigator.share({ files: [new File([text], name, { type: type.split(";")[0] })], title: name });
    } catch (err) {
      if (err?.name === "AbortError") return;
      saveText(root, name, text, type);
      fill(note, refused);
    }
  };
  return [download, h("button", { type: "button", class: "secondary share", id: `${download.id}-share`, disabled: download.disabled, onclick: share }, label), note];
}

/**
 * A download button for `file()` — { name, text, type } made when clicked —
 * of media type `type`, with "Share…" beside it where the browser can share
 * such a file (`words`: its label and the note when sharing is refused);
 * `saved(name)` runs after a download.
 */
export function downloadButton(root, { id, label, type, words, file, saved, className, disabled }) {
  const save = () => {
    const made = file();
    saveText(root, made.name, made.text, made.type);
    saved?.(made.name);
  };
  const button = h("button", { type: "button", id, class: className, disabled, onclick: save }, label);
  const ext = type === FILE_TYPES.json ? "json" : "csv";
  return withShare(root, button, words, { name: `x.${ext}`, type }, file);
}

/**
 * Runs `step` once the next frame is rendered (its style, layout and paint):
 * a task queued from that frame's callback, ahead of the tasks queued before
 * it (the sections built after the first frame, the core's compiling) where
 * the browser has `scheduler.postTask`, else a timer.
 */
export function afterNextPaint(step) {
  requestAnimationFrame(() => (globalThis.scheduler?.postTask ? scheduler.postTask(step, { priority: "user-blocking" }) : setTimeout(step)));
}

/** An open shadow root on `element`, styled by `styles` (CSS texts, in order). */
export function shadowWith(element, styles) {
  const root = element.attachShadow({ mode: "open" });
  root.adoptedStyleSheets = styles.map((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  });
  return root;
}

/**
 * A hidden file input that hands `onFiles` the files chosen, then clears
 * itself so the same file can be chosen again.
 */
export function fileInput(attrs, onFiles) {
  return h("input", {
    type: "file", class: "visually-hidden", ...attrs,
    onchange: (e) => {
      // An event from a shadow tree loses its target once dispatched: keep it.
      const input = e.target;
      const files = [...input.files];
      input.value = "";
      if (files.length) onFiles(files);
    },
  });
}
