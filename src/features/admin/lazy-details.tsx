"use client";

import { useState, type ReactNode } from "react";

/**
 * A `<details>` whose content is mounted the first time it is opened. The categories page lists some 75 closed
 * editors; rendering and hydrating every form up front made it the slowest admin page.
 */
export function LazyDetails({
  className,
  summary,
  summaryClassName,
  children,
}: {
  className?: string;
  summary: ReactNode;
  summaryClassName?: string;
  children: ReactNode;
}) {
  const [hasOpened, setHasOpened] = useState(false);
  return (
    <details className={className} onToggle={(event) => event.currentTarget.open && setHasOpened(true)}>
      <summary className={summaryClassName}>{summary}</summary>
      {hasOpened ? children : null}
    </details>
  );
}
