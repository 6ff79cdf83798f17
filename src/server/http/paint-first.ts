/**
 * Paint first, then hydrate: rewrites a server-rendered page so that the framework's scripts are requested only
 * once the browser has shown the page.
 *
 * Next writes its client chunks as `<script src async>` tags (and a few `<link rel="preload" as="script">` hints).
 * On a fast connection they arrive with the HTML and Chromium often runs them (React, the router, hydration: tens of
 * milliseconds of main-thread work) before its first frame; on a slow one they share the link with the HTML and the
 * stylesheet. Either way the text, which is all in the HTML, waits for JavaScript it does not need. Here those tags
 * are taken out and one small inline script at the end of `<body>` adds them back, in their order, as soon as the
 * browser reports its first contentful paint. Hydration starts a frame later than it would have at best; the page
 * reads at once, and links and forms work without scripts in the meantime.
 *
 * Only whole documents are rewritten (the page cache holds them); streamed responses keep Next's own tags.
 * See docs/decisions/011-paint-before-hydration.md.
 */

/** When the scripts load even if no paint was reported (a browser without paint timing that draws no frame). */
const SAFETY_NET_MS = 1000;

/** A `<script …></script>` with no content, or a `<link …/>`. */
const TAG = /<(script|link)\b([^<>]*?)\/?>(?:<\/script>)?/g;
const ATTRIBUTE = /([a-zA-Z-]+)(?:="([^"]*)")?/g;
/** Next's static client files: the only sources moved, so a page's own scripts are never touched. */
const NEXT_STATIC = /^\/_next\/static\/[^"'<>\s]+\.js(\?[^"'<>\s]*)?$/;

function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, name, value] of source.matchAll(ATTRIBUTE)) attributes.set(name!.toLowerCase(), value ?? "");
  return attributes;
}

function onlyHas(attributes: Map<string, string>, allowed: string[]): boolean {
  return [...attributes.keys()].every((name) => allowed.includes(name));
}

function decode(value: string): string {
  return value.replace(/&amp;/g, "&");
}

/** What a tag asks for, when it is one of Next's chunk scripts or script preloads; null otherwise. */
function deferrable(tag: string, name: string, attributeSource: string): { script?: string; preload?: string } | null {
  const attributes = attributesOf(attributeSource);
  if (name === "script") {
    const src = attributes.get("src");
    const isAsyncChunk =
      tag.endsWith("</script>") && attributes.has("async") && onlyHas(attributes, ["src", "async", "nonce"]);
    return isAsyncChunk && src && NEXT_STATIC.test(src) ? { script: decode(src) } : null;
  }
  const href = attributes.get("href");
  const isScriptPreload =
    attributes.get("rel") === "preload" &&
    attributes.get("as") === "script" &&
    onlyHas(attributes, ["rel", "as", "href", "fetchpriority", "nonce"]);
  return isScriptPreload && href && NEXT_STATIC.test(href) ? { preload: decode(href) } : null;
}

/**
 * Runs after the parser reached the end of `<body>`. Waits for the browser to report its first contentful paint
 * (the time the frame was shown, not merely drawn; where paint timing is missing, the next animation frame), then
 * adds the chunks and the preload hints. A hidden tab paints nothing, so it loads them at once.
 */
function loaderSource(scripts: string[], preloads: string[]): string {
  // JSON is valid JavaScript; `<` is escaped so that no "</script>" can end the inline script early.
  const json = (list: string[]) => JSON.stringify(list).replace(/</g, "\\u003c");
  return (
    `(function(){var d=document,n=d.currentScript&&d.currentScript.nonce,done=0,P=window.PerformanceObserver;` +
    `function add(t,a){var e=d.createElement(t);for(var k in a)e[k]=a[k];if(n)e.nonce=n;d.head.appendChild(e)}` +
    `function go(){if(done)return;done=1;` +
    `${json(scripts)}.forEach(function(u){add("script",{src:u,async:true})});` +
    `${json(preloads)}.forEach(function(u){add("link",{rel:"preload",as:"script",href:u})})}` +
    `function soon(){setTimeout(go,0)}` +
    `if(d.visibilityState==="hidden")return go();` +
    `setTimeout(go,${SAFETY_NET_MS});` +
    `if(P&&P.supportedEntryTypes&&P.supportedEntryTypes.indexOf("paint")>=0){` +
    `var o=new P(function(l){if(l.getEntriesByName("first-contentful-paint").length){o.disconnect();soon()}});` +
    `o.observe({type:"paint",buffered:true})}` +
    `else if(window.requestAnimationFrame)requestAnimationFrame(soon);else go()})();`
  );
}

/**
 * Returns the page with Next's chunk scripts and script preloads loaded after the first paint, or the page
 * unchanged when it has none (or no `</body>` to put the loader before).
 */
export function paintBeforeHydration(html: string): string {
  const bodyEnd = html.lastIndexOf("</body>");
  if (bodyEnd < 0) return html;

  const scripts: string[] = [];
  const preloads: string[] = [];
  let nonce: string | undefined;
  const rewritten = html.slice(0, bodyEnd).replace(TAG, (tag, name: string, attributeSource: string) => {
    const found = deferrable(tag, name, attributeSource);
    if (!found) return tag;
    nonce ??= attributesOf(attributeSource).get("nonce");
    if (found.script && !scripts.includes(found.script)) scripts.push(found.script);
    if (found.preload && !preloads.includes(found.preload)) preloads.push(found.preload);
    return "";
  });
  if (scripts.length === 0) return html;

  const hints = preloads.filter((href) => !scripts.includes(href));
  const nonceAttribute = nonce ? ` nonce="${nonce}"` : "";
  return `${rewritten}<script${nonceAttribute}>${loaderSource(scripts, hints)}</script>${html.slice(bodyEnd)}`;
}
