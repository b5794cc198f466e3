#!/usr/bin/env bash
# Installs llm-plan from the repository the action came from (LLM_PLAN_SOURCE): a clean install
# from its lock file, a build, and the bin in a directory put on the job's PATH.
set -euo pipefail
source_dir="$(cd "${LLM_PLAN_SOURCE:?the llm-plan repository}" && pwd)"
(cd "$source_dir" && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent)
bin_dir="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/llm-plan-bin"
mkdir -p "$bin_dir"
ln -sf "$source_dir/bin/llm-plan.js" "$bin_dir/llm-plan"
echo "$bin_dir" >> "${GITHUB_PATH:?set by the runner}"
