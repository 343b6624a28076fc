#!/usr/bin/env bash
# Builds the tool and runs it: the WebAssembly core, the single-file page
# dist/khanaen.html (open it by double-click; it needs no network), and the
# native command line scoring an example.
source "$(dirname "$0")/lib.sh"
ensure_rust
ensure_node_packages
build_wasm
build_page
log "building the command line"
cargo build --profile cli -p khanaen-cli
log "the command line scores an example"
./target/cli/khanaen score examples/sorsochot-23-complete.json --csv --en | tail -n 3
page="$ROOT/dist/khanaen.html"
log "the form: $page"
if [ -n "${DISPLAY:-}" ] && command -v xdg-open >/dev/null; then
  xdg-open "$page" >/dev/null 2>&1 &
else
  echo "Open file://$page in a browser (it works offline, from a USB stick or a portal)."
fi
