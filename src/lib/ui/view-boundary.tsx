import { Component, type ErrorInfo, type ReactNode } from 'react';
import './view-boundary.css';

interface ViewBoundaryProps {
  /** The view's name, as the tab says it ("Gallery"). */
  title: string;
  children: ReactNode;
}

interface ViewBoundaryState {
  error: Error | null;
}

/**
 * Keeps a failure inside one view: if anything in it throws while rendering (a value no check
 * foresaw), that view says so and offers a way back, and the rest of the studio — the other
 * views, the header, the providers — goes on working. Without it React unmounts the page.
 */
export class ViewBoundary extends Component<ViewBoundaryProps, ViewBoundaryState> {
  override state: ViewBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ViewBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`[easel] The ${this.props.title} view failed:`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { title } = this.props;
    return (
      <section className="workspace view-failure" aria-label={title}>
        <div className="callout callout--danger" role="alert">
          <p className="callout__title">
            Something in the {title.toLowerCase()} could not be shown.
          </p>
          <p>
            Nothing was lost: your images, prompts and settings are kept. Try again, or reload
            Easel; the other views still work.
          </p>
          <p className="form-field__hint">{error.message}</p>
          <div className="view-failure__actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => this.setState({ error: null })}
            >
              Try again
            </button>
            <button type="button" className="button" onClick={() => location.reload()}>
              Reload Easel
            </button>
          </div>
        </div>
      </section>
    );
  }
}
