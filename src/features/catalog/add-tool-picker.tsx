"use client";

import { useRouter } from "next/navigation";
import { Combobox, type ComboboxOption } from "@/components/combobox";

/**
 * Compare's "Add a tool": a searchable list of the catalog's tools. Picking one opens the comparison with it added.
 * Before the page's scripts run it is a plain form: the typed text goes to the server, which finds the tool.
 */
export function AddToolPicker({ compared, options }: { compared: string[]; options: ComboboxOption[] }) {
  const router = useRouter();
  return (
    <form method="get" action="/compare" className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="tools" value={compared.join(",")} />
      <Combobox
        label="Add a tool"
        name="add"
        options={options}
        placeholder="Type a name or a capability"
        className="w-full max-w-sm"
        onSelect={(option) => router.push(`/compare?tools=${[...compared, option.value].join(",")}`)}
      />
      <noscript>
        <button type="submit" className="rounded-md bg-accent px-3 py-2 text-sm font-semibold text-accent-ink">
          Add
        </button>
      </noscript>
    </form>
  );
}
