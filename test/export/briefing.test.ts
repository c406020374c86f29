// The briefing: self-contained HTML whose every sentence comes from the engine, whose every
// plan string is escaped, printed to an A4 PDF by Chromium and read back with poppler.
// Pages are left under test-results/briefing/ to be looked at.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { briefingHtml, escapeHtml } from '../../electron/export/briefing';
import { briefingPrintOptions, CHROMIUM_PATH, htmlToPdf, NO_CHROMIUM_MESSAGE } from '../../electron/export/pdf';
import { keyMessages } from '../../shared/briefing-messages';
import { simulateScenarios } from '../../shared/scenario-set';
import { monthName } from '../../shared/months';
import { formatMoney } from '../../shared/money';
import type { Plan } from '../../shared/plan';

const root = join(__dirname, '../..');
const demoPath = join(root, 'shared/demo/wmvru-plan.json');
const demo = (): Plan => JSON.parse(readFileSync(demoPath, 'utf8'));
const IDS = ['flat-june', 'cut-25-june'];
const DATE = new Date(2026, 4, 4);
const out = join(root, 'test-results/briefing');
const pounds = (pence: number) => formatMoney(pence, { wholePounds: true });
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('key messages come from the engine', () => {
  it('for the demo: closures, people, avoidability and the exposure until confirmation', () => {
    const set = simulateScenarios(demo(), IDS);
    const [flat, cut] = set.results;
    const fy2021 = (r: typeof flat) => r.years.find((y) => y.fy === 2021)!;
    const homeOffice = (id: string) =>
      set.scenarios
        .find((s) => s.id === id)!
        .streams.find((s) => s.id === 'ho-core')!
        .allocations.get(2021)!.amount;
    const share = `${(homeOffice('cut-25-june') / set.base.streams[0].allocations.get(2021)!.amount) * 100}%`;
    const messages = keyMessages(set).map((m) => m.text);
    expect(messages[0]).toBe(
      `If 2021/22 is confirmed in ${monthName(fy2021(flat).known)} at the planned level, no service closes, and the underwriter (OPCC) is exposed to ${pounds(fy2021(flat).atRisk)} until confirmation. ` +
        `Nothing is drawn from the underwriter; ${pounds(flat.totals.underspend)} of funding lapses unspent.`,
    );
    expect(messages[1]).toBe(
      `If 2021/22 is confirmed in ${monthName(fy2021(cut).known)} at ${share} of the planned Home Office funding, ${cut.totals.closures} services close, ` +
        `${cut.totals.usersLosingSupport} people lose support, none of them avoidably, and the underwriter (OPCC) is exposed to ${pounds(fy2021(cut).atRisk)} until confirmation. ` +
        `Over the plan, ${pounds(cut.totals.drawn)} is drawn from the underwriter, within its limit; ${pounds(cut.totals.underspend)} of funding lapses unspent.`,
    );
    expect(messages[2]).toBe(
      `Compared with A, B closes ${cut.totals.closures - flat.totals.closures} more services, leaves ${cut.totals.usersLosingSupport - flat.totals.usersLosingSupport} more people without support, ` +
        `and draws ${pounds(cut.totals.drawn - flat.totals.drawn)} more from the underwriter.`,
    );
    // The brief's own example, as the engine has it today.
    expect(messages[1]).toContain(
      'at 75% of the planned Home Office funding, 11 services close, 655 people lose support, none of them avoidably, and the underwriter (OPCC) is exposed to £566,120 until confirmation',
    );
  });

  it('words the other stances and levels from their results', () => {
    const set = simulateScenarios(demo(), ['base', 'no-grant', 'flat-june-prudent']);
    const [base, none, prudent] = keyMessages(set).map((m) => m.text);
    expect(base).toMatch(
      /^If 2020\/21 is confirmed in June 2020 as planned, no service closes, and the underwriter \(OPCC\) is exposed to £[\d,]+ until confirmation\./,
    );
    expect(none).toContain(
      `If 2021/22 is confirmed in April 2021 with no Home Office funding, ${set.results[1].totals.closures} services close`,
    );
    expect(prudent).toContain(`${set.results[2].totals.usersLosingSupport} people lose support, all of them avoidably`);
    expect(prudent).toContain(
      `Serving notice before the funding is known closes ${set.results[2].totals.avoidableClosures} services that waiting would have kept.`,
    );
  });
});

describe('the briefing HTML', () => {
  it('is one self-contained page: inline CSS and SVG, no script, a CSP that pins the style', () => {
    const html = briefingHtml(demo(), IDS, { date: DATE });
    expect(html).not.toMatch(/<script|<link|<iframe|<img|\bsrc=|\bhref=|url\(/i);
    expect(html.match(/<style>/g)).toHaveLength(1);
    // Two monthly charts, two bar charts, the cliff edges of 2021/22 and 2022/23 (2020/21’s deadlines had all passed).
    expect(html.match(/<svg /g)!.length).toBeGreaterThanOrEqual(2 + 2 + 2);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    const hash = createHash('sha256').update(style, 'utf8').digest('base64');
    expect(html).toContain(`content="default-src 'none'; style-src 'sha256-${hash}'"`);
    expect(html).not.toMatch(/ style="/);
    expect(style).toContain('size: A4');
    expect(style).toContain('counter(page) " of " counter(pages)');
  });

  it('escapes every plan-provided string, in HTML, SVG and the CSS of the page footer', () => {
    const plan = demo();
    plan.name = '</title><script>alert(1)</script>"; } body { display: none } /*';
    plan.scenarios![1].name = '"><img src=x onerror=alert(2)>';
    plan.scenarios![2].name = "<svg onload=alert(3)>&amp;'";
    plan.interventions[9].name = '<iframe src=javascript:alert(4)>';
    plan.fundingStreams[0].funder = '</style><script>alert(5)</script>';
    plan.underwriting!.by = '<b>OPCC</b>';
    const html = briefingHtml(plan, IDS, { date: DATE });
    expect(html).not.toMatch(/<script|<img|<iframe|<svg onload|<b>|<\/style><script/i);
    expect(html).toContain(escapeHtml(plan.interventions[9].name));
    expect(html).toContain('&lt;svg onload=alert(3)&gt;&amp;amp;&#39;');
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    expect(style).not.toContain('"; }');
    expect(style).not.toContain('</');
    expect(style).toContain('\\3c /title\\3e \\3c script\\3e alert(1)\\3c /script\\3e \\22 ; \\7d  body \\7b  display: none \\7d  /\\2a ');
  });
});

describe('the briefing of four scenarios', () => {
  const html = briefingHtml(demo(), ['base', 'cut-25-june', 'flat-june-prudent', 'no-grant'], { date: DATE });
  const plain = words(html.replace(/<[^>]+>/g, ' '));

  it('gives differences of shares in points and every share to one decimal', () => {
    expect(plain).toContain('-7.7 points');
    expect(plain).toContain('+43.8 points');
    expect(plain).not.toMatch(/[+-]\d+(\.\d+)?%/);
    expect(plain).toContain('100.0%');
    expect(plain).not.toMatch(/\d\.\d\d%/);
  });

  it('words the deadlines before the plan starts as passed, and draws no chart of them', () => {
    expect(plain).toContain(
      'For 2020/21, 21 services’ notice deadlines (1 January 2020 to 1 March 2020) had already passed before the plan starts',
    );
    expect(plain).not.toContain('For 2020/21, 21 services reach their notice deadline');
    expect(plain).toContain('2020/21: every notice deadline fell before the plan starts in April 2020; they had already passed');
    expect(html).not.toContain('aria-label="Notice deadlines for 2020/21');
  });

  it('names all four scenarios in the footer, two to a line', () => {
    expect(html).toContain(
      'A: Base   ·   B: 25% cut, confirmed in June\\a C: Flat grant, confirmed in June; notice served where unconfirmed   ·   D: No grant after March 2021',
    );
  });
});

/** Why the PDF cannot be printed here, or null. Missing tools fail the tests: CI installs them. */
function missingTools(): string | null {
  if (!existsSync(CHROMIUM_PATH)) {
    return `${CHROMIUM_PATH} is missing: install Chromium (apt-get update && apt-get install -y chromium) to print the briefing; CI installs it, so this test fails rather than skips`;
  }
  for (const tool of ['pdftoppm', 'pdftotext', 'pdfinfo']) {
    try {
      execFileSync(tool, ['-v'], { stdio: 'ignore' });
    } catch {
      return `${tool} is missing: install poppler-utils (apt-get install -y poppler-utils) to check the briefing's pages`;
    }
  }
  return null;
}

describe('the briefing PDF', () => {
  let text = '';
  let pages = 0;
  const missing = missingTools();
  beforeAll(async () => {
    if (missing) return;
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const html = briefingHtml(demo(), IDS, { date: DATE });
    const written = await htmlToPdf(html, join(out, 'briefing.pdf'));
    pages = written.pages;
    execFileSync('pdftoppm', ['-r', '80', '-png', join(out, 'briefing.pdf'), join(out, 'page')]);
    text = execFileSync('pdftotext', [join(out, 'briefing.pdf'), '-'], { encoding: 'utf8' });
  });
  beforeEach(() => {
    if (missing) throw new Error(missing);
  });

  it('is A4, a page per part, each page an image under test-results/briefing/', () => {
    const images = readdirSync(out).filter((f) => /^page-\d+\.png$/.test(f));
    expect(images).toHaveLength(pages);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages).toBeLessThanOrEqual(8);
    const info = execFileSync('pdfinfo', [join(out, 'briefing.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
    expect(info).toMatch(new RegExp(`Pages:\\s+${pages}\\b`));
  });

  it('carries the key messages, with the engine numbers', () => {
    const plain = words(text);
    const set = simulateScenarios(demo(), IDS);
    for (const message of keyMessages(set)) expect(plain).toContain(words(message.text));
    expect(plain).toContain(pounds(set.results[1].totals.drawn));
    expect(plain).toContain(formatMoney(set.results[1].totals.spend));
  });

  it('has the plan, the scenarios, the date and page numbers on its pages', () => {
    const sheets = text.split('\f').filter((p) => p.trim());
    expect(sheets).toHaveLength(pages);
    sheets.forEach((page, i) => {
      expect(words(page)).toContain(`Page ${i + 1} of ${pages}`);
      expect(words(page)).toContain('A: Flat grant, confirmed in June · B: 25% cut, confirmed in June');
      if (i > 0) expect(words(page)).toContain('West Midlands VRU: 2021/22 cliff edge');
      if (i > 0) expect(words(page)).toContain('Briefing · 4 May 2026');
    });
    expect(words(sheets[0])).toContain('West Midlands VRU: 2021/22 cliff edge What happens to services, people and the underwriter');
  });

  it('runs nothing from hostile names even in a browser with JavaScript on', async () => {
    const plan = demo();
    plan.name = '<img src=x onerror="window.pwned=1">';
    plan.scenarios![1].name = '<script>window.pwned=2</script>';
    plan.interventions[9].name = '<svg><script>window.pwned=3</script></svg>';
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.setContent(briefingHtml(plan, IDS, { date: DATE }));
      expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
      expect(await page.locator('h1').textContent()).toBe(plan.name);
      expect(dialogs).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('printing without Chromium', () => {
  it('says plainly when there is no Chromium to print with', async () => {
    await expect(htmlToPdf('<p>x</p>', join(out, 'never.pdf'), { executablePath: '/nonexistent/chromium' })).rejects.toThrow(
      NO_CHROMIUM_MESSAGE,
    );
    expect(existsSync(join(out, 'never.pdf'))).toBe(false);
    expect(NO_CHROMIUM_MESSAGE).toBe('Chromium or Electron is needed to print PDF; use --html instead');
  });

  it('gives Electron the same page: A4, the CSS page size, backgrounds, no Chromium header', () => {
    expect(briefingPrintOptions()).toEqual({
      pageSize: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: false,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
    });
  });
});

describe('headroom report', () => {
  it('writes the HTML and the PDF and says how long each took', async () => {
    const missing = missingTools();
    if (missing) throw new Error(missing);
    const lines: string[] = [];
    const errors: string[] = [];
    const io = { out: (t: string) => lines.push(t), err: (t: string) => errors.push(t) };
    mkdirSync(out, { recursive: true });
    const html = join(out, 'report.html');
    const pdf = join(out, 'report.pdf');
    expect(
      await runCli(['report', demoPath, '--scenario', 'flat-june', '--scenario', 'cut-25-june', '--html', html, '--pdf', pdf], io),
    ).toBe(0);
    expect(errors).toEqual([]);
    expect(lines[0]).toMatch(/^Wrote .*report\.html \(\d+\.\d KB\) in \d+ ms$/);
    expect(lines[1]).toMatch(/^Wrote .*report\.pdf \(\d+ A4 pages, \d+\.\d KB\) in [\d.]+ m?s$/);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const usage: string[] = [];
    expect(await runCli(['report', demoPath, '--scenario', 'flat-june'], { out: io.out, err: (t) => usage.push(t) })).toBe(1);
    expect(usage[0]).toMatch(/^headroom report: give --html OUT\.html, --pdf OUT\.pdf or both\nUsage: /);
  });
});
