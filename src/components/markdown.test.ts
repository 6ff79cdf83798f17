import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { HOSTILE_MARKDOWN } from "../../tests/fixtures/hostile-markdown";
import { Markdown, safeHref } from "./markdown";

const render = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

/** Every attribute value of every tag, as [tag, attribute, value]. React writes well-formed, quoted attributes. */
function attributes(html: string): [string, string, string][] {
  const found: [string, string, string][] = [];
  for (const tag of html.matchAll(/<([a-z0-9]+)((?:\s+[a-z-]+="[^"]*")*)\s*\/?>/g)) {
    for (const attr of tag[2]!.matchAll(/([a-z-]+)="([^"]*)"/g)) found.push([tag[1]!, attr[1]!, attr[2]!]);
  }
  return found;
}

describe("Markdown", () => {
  test("renders what the catalog's descriptions use: bold, code, lists, links, tables", () => {
    const html = render(
      "Tracks **runs** with `mlflow.autolog()`.\n\n- one\n- two\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nSee [the docs](https://mlflow.org/docs).",
    );
    expect(html).toContain("<strong>runs</strong>");
    expect(html).toContain("<code>mlflow.autolog()</code>");
    expect(html).toMatch(/<ul>\s*<li>one<\/li>/);
    expect(html).toContain("<table>");
    expect(html).toContain('<a href="https://mlflow.org/docs" rel="noopener noreferrer nofollow">the docs</a>');
  });

  test.each(HOSTILE_MARKDOWN)("renders %j without injected elements or unsafe links", (source) => {
    const html = render(source);
    expect(html).not.toMatch(/<(script|img|iframe|svg|object|embed|style|div style|form|input)\b/i);
    for (const [tag, name, value] of attributes(html)) {
      expect(name, `${tag} ${name}`).not.toMatch(/^on/);
      expect(name).not.toBe("style");
      expect(name).not.toBe("src");
      if (name === "href") expect(value).toMatch(/^(https?:\/\/|mailto:)/);
    }
    for (const [, name, value] of attributes(html).filter(([tag]) => tag === "a"))
      if (name === "href" && !value.startsWith("mailto:"))
        expect(html).toContain(`href="${value}" rel="noopener noreferrer nofollow"`);
    expect(html).not.toMatch(/<h[12]\b/);
  });

  test("keeps the words of a dropped link or image", () => {
    expect(render("[inline](javascript:alert(1))")).toContain("<span>inline</span>");
    expect(render("![remote image](https://evil.example/t.png)")).toContain("<span>remote image</span>");
  });
});

describe("safeHref", () => {
  test.each([
    ["https://example.com/a?b=c", "https://example.com/a?b=c"],
    ["HTTP://EXAMPLE.COM", "http://example.com/"],
    ["mailto:team@example.com", "mailto:team@example.com"],
    ["javascript:alert(1)", null],
    [" javascript:alert(1)", null],
    ["java\tscript:alert(1)", null],
    ["data:text/html,x", null],
    ["//evil.example", null],
    ["/admin", null],
    ["https://", null],
  ])("%j → %j", (url, expected) => {
    expect(safeHref(url)).toBe(expected);
  });
});
