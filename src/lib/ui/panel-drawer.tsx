import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import { create } from 'zustand';
import { Icon } from './icons.tsx';
import { NARROW, useMediaQuery } from './use-media-query.ts';
import './panel-drawer.css';

type PanelId = 'generate' | 'edit';

interface DrawerState {
  open: Record<PanelId, boolean>;
  setOpen: (id: PanelId, open: boolean) => void;
}

/** Which view's drawer is open (narrow screens only; wide ones always show the panel). */
export const usePanelDrawer = create<DrawerState>((set) => ({
  open: { generate: false, edit: false },
  setOpen: (id, open) => set((s) => ({ open: { ...s.open, [id]: open } })),
}));

interface PanelDrawerProps {
  id: PanelId;
  title: string;
  className: string;
  /** Focus anywhere inside (e.g. to preload what sending will need). */
  onFocus?: () => void;
  children: ReactNode;
}

/**
 * A view's side panel (prompt and settings). Wide: a column beside the work. Narrow: a sheet
 * that slides over it, opened by PanelToggle, closed by its button, Escape or the backdrop,
 * and out of the keyboard's way (inert) while closed, so the picture gets the full width.
 */
export function PanelDrawer({ id, title, className, onFocus, children }: PanelDrawerProps) {
  const narrow = useMediaQuery(NARROW);
  const open = usePanelDrawer((s) => s.open[id]);
  const setOpen = usePanelDrawer((s) => s.setOpen);
  const panel = useRef<HTMLElement>(null);
  const drawn = narrow && open;
  // Asked open where the panel is a column ("Edit the prompt" opens it on any screen): a
  // screen narrowed later starts with the sheet closed, over the picture it would hide.
  useEffect(() => {
    if (open && !narrow) setOpen(id, false);
  }, [open, narrow, id, setOpen]);
  useEffect(() => {
    if (!drawn) return;
    // The first field inside (the prompt), so typing can start at once; unless the sheet was
    // opened to show a field that already took the focus ("Change Quality" after a refusal).
    const fields = panel.current;
    if (fields?.contains(document.activeElement)) return;
    (
      fields?.querySelector('textarea') ?? fields?.querySelector<HTMLElement>('input, button')
    )?.focus();
  }, [drawn]);
  // Closed with the focus inside (sent: "Generate", "Apply edit"), the sheet turns inert and
  // the focus would fall to the page: it goes back to the preview that opened the sheet.
  const wasDrawn = useRef(drawn);
  useLayoutEffect(() => {
    const closed = wasDrawn.current && !drawn;
    wasDrawn.current = drawn;
    if (!closed || !narrow) return;
    const active = document.activeElement;
    if (active === null || active === document.body || panel.current?.contains(active)) {
      document.getElementById(`${id}-panel-toggle`)?.focus();
    }
  }, [drawn, narrow, id]);
  const close = () => {
    setOpen(id, false);
    document.getElementById(`${id}-panel-toggle`)?.focus();
  };
  return (
    <>
      <aside
        ref={panel}
        id={`${id}-panel`}
        className={`${className} panel-drawer`}
        data-open={drawn ? '' : undefined}
        aria-label={title}
        inert={narrow && !open}
        onFocus={onFocus}
        onKeyDown={(e) => {
          if (drawn && e.key === 'Escape' && !e.defaultPrevented) {
            e.stopPropagation();
            close();
          }
        }}
      >
        {/* The title is the panel's heading in both layouts; only the sheet shows it. */}
        <div className={drawn ? 'panel-drawer__header' : 'visually-hidden'}>
          <h2 className="panel-drawer__title">{title}</h2>
          {drawn ? (
            <button
              type="button"
              className="button button--ghost panel-drawer__close"
              aria-label={`Close ${title.toLowerCase()}`}
              onClick={close}
            >
              <Icon name="close" />
            </button>
          ) : null}
        </div>
        {children}
      </aside>
      {drawn ? <div className="panel-drawer__backdrop" aria-hidden="true" onClick={close} /> : null}
    </>
  );
}

/** The button that opens a view's drawer on narrow screens (hidden where the panel shows). */
export function PanelToggle({
  id,
  label,
  preview,
}: {
  id: PanelId;
  label: string;
  preview: string;
}) {
  const open = usePanelDrawer((s) => s.open[id]);
  const setOpen = usePanelDrawer((s) => s.setOpen);
  return (
    <button
      type="button"
      id={`${id}-panel-toggle`}
      className="panel-toggle"
      aria-expanded={open}
      aria-controls={`${id}-panel`}
      onClick={() => setOpen(id, true)}
    >
      <span className="panel-toggle__label">{label}</span>
      <span className="panel-toggle__preview">{preview}</span>
      <Icon name="edit" />
    </button>
  );
}
