import { describeValue, diffEntries, isRecord } from "@/domain/admin/entry-diff";

/** A field-by-field table of what changed between two versions of an entry. Values are rendered as text only. */
export function DiffView({
  before,
  after,
  emptyText = "No field changed.",
}: {
  before: unknown;
  after: unknown;
  emptyText?: string;
}) {
  const changes = diffEntries(isRecord(before) ? before : null, isRecord(after) ? after : null);
  if (changes.length === 0) return <p className="text-sm text-ink-muted">{emptyText}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full table-fixed border-collapse text-left text-sm">
        <thead>
          <tr className="border-b border-line text-xs text-ink-muted">
            <th scope="col" className="w-40 py-1 pr-3 font-medium">
              Field
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Before
            </th>
            <th scope="col" className="py-1 font-medium">
              After
            </th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.field} className="border-b border-line align-top last:border-b-0">
              <th scope="row" className="py-1.5 pr-3 font-mono text-xs font-medium">
                {change.field}
              </th>
              <td className="py-1.5 pr-3">
                <del className="break-words whitespace-pre-wrap text-danger no-underline">
                  {describeValue(change.before)}
                </del>
              </td>
              <td className="py-1.5">
                <ins className="break-words whitespace-pre-wrap text-ok no-underline">
                  {describeValue(change.after)}
                </ins>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
