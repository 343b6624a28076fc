#!/usr/bin/env bash
# Prints the budgets' figures, each beside its aim: sizes of the .wasm after
# wasm-opt, of the single-file page and of the ES-module and web-app scripts
# (raw and gzipped); the time from opening the page to its first painted
# frame, beside an empty page, and from a keystroke to its painted frame; and
# 10,000 tambon rows read, scored and summarised by the CLI and in the page,
# beside a plain JavaScript loop. Builds first unless --no-build.
source "$(dirname "$0")/lib.sh"
if [ "${1:-}" != "--no-build" ]; then
  ensure_rust
  ensure_node_packages
  build_wasm >/dev/null 2>&1
  build_page >/dev/null
  cargo build --profile cli -p khanaen-cli >/dev/null 2>&1
fi
ensure_browsers
node scripts/bench-page.mjs
node scripts/bench-collection.mjs
node scripts/bench-rubric.mjs
