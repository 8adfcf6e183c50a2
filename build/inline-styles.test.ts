import { describe, expect, it } from 'vitest';
import { moveInlineStyles, STYLE_ATTRIBUTE } from './inline-styles.ts';

describe('moveInlineStyles', () => {
  it('leaves no style attribute and styles each element by a rule on its declarations', () => {
    const html =
      '<div class="a" style="outline:none"><input type="radio" style="position:absolute;opacity:0"/>' +
      '<span style="outline:none">x</span></div>';
    const { html: moved, css } = moveInlineStyles(html);
    expect(moved).not.toMatch(/ style="/);
    expect(moved).toBe(
      `<div class="a" ${STYLE_ATTRIBUTE}="outline:none"><input type="radio" ${STYLE_ATTRIBUTE}="position:absolute;opacity:0"/>` +
        `<span ${STYLE_ATTRIBUTE}="outline:none">x</span></div>`,
    );
    const rules = css.split('\n').filter((line) => line.startsWith('['));
    expect(rules).toEqual([
      `[${STYLE_ATTRIBUTE}="outline:none"]{outline:none}`,
      `[${STYLE_ATTRIBUTE}="position:absolute;opacity:0"]{position:absolute;opacity:0}`,
    ]);
  });

  it("decodes React's entities in declarations and escapes quotes in the selector", () => {
    const { css } = moveInlineStyles(
      '<p style="font-family:&quot;A B&quot;, serif;content:&#x27;&amp;&#x27;">x</p>',
    );
    expect(css).toContain(
      `[${STYLE_ATTRIBUTE}="font-family:\\22 A B\\22 , serif;content:'&'"]{font-family:"A B", serif;content:'&'}`,
    );
  });

  it('writes no rule for markup without styles', () => {
    const { html, css } = moveInlineStyles('<p class="style">style="x"</p>');
    expect(html).toBe('<p class="style">style="x"</p>');
    expect(css.split('\n').filter((line) => line.startsWith('['))).toEqual([]);
  });
});
