import { runInNewContext } from "node:vm";
import { describe, expect, test } from "vitest";
import { paintBeforeHydration } from "./paint-first";

const N = "0123456789abcdef0123456789abcdef";
const chunk = (name: string) => `/_next/static/chunks/${name}.js?dpl=v1`;
const asyncScript = (name: string) => `<script src="${chunk(name)}" async="" nonce="${N}"></script>`;

/** The shape Next 16 writes: chunk scripts and a preload in head, flight data and one more chunk in body. */
const page =
  `<!DOCTYPE html><html><head><meta charSet="utf-8"/>` +
  `<link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="${N}" data-precedence="next"/>` +
  `<link rel="preload" as="script" fetchPriority="low" nonce="${N}" href="${chunk("hint")}"/>` +
  `<link rel="preload" as="script" fetchPriority="low" nonce="${N}" href="${chunk("late")}"/>` +
  asyncScript("runtime") +
  asyncScript("main") +
  `<script nonce="${N}">theme()</script>` +
  `<script src="${chunk("polyfills")}" noModule="" nonce="${N}"></script>` +
  `</head><body><h1>Title</h1>` +
  `<script src="${chunk("late")}" nonce="${N}" async=""></script>` +
  `<script nonce="${N}">self.__next_f.push([1,"\\u003cp\\u003e"])</script>` +
  `<script src="https://example.com/other.js" async=""></script>` +
  `<script type="module" src="${chunk("module")}" async=""></script>` +
  `</body></html>`;

function loaderOf(html: string): string {
  const match = /<script(?: nonce="[0-9a-f]+")?>(\(function\(\)\{var d=document[\s\S]*?)<\/script><\/body>/.exec(html);
  if (!match) throw new Error("no loader before </body>");
  return match[1]!;
}

describe("paintBeforeHydration", () => {
  test("takes Next's chunk scripts and script preloads out of the page and lists them in one loader at the end of body", () => {
    const html = paintBeforeHydration(page);
    expect(html).not.toContain(asyncScript("runtime"));
    expect(html).not.toContain(asyncScript("main"));
    expect(html).not.toContain(`<script src="${chunk("late")}"`);
    expect(html).not.toContain(`rel="preload" as="script"`);
    const loader = loaderOf(html);
    // Scripts in document order; a preload whose script is listed is not repeated as a hint.
    expect(loader).toContain(`["${chunk("runtime")}","${chunk("main")}","${chunk("late")}"]`);
    expect(loader).toContain(`["${chunk("hint")}"]`);
    expect(html).toMatch(new RegExp(`<script nonce="${N}">\\(function`));
  });

  test("keeps everything else as it was: stylesheet, inline scripts, flight data, nomodule, foreign and module scripts", () => {
    const html = paintBeforeHydration(page);
    for (const kept of [
      `<link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="${N}" data-precedence="next"/>`,
      `<script nonce="${N}">theme()</script>`,
      `<script src="${chunk("polyfills")}" noModule="" nonce="${N}"></script>`,
      `<script nonce="${N}">self.__next_f.push([1,"\\u003cp\\u003e"])</script>`,
      `<script src="https://example.com/other.js" async=""></script>`,
      `<script type="module" src="${chunk("module")}" async=""></script>`,
      `<h1>Title</h1>`,
    ]) {
      expect(html).toContain(kept);
    }
  });

  test("returns a page without chunk scripts, or without a body end, unchanged", () => {
    const plain = `<html><head><script nonce="${N}">x()</script></head><body><p>hi</p></body></html>`;
    expect(paintBeforeHydration(plain)).toBe(plain);
    const cut = page.replace("</body></html>", "");
    expect(paintBeforeHydration(cut)).toBe(cut);
  });

  test("decodes &amp; in a source once, so the browser asks for the same URL the tag named", () => {
    const html = paintBeforeHydration(
      `<html><head><script src="/_next/static/chunks/x.js?a=1&amp;b=2" async=""></script></head><body></body></html>`,
    );
    expect(loaderOf(html)).toContain(`["/_next/static/chunks/x.js?a=1&b=2"]`);
  });
});

/** Runs the loader against a small stand-in for the browser's document and paint timing. */
function runLoader(options: { hidden?: boolean; paintTiming?: boolean }) {
  const added: { tag: string; src?: string; href?: string; nonce?: string }[] = [];
  const timers: (() => void)[] = [];
  let observer: ((list: { getEntriesByName(name: string): unknown[] }) => void) | undefined;
  let disconnected = false;
  class PerformanceObserver {
    static supportedEntryTypes = options.paintTiming === false ? ["mark"] : ["paint", "mark"];
    constructor(callback: typeof observer) {
      observer = callback;
    }
    observe() {}
    disconnect() {
      disconnected = true;
    }
  }
  const frames: (() => void)[] = [];
  const document = {
    visibilityState: options.hidden ? "hidden" : "visible",
    currentScript: { nonce: N },
    createElement: (tag: string) => ({ tag }) as (typeof added)[number],
    head: { appendChild: (element: (typeof added)[number]) => added.push(element) },
  };
  const window = {
    PerformanceObserver: options.paintTiming === false ? undefined : PerformanceObserver,
    requestAnimationFrame: (f: () => void) => frames.push(f),
  };
  runInNewContext(loaderOf(paintBeforeHydration(page)), {
    document,
    window,
    setTimeout: (f: () => void) => timers.push(f),
    requestAnimationFrame: window.requestAnimationFrame,
  });
  return {
    added,
    timers,
    frames,
    paint: (names: string[]) => observer?.({ getEntriesByName: (n) => names.filter((x) => x === n) }),
    disconnected: () => disconnected,
  };
}

describe("the loader", () => {
  test("adds nothing before the first contentful paint is reported, then the scripts in order and the hints", () => {
    const browser = runLoader({});
    expect(browser.added).toEqual([]);
    browser.paint(["first-paint"]);
    // The safety-net timer is queued first; the paint has not been reported yet, so nothing else is.
    expect(browser.timers).toHaveLength(1);
    browser.paint(["first-contentful-paint"]);
    expect(browser.disconnected()).toBe(true);
    expect(browser.timers).toHaveLength(2);
    browser.timers[1]!();
    expect(browser.added.map((e) => [e.tag, e.src ?? e.href, e.nonce])).toEqual([
      ["script", chunk("runtime"), N],
      ["script", chunk("main"), N],
      ["script", chunk("late"), N],
      ["link", chunk("hint"), N],
    ]);
    // The safety net firing later adds nothing twice.
    browser.timers[0]!();
    expect(browser.added).toHaveLength(4);
  });

  test("loads at once in a hidden tab, which paints nothing", () => {
    const browser = runLoader({ hidden: true });
    expect(browser.added).toHaveLength(4);
    expect(browser.timers).toHaveLength(0);
  });

  test("without paint timing, waits for the next animation frame instead", () => {
    const browser = runLoader({ paintTiming: false });
    expect(browser.frames).toHaveLength(1);
    browser.frames[0]!();
    expect(browser.added).toHaveLength(0);
    browser.timers.at(-1)!();
    expect(browser.added).toHaveLength(4);
  });
});
