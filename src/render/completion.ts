/**
 * Shell completion scripts for bash, zsh and fish, one file per shell, generated from a
 * `CompletionSpec`.
 */
import { renderBashCompletion } from './completion-bash.js';
import { renderFishCompletion } from './completion-fish.js';
import { renderZshCompletion } from './completion-zsh.js';
import type { CompletionShell, CompletionSpec } from './completion-types.js';

/** The completion script for one shell. Ends in a newline. */
export function renderCompletion(shell: CompletionShell, spec: CompletionSpec): string {
  switch (shell) {
    case 'bash':
      return renderBashCompletion(spec);
    case 'zsh':
      return renderZshCompletion(spec);
    case 'fish':
      return renderFishCompletion(spec);
  }
}
