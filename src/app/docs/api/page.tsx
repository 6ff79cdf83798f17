import type { Metadata } from "next";
import { buildOpenApiDocument } from "@/server/api/openapi-document";

export const metadata: Metadata = {
  title: "API",
  description: "API v1: the MLOps tool catalog, assessments with recommended stacks, and report exports.",
};

type Operation = {
  tags?: string[];
  summary?: string;
  parameters?: {
    name: string;
    in: string;
    required?: boolean;
    description?: string;
    schema?: { type?: string; enum?: string[] };
  }[];
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, { description: string }>;
};

const EXAMPLES: Record<string, string> = {
  "GET /api/v1/tools":
    "curl -s 'http://localhost:3000/api/v1/tools?cap=experiment-tracking&license=open-source&limit=10'",
  "POST /api/v1/assessments":
    'curl -s -X POST http://localhost:3000/api/v1/assessments \\\n  -H \'Content-Type: application/json\' \\\n  -d \'{"answers": {"ownership": "data-scientist", …}}\'',
  "GET /r/{id}/report.md": "curl -s -o stack.md http://localhost:3000/r/<id>/report.md",
};

function refName(ref: string | undefined) {
  return ref?.split("/").pop();
}

export default function ApiDocsPage() {
  const doc = buildOpenApiDocument() as unknown as {
    info: { title: string; version: string; description: string };
    paths: Record<string, Record<string, Operation>>;
  };
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  const tags = [...new Set(operations.flatMap((o) => o.op.tags ?? ["Other"]))];

  return (
    <div className="page-width py-10">
      <h1 className="text-3xl font-bold tracking-tight">
        {doc.info.title} <span className="text-lg font-normal text-ink-muted">v{doc.info.version}</span>
      </h1>
      <p className="mt-3 max-w-3xl text-ink-muted">{doc.info.description}</p>
      <p className="mt-3 text-sm">
        Machine-readable:{" "}
        <a href="/api/v1/openapi.json" className="text-accent underline">
          /api/v1/openapi.json
        </a>{" "}
        (OpenAPI 3.1, generated from the same schemas that validate requests). Errors are JSON:{" "}
        <code className="rounded bg-surface-muted px-1">{`{"error": {"code", "message", "issues": [{"path", "message"}]}}`}</code>
        . Writes and exports are rate limited per client (429 with <code>Retry-After</code>); while the database cannot
        be reached, requests that need it answer 503 with <code>Retry-After</code>.
      </p>
      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${tag}`} className="mt-10">
          <h2 id={`tag-${tag}`} className="text-xl font-semibold">
            {tag}
          </h2>
          <div className="mt-4 space-y-4">
            {operations
              .filter((o) => (o.op.tags ?? ["Other"]).includes(tag))
              .map(({ path, method, op }) => (
                <article
                  key={`${method} ${path}`}
                  className="rounded-lg border border-line p-4"
                  aria-label={`${method} ${path}`}
                >
                  <h3 className="font-mono text-sm">
                    <span
                      className={`mr-2 rounded px-1.5 py-0.5 font-semibold ${method === "GET" ? "bg-ok-soft text-ok" : "bg-accent-soft text-accent"}`}
                    >
                      {method}
                    </span>
                    {path}
                  </h3>
                  <p className="mt-2">{op.summary}</p>
                  {op.parameters && op.parameters.length > 0 ? (
                    <table className="mt-3 w-full border-collapse text-left text-sm">
                      <caption className="sr-only">Parameters</caption>
                      <thead>
                        <tr className="border-b border-line text-ink-muted">
                          <th scope="col" className="py-1 pr-2 font-medium">
                            Parameter
                          </th>
                          <th scope="col" className="py-1 pr-2 font-medium">
                            In
                          </th>
                          <th scope="col" className="py-1 font-medium">
                            Description
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {op.parameters.map((p) => (
                          <tr key={`${p.in}-${p.name}`} className="border-b border-line align-top last:border-b-0">
                            <td className="py-1 pr-2 font-mono">
                              {p.name}
                              {p.required ? " *" : ""}
                            </td>
                            <td className="py-1 pr-2">{p.in}</td>
                            <td className="py-1">
                              {p.description ??
                                (p.schema?.enum ? `One of: ${p.schema.enum.join(", ")}` : p.schema?.type)}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ) : null}
                  {op.requestBody ? (
                    <p className="mt-3 text-sm">
                      Body: <code>{Object.keys(op.requestBody.content).join(", ")}</code> ·{" "}
                      {refName(Object.values(op.requestBody.content)[0]?.schema.$ref) ?? "object"}
                    </p>
                  ) : null}
                  <ul className="mt-3 space-y-0.5 text-sm">
                    {Object.entries(op.responses).map(([code, response]) => (
                      <li key={code}>
                        <span className="font-mono font-semibold">{code}</span> {response.description}
                      </li>
                    ))}
                  </ul>
                  {EXAMPLES[`${method} ${path}`] ? (
                    <pre className="mt-3 overflow-x-auto rounded bg-surface-muted p-3 text-xs">
                      {EXAMPLES[`${method} ${path}`]}
                    </pre>
                  ) : null}
                </article>
              ))}
          </div>
        </section>
      ))}
    </div>
  );
}
