#!/usr/bin/env node
require("../dist/llm-plan.cjs");
