import type { Command } from 'commander';
import { commandSummary } from './summaries.js';
import { badInput } from '../../domain/errors.js';
import { renderJson } from '../../render/json.js';
import type { CommandContext } from '../context.js';
import { addExamples } from '../help.js';

/** `llm-plan schema NAME`: the JSON Schema of a document llm-plan prints (or, for check-file, reads). */
export function registerSchemaCommand(program: Command, { io }: CommandContext): void {
  addExamples(program.command('schema').description(commandSummary('schema')), io, [
    ['llm-plan schema plan', 'the JSON Schema of llm-plan --json'],
    ['llm-plan schema check-file', 'the schema of a check config file'],
    ['llm-plan schema --list', 'every schema name'],
  ])
    .argument('[name]', 'the document kind')
    .option('--list', 'list the schema names, one a line')
    .option('--json', 'with --list: the names as an llm-plan/schema-list@1 document (a schema is JSON already)')
    .action(async (name: string | undefined, options: { list?: boolean; json?: boolean }) => {
      // zod is loaded here only: the planning path never pays for it (DESIGN §6).
      const { createJsonSchema, listSchemaNames } = await import('../../domain/schemas/json-schema.js');
      if (options.list && name !== undefined) throw badInput('give a schema name or --list, not both');
      if (options.list && options.json) return io.stdout(renderJson({ schema: 'llm-plan/schema-list@1', names: listSchemaNames() }));
      if (options.list) return io.stdout(listSchemaNames().map((schemaName) => `${schemaName}\n`).join(''));
      if (name === undefined) {
        throw badInput('which schema? name one', `llm-plan schema takes one of: ${listSchemaNames().join(', ')}`);
      }
      io.stdout(renderJson(createJsonSchema(name)));
    });
}
