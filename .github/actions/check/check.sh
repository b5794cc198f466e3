#!/usr/bin/env bash
# Runs llm-plan check on the action's inputs and decides the step's outcome from fail-on.
# The annotations and the job summary come from llm-plan itself (GITHUB_ACTIONS, GITHUB_STEP_SUMMARY).
set -uo pipefail
case "${LLM_PLAN_FAIL_ON:-violation}" in
  violation | invalid | never) ;;
  *)
    echo "::error title=llm-plan check::fail-on must be violation, invalid or never, not '${LLM_PLAN_FAIL_ON}'"
    exit 2
    ;;
esac
# Word splitting and globs are wanted: files is a space-separated list such as "plans.yaml configs/*.yaml".
# shellcheck disable=SC2086
llm-plan check ${LLM_PLAN_FILES:?files is required} --format "${LLM_PLAN_FORMAT:-table}"
code=$?
echo "exit-code=$code" >> "${GITHUB_OUTPUT:-/dev/null}"
# A code above 2 is llm-plan failing (70: a bug): it fails the step whatever fail-on says.
if [ "$code" -gt 2 ]; then exit "$code"; fi
case "${LLM_PLAN_FAIL_ON:-violation}" in
  violation) exit "$code" ;;
  invalid) if [ "$code" -eq 2 ]; then exit 2; else exit 0; fi ;;
  never) exit 0 ;;
esac
