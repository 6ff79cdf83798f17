import { Badge, type BadgeTone } from "@/components/badge";
import { STATUS_LABELS } from "@/domain/catalog/labels";
import type { ToolStatus } from "@/domain/catalog/vocabulary";

const TONES: Record<ToolStatus, BadgeTone> = {
  active: "ok",
  maintenance: "warn",
  sunset: "danger",
  deprecated: "danger",
  renamed: "warn",
};

/** A tool's status in the admin tables (features do not import each other, so not the catalog's badge). */
export function ToolStatusBadge({ status }: { status: ToolStatus }) {
  return <Badge tone={TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}
