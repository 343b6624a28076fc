# Shared by the scripts: paths, and installing what the build and tests need
# when it is missing. Sourced, not run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

log() { printf '\n==> %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# The wasm-bindgen CLI must match the crate version Cargo.lock pins.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock
}

ensure_rust() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
      rustup component add "$component"
    fi
  done
  local want
  want="$(wasm_bindgen_version)"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
    log "installing wasm-bindgen-cli $want (a few minutes, once)"
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
  if ! command -v wasm-pack >/dev/null; then
    log "installing wasm-pack (a few minutes, once)"
    cargo install wasm-pack --version 0.15.1
  fi
}

ensure_node_packages() {
  # binaryen gives wasm-opt; playwright-core drives Chromium in the tests.
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
    || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "installing npm packages"
    npm ci --no-audit --no-fund
  fi
}

ensure_browsers() {
  # Chromium and its driver; Firefox ESR and WebKitGTK (Safari's engine, with
  # its WebDriver and a virtual X display) for the cross-browser checks; Thai
  # fonts so that screenshots and printed PDFs show real glyphs; poppler to
  # read the PDFs back; LibreOffice Calc (headless, ~20 s to install) to open
  # the CSV exports as an officer's spreadsheet would.
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
    || ! command -v firefox-esr >/dev/null || ! command -v WebKitWebDriver >/dev/null \
    || ! command -v xvfb-run >/dev/null || ! command -v pdftotext >/dev/null \
    || ! command -v soffice >/dev/null \
    || ! fc-list 2>/dev/null | grep -i garuda >/dev/null; then
    log "installing Chromium, its driver, Firefox ESR, WebKitGTK, Xvfb, Thai fonts, poppler and LibreOffice Calc"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq \
      chromium chromium-driver firefox-esr webkit2gtk-driver xvfb xauth \
      fonts-thai-tlwg poppler-utils >/dev/null
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends \
      libreoffice-calc-nogui >/dev/null
  fi
}

build_wasm() {
  log "building the WebAssembly package (wasm-pack, wasm-opt)"
  wasm-pack build bindings --release --target web --out-dir ../dist/pkg --out-name khanaen
}

build_page() {
  log "building the single-file page"
  node www/build.mjs
}
