import { Badge } from "./badge";

/**
 * "May be out of date": the entry is past its review interval (src/domain/catalog/freshness.ts). Shown on tool pages,
 * catalog cards and report picks; `lastReviewed` adds the date to the tooltip.
 */
export function FreshnessBadge({ lastReviewed }: { lastReviewed?: string }) {
  return (
    <Badge
      tone="warn"
      title={
        lastReviewed
          ? `Last checked on ${lastReviewed}, longer ago than this entry's review interval: its facts may have changed.`
          : "Not checked within this entry's review interval: its facts may have changed."
      }
    >
      May be out of date
    </Badge>
  );
}
