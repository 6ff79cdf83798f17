import { Fragment } from "react";
import { describeWeakestAreas, type WeakestAreasInput } from "@/domain/report/weakest-areas";

/** The summary's sentence about the lowest-scoring dimensions (domain/report/weakest-areas.ts), names in bold. */
export function WeakestAreasSentence({ profile }: { profile: WeakestAreasInput }) {
  return describeWeakestAreas(profile).map((part, i) => (
    <Fragment key={i}>{typeof part === "string" ? part : <strong>{part.name}</strong>}</Fragment>
  ));
}
