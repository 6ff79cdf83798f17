import { Badge, type BadgeTone } from "@/components/badge";
import { STATUS_LABELS } from "@/domain/catalog/labels";
import type { ToolStatus } from "@/domain/catalog/vocabulary";

const STATUS_TONES: Record<ToolStatus, BadgeTone> = {
  active: "ok",
  maintenance: "warn",
  sunset: "danger",
  deprecated: "danger",
  renamed: "warn",
};

export function StatusBadge({ status }: { status: ToolStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}
