import { SHORTCUT_SECTIONS } from './shortcut-sections.ts';
import { ShortcutKeys } from './shortcut-keys.tsx';

/** The panel's body: each section's shortcuts as a definition list, keys then meaning. */
export default function ShortcutList() {
  return (
    <div className="shortcuts__sections">
      {SHORTCUT_SECTIONS.map((section, i) => (
        <section
          key={section.title}
          className="shortcuts__section"
          aria-labelledby={`shortcuts-${i}`}
        >
          <h3 id={`shortcuts-${i}`} className="shortcuts__heading">
            {section.title}
          </h3>
          {section.context ? <p className="shortcuts__context">{section.context}</p> : null}
          <dl className="shortcuts__list">
            {section.shortcuts.map((s) => (
              <div key={s.keys + s.label} className="shortcuts__row">
                <dt>
                  <ShortcutKeys keys={s.keys} />
                </dt>
                <dd>{s.label}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
