/**
 * Web performance as a phone user gets it: a real Chromium with APPLIED throttling (Chrome DevTools Protocol: every
 * request delayed by 150 ms and the link shaped to 1.6 Mbit/s down / 750 kbit/s up, the main thread slowed 4×),
 * a phone viewport, and a cold cache per run. Unlike Lighthouse's simulation, nothing is estimated: the browser
 * really is that slow, and the figures are what its own Performance APIs report.
 *
 * "Usable" is the first frame in which the page's main control both is painted and will do its job when used:
 * - /assess: the first question's first option is on screen and enabled (a native radio in a form that submits to
 *   the server needs no script; one in a disabled fieldset, or whose answer only React keeps, waits for hydration);
 * - /catalog: a facet checkbox is on screen and checking it applies the filter: React handles its change, or the
 *   form has a visible submit button that applies it without scripts;
 * - /r/<id>: the first pick's "why" opens to show its explanation: it is in the page already (a native
 *   `<details>`), or React handles the toggle that draws it.
 * A control "handled by React" is detected by the props React attaches to hydrated elements; that is a React
 * internal, acceptable in a benchmark (the functional check after each run would notice it going wrong).
 * After the measurement each run also uses the control for real and checks that it worked; on /assess the probe
 * answers the first question in the very frame it became usable, and the check after load makes sure that answer
 * was kept and counted (an answer given before hydration and then lost is not "usable").
 */
import type { Browser, Page } from "playwright-core";

export type ThrottleProfile = {
  latencyMs: number;
  downloadBitsPerSecond: number;
  uploadBitsPerSecond: number;
  cpuSlowdown: number;
};

/** The profile issue 18 asks for: a mid-range phone on a slow 4G link. */
export const PHONE_PROFILE: ThrottleProfile = {
  latencyMs: 150,
  downloadBitsPerSecond: 1.6e6,
  uploadBitsPerSecond: 750e3,
  cpuSlowdown: 4,
};

/** Lighthouse's mobile device (Moto G Power), so both measurements look at the same screen. */
const PHONE_CONTEXT = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
  userAgent:
    "Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.0.0 Mobile Safari/537.36",
};

export type UsableCheck = "assess" | "catalog" | "report" | null;

export type PageRun = {
  fcp: number;
  lcp: number;
  /** Milliseconds from navigation start to the first frame where the control is usable; null if never. */
  usable: number | null;
  /** What the real interaction after the measurement found ("ok" or what went wrong). */
  works: string;
};

/**
 * Runs in the page before any of its scripts: records LCP, and checks every animation frame whether the page's
 * main control is usable yet. Plain JavaScript (it is injected as a string).
 */
const PROBE = String.raw`(() => {
  const bench = (window.__bench = { lcp: 0, usable: null });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.lcp = entry.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
  const reactHandled = (el, prop) => {
    if (!el) return false;
    const key = Object.keys(el).find((k) => k.startsWith("__reactProps$"));
    return Boolean(key && el[key] && typeof el[key][prop] === "function");
  };
  const painted = (el) => {
    if (!el || !el.isConnected) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden";
  };
  const checks = {
    assess() {
      const input = document.querySelector("fieldset[id^='q-'] input");
      if (!painted(input) || input.disabled || input.closest("fieldset:disabled")) return false;
      const form = input.form;
      // A native step: the form goes to the server by itself. Otherwise the answer lives in React's state only.
      const native = form && form.getAttribute("method") === "get" && form.getAttribute("action");
      return Boolean(native) || reactHandled(input, "onChange");
    },
    catalog() {
      const box = document.querySelector("form[role='search'] input[type='checkbox']");
      if (!box || box.disabled) return false;
      // On a phone the filters fold into a <details>: its summary (which opens natively) is what must be on screen.
      const panel = box.closest("details:not([open])");
      if (!painted(panel ? panel.querySelector("summary") : box)) return false;
      const submit = box.form && box.form.querySelector("button[type='submit'], button:not([type])");
      return Boolean(submit) || reactHandled(box, "onChange");
    },
    report() {
      const details = document.querySelector("[data-capability] details");
      if (!details || !painted(details.querySelector("summary"))) return false;
      const drawn = details.querySelector("table");
      return Boolean(drawn) || reactHandled(details, "onToggle");
    },
  };
  // (No document element exists yet when this runs: the page's check comes from the script before this one.)
  const check = checks[window.__benchCheck];
  if (!check) return;
  const tick = () => {
    if (bench.usable !== null) return;
    if (check()) {
      bench.usable = performance.now();
      // On the questionnaire the user answers at once: the answer must survive hydration (checked after load).
      if (window.__benchCheck === "assess")
        document.querySelector("fieldset[id^='q-'] input").click();
    } else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

async function applyThrottling(page: Page, profile: ThrottleProfile) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: profile.latencyMs,
    downloadThroughput: profile.downloadBitsPerSecond / 8,
    uploadThroughput: profile.uploadBitsPerSecond / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpuSlowdown });
}

/** Uses the control for real, after the page has settled, and says whether it did its job. */
async function tryControl(page: Page, check: UsableCheck): Promise<string> {
  if (check === "assess") {
    // Answered by the probe the moment it became usable, before the page had settled.
    const question = page.locator("fieldset[id^='q-']").first();
    if (!(await question.getByRole("radio").first().isChecked())) return "the early answer was lost";
    await page.getByRole("button", { name: "Next", exact: true }).click();
    // Going on with the rest unanswered: the wizard must complain about the others, not about the answered one.
    await page.locator("[aria-invalid='true']").first().waitFor({ timeout: 10_000 });
    return (await question.getAttribute("aria-invalid")) === "true" ? "the early answer was not counted" : "ok";
  }
  if (check === "catalog") {
    const heading = page.locator("#results-heading");
    const before = await heading.innerText();
    const box = page.locator("form[role='search'] input[type='checkbox']").first();
    if (!(await box.isVisible())) await page.locator("details:has(form[role='search']) > summary").click();
    await box.check();
    // Where the change does not apply by itself, the form's button does.
    await page.waitForTimeout(1000);
    if ((await heading.innerText()) === before) {
      await page
        .locator("form[role='search'] button[type='submit']")
        .first()
        .click({ timeout: 5_000 })
        .catch(() => undefined);
    }
    try {
      await page.waitForFunction((text) => document.querySelector("#results-heading")?.textContent !== text, before, {
        timeout: 15_000,
      });
      return "ok";
    } catch {
      return "the results did not change";
    }
  }
  if (check === "report") {
    const details = page.locator("[data-capability] details").first();
    await details.locator("summary").click();
    try {
      await details.locator("table").waitFor({ timeout: 10_000 });
      return "ok";
    } catch {
      return "the explanation did not appear";
    }
  }
  return "ok";
}

/** One cold, throttled page load: FCP, LCP and the moment the page's main control became usable. */
export async function measureThrottledLoad(
  browser: Browser,
  url: string,
  check: UsableCheck,
  profile: ThrottleProfile = PHONE_PROFILE,
): Promise<PageRun> {
  const context = await browser.newContext(PHONE_CONTEXT);
  try {
    const page = await context.newPage();
    await applyThrottling(page, profile);
    await page.addInitScript(`window.__benchCheck = ${JSON.stringify(check)};`);
    await page.addInitScript(PROBE);
    await page.goto(url, { waitUntil: "load", timeout: 120_000 });
    await page.waitForLoadState("networkidle", { timeout: 120_000 });
    // LCP is final once the user interacts; let late frames land first.
    await page.waitForTimeout(500);
    const measured = await page.evaluate(() => {
      const bench = (window as unknown as { __bench: { lcp: number; usable: number | null } }).__bench;
      const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN;
      return { fcp, lcp: bench.lcp, usable: bench.usable };
    });
    const works = await tryControl(page, check).catch((error: unknown) =>
      error instanceof Error ? error.message.split("\n")[0]! : "the control could not be used",
    );
    return { ...measured, works };
  } finally {
    await context.close();
  }
}
