import type { ReactNode } from 'react';
import { Brand } from '../panels/Brand.tsx';

interface Props {
  title: string;
  message: string;
  children?: ReactNode;
}

/** A full-page message: a refused link, an unknown workshop, a server out of reach. */
export function MessagePage({ title, message, children }: Props) {
  return (
    <main className="entry-page">
      <div className="entry-card" role="alert">
        <Brand />
        <h1 className="entry-heading">{title}</h1>
        <p className="entry-lead">{message}</p>
        <div className="entry-actions">
          {children}
          <a className="button button-secondary" href="/">
            Start a new workshop
          </a>
        </div>
      </div>
    </main>
  );
}

/** While a workshop opens: its session is checked and its board downloaded. */
export function OpeningPage() {
  return (
    <main className="entry-page" aria-busy="true">
      <p className="loading-text" role="status">
        Opening the workshop…
      </p>
    </main>
  );
}
