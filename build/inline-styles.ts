/**
 * The page's policy refuses inline `style` attributes, and React's server render writes some
 * (Radix's visually hidden inputs, a slider's thumb position). This moves each to a
 * `data-prerendered-style` attribute and writes one stylesheet rule per distinct value,
 * selecting it by that attribute, so the prerendered page looks as the client would render
 * it; src/app/prerendered-styles.ts turns them back into styles before hydration.
 */
export const STYLE_ATTRIBUTE = 'data-prerendered-style';

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&quot;': '"',
  '&#x27;': "'",
  '&#39;': "'",
  '&lt;': '<',
  '&gt;': '>',
};

const decode = (text: string) => text.replace(/&(amp|quot|#x27|#39|lt|gt);/g, (e) => ENTITIES[e]!);

/** A CSS string holding `text`, quoted. */
const cssString = (text: string) =>
  `"${text.replace(/["\\\n]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;

export function moveInlineStyles(html: string): { html: string; css: string } {
  const values = new Set<string>();
  const moved = html.replace(/ style="([^"]*)"/g, (_, value: string) => {
    values.add(value);
    return ` ${STYLE_ATTRIBUTE}="${value}"`;
  });
  const css = [...values]
    .map((value) => {
      const declarations = decode(value);
      return `[${STYLE_ATTRIBUTE}=${cssString(declarations)}]{${declarations}}`;
    })
    .join('\n');
  return {
    html: moved,
    css: `/* The prerendered first screen's inline styles (build/inline-styles.ts). */\n${css}\n`,
  };
}
