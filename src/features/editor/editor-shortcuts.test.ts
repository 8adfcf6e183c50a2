import { describe, expect, it } from 'vitest';
import { EDITOR_COMMANDS } from './commands/editor-commands.ts';
import { EDITOR_SHORTCUTS } from './editor-shortcuts.ts';

describe("the editor's shortcuts for the help panel", () => {
  it('list each editor command with the shortcut its key test answers to', () => {
    const listed = EDITOR_SHORTCUTS.flatMap((s) => s.shortcuts.map((x) => `${x.keys} ${x.label}`));
    const commands = EDITOR_COMMANDS.filter((c) => c.shortcut);
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands)
      expect(listed).toContain(`${command.shortcut} ${command.label}`);
  });
});
