/**
 * Keys as the panel shows them: "Ctrl+Shift+Z" → Ctrl + Shift + Z, each in its own <kbd>;
 * "Home / End" → two alternatives. A lone "+" is the plus key.
 */
export function ShortcutKeys({ keys }: { keys: string }) {
  const alternatives = keys.split(' / ');
  return (
    <span className="shortcut-keys">
      {alternatives.map((alt, i) => (
        <span key={alt}>
          {i > 0 ? <span className="shortcut-keys__or"> or </span> : null}
          {splitCombo(alt).map((part, j) => (
            <span key={j}>
              {j > 0 ? '+' : null}
              <kbd>{part}</kbd>
            </span>
          ))}
        </span>
      ))}
    </span>
  );
}

/** "Ctrl+Enter" → ["Ctrl", "Enter"]; "+" → ["+"]; "Space+drag" → ["Space", "drag"]. */
export function splitCombo(combo: string): string[] {
  if (combo === '+') return ['+'];
  return combo.split(/\+(?=.)/);
}
