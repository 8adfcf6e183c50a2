import type { KeyboardEvent, ReactNode } from 'react';
import type { StudioView } from '../lib/studio-view.ts';
import { VIEW_KEYS } from './shortcuts/app-shortcuts.ts';

// The studio's three workspaces as WAI-ARIA tabs with manual activation, written here rather
// than with Radix Tabs: the tab bar is on the first screen, and Radix Tabs brought its roving
// focus, collection and presence code (~8 KB gzip) into the entry chunk (issue 17 budget).

const tabId = (view: StudioView) => `workspace-tab-${view}`;
const panelId = (view: StudioView) => `workspace-panel-${view}`;

interface TabListProps {
  views: readonly { id: StudioView; label: string }[];
  value: StudioView;
  onChange: (view: StudioView) => void;
  onReach?: (view: StudioView) => void;
}

/** How long a drag rests on a tab before its view opens under it (a "spring-loaded" tab). */
const SPRING_MS = 450;
let springTimer: ReturnType<typeof setTimeout> | undefined;
const cancelSpring = () => clearTimeout(springTimer);

/**
 * Arrows, Home and End move focus between tabs; Enter, Space or a click shows one. Something
 * dragged (a gallery image, a file) and held over a tab shows its view, so it can be dropped
 * there: the gallery and the editor are never on screen together.
 */
export function WorkspaceTabList({ views, value, onChange, onReach }: TabListProps) {
  function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    const tabs = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    const at = tabs.indexOf(document.activeElement as HTMLButtonElement);
    let next: number | undefined;
    if (step !== undefined && at >= 0) next = (at + step + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    tabs[next]!.focus();
  }
  return (
    <div
      role="tablist"
      aria-label="Workspace"
      aria-orientation="horizontal"
      className="shell__tabs"
      onKeyDown={moveFocus}
    >
      {views.map((v) => {
        const selected = v.id === value;
        return (
          <button
            key={v.id}
            type="button"
            role="tab"
            id={tabId(v.id)}
            aria-controls={panelId(v.id)}
            aria-selected={selected}
            data-state={selected ? 'active' : 'inactive'}
            className="shell__tab"
            // The selected tab is the one Tab reaches, also after a feature switched views.
            tabIndex={selected ? 0 : -1}
            // The view's key (app-shortcuts.ts), said on hover and to assistive technology.
            aria-keyshortcuts={VIEW_KEYS[v.id]}
            title={`${v.label} (${VIEW_KEYS[v.id]})`}
            onClick={() => onChange(v.id)}
            onPointerEnter={onReach && (() => onReach(v.id))}
            onFocus={onReach && (() => onReach(v.id))}
            onDragEnter={() => {
              cancelSpring();
              if (!selected) springTimer = setTimeout(() => onChange(v.id), SPRING_MS);
            }}
            onDragLeave={cancelSpring}
            onDrop={cancelSpring}
          >
            {v.label}
          </button>
        );
      })}
    </div>
  );
}

/** A workspace's panel: its view is mounted only while shown (as Radix Tabs did). */
export function WorkspacePanel(props: {
  view: StudioView;
  shown: StudioView;
  children: ReactNode;
}) {
  const active = props.view === props.shown;
  return (
    <div
      role="tabpanel"
      id={panelId(props.view)}
      aria-labelledby={tabId(props.view)}
      data-state={active ? 'active' : 'inactive'}
      hidden={!active}
      tabIndex={0}
      className="shell__view"
    >
      {active && props.children}
    </div>
  );
}
