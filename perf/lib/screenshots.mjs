// Photographs the learner's pages (perf/screenshots): node screenshots.mjs URL OUT_DIR.
// A learner first studies five algorithms questions and grades them (so the dashboard, the review
// queue and the marks have something to show); then every page is taken on a desktop (1280 × 800)
// and a phone (390 × 844), in the light and the dark theme, as OUT_DIR/PAGE-DEVICE-THEME.png.
import { chromium } from "playwright-core";
import path from "node:path";

const [base, out] = process.argv.slice(2);
if (!base || !out) {
  console.error("usage: node screenshots.mjs URL OUT_DIR");
  process.exit(2);
}

const devices = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
};

const ready = page => page.locator(".mud-layout[data-interactive], .mud-layout[data-static-ready]").first().waitFor({ state: "attached" });
const studyReady = page => page.locator("[data-testid=study][data-keys=ready]").waitFor();

// Each page: where it is, what to do there first, and whether only the screen (not the whole page) is taken.
const pages = [
  { name: "home", url: "/" },
  { name: "channel", url: "/channels/algorithms" },
  { name: "companies", url: "/companies" },
  { name: "search", url: "/search?q=how+does+tcp+handshake+work" },
  { name: "search-empty", url: "/search" },
  {
    name: "question-diagram", url: "/questions/ip-sd-001",
    act: async page => {
      await page.locator(".mermaid-diagram").first().scrollIntoViewIfNeeded();
      await page.locator(".mermaid-diagram[data-state=rendered], .mermaid-diagram[data-state=repaired]").first().waitFor({ timeout: 30000 });
      await page.evaluate(() => window.scrollTo(0, 0));
    },
  },
  {
    name: "diagram-full-screen", url: "/questions/ip-sd-001", screen: true,
    act: async page => {
      await page.locator(".mermaid-diagram").first().scrollIntoViewIfNeeded();
      await page.locator("[data-testid=diagram-full-screen]").first().click({ timeout: 30000 });
      await page.locator("dialog[data-testid=diagram-viewer][open]").waitFor();
    },
  },
  { name: "study-answer", url: "/study/databases", act: async page => { await studyReady(page); await page.keyboard.press("Space"); await page.locator("[data-testid=answer]").waitFor(); } },
  { name: "study-help", url: "/study/databases", screen: true, act: async page => { await studyReady(page); await page.keyboard.press("?"); await page.locator("dialog[data-testid=keyboard-help][open]").waitFor(); } },
  {
    name: "study-summary", url: "/study/networking?at=8",
    act: async page => {
      await studyReady(page);
      await page.keyboard.press("Space");
      await page.keyboard.press("3");
      await page.locator("[data-testid=self-grade-status]:not(:empty)").waitFor();
      await page.locator("[data-testid=finish]").click();
      await page.locator("[data-testid=session-summary]").waitFor();
    },
  },
  { name: "review", url: "/review", act: async page => { await page.locator("[data-testid=review-counts]").waitFor(); } },
  { name: "dashboard", url: "/dashboard", act: async page => { await page.locator("[data-testid=activity-year]").waitFor(); } },
  { name: "sign-in", url: "/Account/Login" },
];

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  // The learner's history: five questions studied and graded, one of them Again.
  const setup = await browser.newContext(devices.desktop);
  const page = await setup.newPage();
  await page.goto(`${base}/study/algorithms`);
  await studyReady(page);
  for (const grade of ["3", "1", "4", "3", "2"]) {
    await page.keyboard.press("Space");
    await page.locator("[data-testid=answer]").waitFor();
    await page.keyboard.press(grade);
    await page.locator("[data-testid=self-grade-status]:not(:empty)").waitFor();
    const position = await page.locator("[data-testid=study]").getAttribute("data-position");
    await page.keyboard.press("ArrowRight");
    await page.locator(`[data-testid=study]:not([data-position="${position}"])[data-keys=ready]`).waitFor();
  }
  const learner = await setup.storageState();
  await setup.close();

  for (const [device, options] of Object.entries(devices)) {
    for (const theme of ["light", "dark"]) {
      const context = await browser.newContext({ ...options, storageState: learner });
      await context.addCookies([{ name: "ip-theme", value: theme, url: base }]);
      for (const spec of pages) {
        const shot = await context.newPage();
        await shot.goto(`${base}${spec.url}`);
        await ready(shot);
        if (spec.act) await spec.act(shot);
        // Transitions and fonts settle before the picture.
        await shot.waitForTimeout(400);
        const file = path.join(out, `${spec.name}-${device}-${theme}.png`);
        await shot.screenshot({ path: file, fullPage: !spec.screen });
        console.error(`  ${path.basename(file)}`);
        await shot.close();
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
}
