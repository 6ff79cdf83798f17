/**
 * Validates content/ without touching a database: prints every problem with its file and path, and a summary of
 * the catalog when it is clean. Exit code 1 when anything is wrong.
 */
import path from "node:path";
import { formatContentIssue, integrationPairs } from "../src/domain/catalog/validate-catalog";
import { loadCatalogContent } from "../src/server/content/load-catalog-content";
import { loadQuestionnaires } from "../src/server/content/load-questionnaires";

const contentDir = path.resolve(process.argv[2] ?? "content");
const result = await loadCatalogContent(contentDir);
if (!result.ok) {
  for (const issue of result.issues) console.error(formatContentIssue(issue));
  console.error(`\n${result.issues.length} problem(s) in ${contentDir}`);
  process.exit(1);
}
const tools = result.value.tools.map((t) => t.tool);
const questionnaires = await loadQuestionnaires(contentDir);
if (!questionnaires.ok) {
  for (const issue of questionnaires.issues) console.error(formatContentIssue(issue));
  console.error(`\n${questionnaires.issues.length} problem(s) in ${contentDir}/questionnaires`);
  process.exit(1);
}
for (const q of questionnaires.value) {
  console.log(`questionnaire ${q.version}: ${q.questions.length} questions in ${q.dimensions.length} dimensions`);
}
console.log(
  `content OK: ${result.value.phases.length} phases, ${result.value.capabilities.length} capabilities, ` +
    `${tools.length} tools, ${integrationPairs(tools).length} integration links`,
);
