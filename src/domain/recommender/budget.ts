import type { MaturityStage, TeamSize } from "../catalog/vocabulary";
import { teamPhrase } from "./texts";

/**
 * How many tools a team can run well (ADVICE.md rule 1): two people about five, a team of ten eight or nine; a
 * platform team of fifty can take on more. Libraries and services with nothing to operate (ops complexity 1) do not
 * count against it.
 */
export const RUN_CAPACITY: Record<TeamSize, number> = { solo: 5, small: 9, medium: 14, large: 24 };

/**
 * The most changes at once, by stage: a team building its first stack adopts a handful of tools; a mature team
 * changes a few things at a time, because every change must be rolled out, learnt and run.
 */
export const CHANGES_BY_STAGE: Record<MaturityStage, number> = { 1: 6, 2: 6, 3: 6, 4: 4 };

/** Even a team at capacity gets its most urgent changes (credentials in chat, models without monitoring). */
export const MIN_CHANGES = 2;

/**
 * The budget of NEW tools for "now": what the team can still take on beside what it already runs, within the
 * changes its stage can absorb. `running` counts the tools in use that take operating effort.
 */
export function nowBudget(teamSize: TeamSize, stage: MaturityStage, running = 0): { limit: number; why: string } {
  const room = RUN_CAPACITY[teamSize] - running;
  const changes = CHANGES_BY_STAGE[stage];
  const team = teamPhrase(teamSize);
  const Team = `${team.charAt(0).toUpperCase()}${team.slice(1)}`;
  if (room < changes) {
    const limit = Math.max(MIN_CHANGES, room);
    return {
      limit,
      why:
        running > 0
          ? `${Team} runs about ${RUN_CAPACITY[teamSize]} tools well and already runs ${running}: about ${limit} new ones at once.`
          : `${Team} runs about ${RUN_CAPACITY[teamSize]} tools well: about ${limit} new ones at once.`,
    };
  }
  return {
    limit: changes,
    why:
      stage === 1
        ? `A first stack is built a handful of tools at a time: about ${changes} at once.`
        : `At stage ${stage} much is in place: about ${changes} changes at once is what a team can absorb.`,
  };
}
