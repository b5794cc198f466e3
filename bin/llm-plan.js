#!/usr/bin/env node
import '../dist/llm-plan.js';
