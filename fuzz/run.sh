#!/usr/bin/env bash
# Runs one fuzz target for a while with cargo-afl (AFL++), stable toolchain.
#
#   bash fuzz/run.sh TARGET [SECONDS]     # TARGET: tag, value or sentences
#
# Installs cargo-afl when missing (`cargo install cargo-afl`, then
# `cargo afl config --build` builds AFL++ from the crate's sources), makes
# the seeds from ../shared (fuzz/seeds.py) and fuzzes for SECONDS (600 by
# default) on one core. Findings go to fuzz/target/out/TARGET/default/
# (crashes/, hangs/); `fuzz_stats` there has the execs and paths.
# Each crash becomes a named test in crates/parse/tests/regressions.rs.
set -euo pipefail
cd "$(dirname "$0")"

target=${1:?usage: fuzz/run.sh tag|value|sentences [SECONDS]}
seconds=${2:-600}

if ! cargo afl --version >/dev/null 2>&1; then
    cargo install cargo-afl --locked
fi
cargo afl config --build >/dev/null 2>&1 || true
[ -d target/seeds/"$target" ] || (cd .. && python3 fuzz/seeds.py)
cargo afl build --release --quiet
mkdir -p target/out
# Shared development machines: no CPU frequency or core-dump settings.
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
export AFL_NO_AFFINITY=1
# A second run goes on from the first one's queue.
export AFL_AUTORESUME=1
exec cargo afl fuzz -i target/seeds/"$target" -o target/out/"$target" -V "$seconds" \
    target/release/"$target"
