import type { Horizon } from "@/domain/recommender/types";

export const HORIZON_LABELS: Record<Horizon, string> = { now: "now", next: "next stage", later: "later" };
