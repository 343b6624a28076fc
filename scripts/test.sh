#!/usr/bin/env bash
# Runs every test: formatting and lints (native and wasm32), the native tests
# (units, SPEC tables, snapshots, property tests), the TypeScript declarations
# generated from the Rust types, the wasm-bindgen tests in headless Chromium,
# a typed use of the API checked by tsc, then the single-file page end to end.
source "$(dirname "$0")/lib.sh"
ensure_rust
ensure_node_packages
ensure_browsers

log "cargo fmt --check"
cargo fmt --all --check
log "clippy (native)"
cargo clippy --workspace --all-targets -- -D warnings
log "clippy (wasm32)"
cargo clippy -p khanaen -p khanaen-wasm --target wasm32-unknown-unknown --all-targets -- -D warnings
log "native tests"
cargo test --workspace
log "TypeScript declarations generated from the Rust types"
cargo test -p khanaen --features typescript --test typescript
log "WebAssembly tests in headless Chromium"
wasm-pack test --headless --chrome bindings --test wasm
build_wasm
build_page
log "the API's use type-checked against the package (tsc --noEmit)"
tsc -p tests/types
log "browser tests of the single-file page"
node --test tests/
