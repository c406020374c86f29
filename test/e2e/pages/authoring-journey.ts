// Building the authoring fixture from New plan, by mouse and typing: what a person types is
// read off the fixture (planSteps), so the journey and the file written by hand cannot drift
// apart. Each step of `MouseAuthor` leaves the app where a screenshot of it makes sense; the
// keyboard journey (authoring-keyboard.ts) takes the same steps from the same words.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Harness } from '../../../electron/harness/server';
import { fyOfMonth, formatFy, formatMonth, parseMonth } from '../../../shared/months';
import type { FundingStream, Intervention, Plan, Scenario } from '../../../shared/plan';
import { AuthoringApp, dateAsTyped } from './authoring-pages';
import { EditQuestionDialog } from './cost-editor';
import { FundingEditor } from './funding-screen';
import { NewPlanDialogPage, PlanScreen } from './plan-screen';
import { SheetImportDialogPage } from './sheet-import';

/** The test id suffix of an FY ("2023/24" → "2023-24"), as the guided start and Plan screen use it. */
export const fyKey = (fy: string) => fy.replace('/', '-');

/** How an allocation is confirmed, as chosen on Funding. */
export type Confirmation = { kind: 'date'; typed: string } | { kind: 'delay'; months: number } | { kind: 'fy-start' };

export function confirmationOf(allocation: FundingStream['allocations'][number]): Confirmation {
  if (allocation.confirmedOn) return { kind: 'date', typed: dateAsTyped(allocation.confirmedOn) };
  if (allocation.confirmDelay !== undefined) {
    if (typeof allocation.confirmDelay !== 'number') throw new Error(`${allocation.fy}: an uncertain delay is not in the fixture`);
    return { kind: 'delay', months: allocation.confirmDelay };
  }
  return { kind: 'fy-start' };
}

const LEVEL = /^=base \* (\d+(?:\.\d+)?)$/;

/** A scenario's stream changes as the Scenarios screen takes them: a level in % and a date as typed. */
export function scenarioChanges(scenario: Scenario): { stream: string; fy: string; percent?: number; confirmedOn?: string }[] {
  return (scenario.changes ?? []).map((change) => {
    if (!('stream' in change)) throw new Error(`${scenario.id}: only stream changes are built here`);
    const level = change.amount === undefined ? null : LEVEL.exec(String(change.amount));
    if (change.amount !== undefined && !level) throw new Error(`${scenario.id}: ${String(change.amount)} is not a level the slider sets`);
    return {
      stream: change.stream,
      fy: change.fy,
      percent: level ? Math.round(Number(level[1]) * 10_000) / 100 : undefined,
      confirmedOn: change.confirmedOn ? dateAsTyped(change.confirmedOn) : undefined,
    };
  });
}

/** The month before the plan's horizon starts, as "2023-03". */
export function madeIn(plan: Plan): string {
  return formatMonth(parseMonth(plan.horizon.start) - 1);
}

/** A stream's grant condition as a number (a formula would be typed differently). */
function shareOf(s: FundingStream): number | undefined {
  const share = s.conditions?.minCommissionedShare;
  if (typeof share === 'string') throw new Error(`${s.id}: the journey types a grant condition as a number`);
  return share;
}

/** What the journey types, read off the fixture. */
export function planSteps(fixture: Plan) {
  const [first, second, ...more] = fixture.fundingStreams;
  if (!first || !second || more.length) throw new Error('the journey builds exactly two streams');
  const variables = Object.entries(fixture.variables ?? {});
  if (variables.some(([, v]) => typeof v !== 'number')) throw new Error('the journey types variables as plain numbers');
  const underwriting = fixture.underwriting;
  if (!underwriting) throw new Error('the guided start asks for an underwriter and a limit');
  const startFy = formatFy(fyOfMonth(parseMonth(fixture.horizon.start)));
  const fys = first.allocations.map((a) => a.fy);
  const onlyNumbers = (s: FundingStream) =>
    s.allocations.map((a) => {
      if (typeof a.amount !== 'number') throw new Error(`${s.id} ${a.fy}: the guided start takes amounts only`);
      return { fy: a.fy, amount: String(a.amount), confirmation: confirmationOf(a) };
    });
  const ringFenced = fixture.fundingStreams.filter((s) => s.restrictedTo);
  /** What the sheet cannot carry: a cost formula, partner shares, a transition route. */
  const extras = fixture.interventions.filter(
    (i) => typeof i.annualCost === 'string' || i.partnerShares?.length || i.transition,
  ) as Intervention[];
  return {
    name: fixture.name,
    notes: fixture.notes ?? '',
    startFy,
    years: String(fixture.horizon.months / 12),
    underwriter: underwriting.by ?? '',
    limit: String(underwriting.limit),
    variables: variables.map(([name, value]) => ({ name, value: String(value) })),
    streams: [first, second].map((s) => ({
      id: s.id,
      name: s.name,
      funder: s.funder,
      kind: s.kind,
      condition: shareOf(s),
      allocations: onlyNumbers(s),
    })),
    fys,
    ringFences: ringFenced.map((s) => ({ stream: s.id, interventions: s.restrictedTo ?? [] })),
    extras,
    scenarios: (fixture.scenarios ?? []).map((s) => ({ id: s.id, name: s.name, stance: s.stance, changes: scenarioChanges(s) })),
  };
}

export type PlanSteps = ReturnType<typeof planSteps>;

/** The steps both journeys take, in order; each names what a person does. */
export interface AuthorSteps {
  newPlan(): Promise<void>;
  planSettings(): Promise<void>;
  firstStream(): Promise<void>;
  secondStream(): Promise<void>;
  importServices(csv: Buffer, fileName: string): Promise<void>;
  serviceExtras(): Promise<void>;
  ringFences(): Promise<void>;
  addScenarios(): Promise<void>;
  exportPlan(): Promise<Plan>;
}

export class MouseAuthor extends AuthoringApp implements AuthorSteps {
  steps!: PlanSteps;
  readonly newPlanDialog = new NewPlanDialogPage(this.page);
  readonly planScreen = new PlanScreen(this.page);
  readonly fundingEditor = new FundingEditor(this.page);
  readonly sheet = new SheetImportDialogPage(this.page);
  readonly question = new EditQuestionDialog(this.page);

  /** The app at 1280×800 on the demo plan, ready to build `fixture`; screenshots named `<prefix>-NN-…`. */
  static async start<T extends MouseAuthor>(
    this: new (context: BrowserContext, page: Page, harness: Harness) => T,
    browser: Browser,
    harness: Harness,
    fixture: Plan,
    prefix: string,
  ): Promise<T> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const app = new this(context, await context.newPage(), harness);
    app.steps = planSteps(fixture);
    app.shotPrefix = prefix;
    // The plan is made the month before its horizon starts (the guided start offers FYs around
    // "today"), whatever day the test runs on.
    await context.clock.setFixedTime(`${madeIn(fixture)}-15T10:00:00Z`);
    await app.beforeLoad();
    await app.page.goto(harness.url, { waitUntil: 'load' });
    await app.arriveOnOverview();
    return app;
  }

  /** Anything the journey sets up in the browser before the first page loads. */
  protected async beforeLoad(): Promise<void> {}

  /** Waits for the page File > New plan reloads onto, with the new plan's name in the title bar. */
  async arriveOnNewPlan(): Promise<void> {
    await this.page.waitForFunction((name) => document.querySelector('[data-testid="plan-name"]')?.textContent === name, this.steps.name);
    await this.page.getByTestId('screen-overview').waitFor();
    await this.waitForResults();
  }

  async newPlan(): Promise<void> {
    const s = this.steps;
    const [stream] = s.streams;
    await this.page.getByTestId('menu-file').click();
    await this.page.getByTestId('menu-new-plan').click();
    await this.newPlanDialog.dialog().waitFor();
    await this.page.getByTestId('new-plan-name').fill(s.name);
    await this.page.getByTestId('new-plan-start-fy').selectOption(s.startFy);
    await this.page.getByTestId('new-plan-years').fill(s.years);
    await this.page.getByTestId('new-plan-underwriter').fill(s.underwriter);
    await this.page.getByTestId('new-plan-limit').fill(s.limit);
    await this.page.getByTestId('new-plan-stream-name').fill(stream.name);
    await this.page.getByTestId('new-plan-stream-funder').fill(stream.funder);
    await this.page.getByTestId('new-plan-stream-kind').selectOption(stream.kind);
    for (const a of stream.allocations) await this.page.getByTestId(`new-plan-amount-${fyKey(a.fy)}`).fill(a.amount);
    await this.shot('guided-start');
    await this.page.getByTestId('new-plan-create').click();
    await this.arriveOnNewPlan();
  }

  /** Types into an inline field and presses Enter, then waits for the stored result. */
  async type(testId: string, text: string): Promise<void> {
    const field = this.page.getByTestId(testId);
    await field.fill(text);
    await field.press('Enter');
    await this.waitForResults();
  }

  async planSettings(): Promise<void> {
    await this.planScreen.open();
    await this.type('plan-field-notes', this.steps.notes);
    for (const v of this.steps.variables) {
      await this.planScreen.addVariable(v.name, v.value);
      await this.waitForResults();
    }
  }

  /** The stream the guided start made has the id its name gave it: type the fixture's. */
  async firstStream(): Promise<void> {
    await this.go('funding');
    const stream = this.steps.streams[0];
    const idField = this.page.locator('input[data-testid^="stream-id-"]').first();
    await idField.fill(stream.id);
    await idField.press('Enter');
    await this.page.getByTestId(`stream-${stream.id}`).waitFor();
    await this.waitForResults();
    await this.streamDetails(0);
  }

  /** The grant condition and each allocation's confirmation of a stream already on the screen. */
  async streamDetails(index: number): Promise<void> {
    const stream = this.steps.streams[index];
    if (stream.condition !== undefined) await this.type(`stream-condition-${stream.id}`, String(stream.condition));
    for (const a of stream.allocations) {
      const key = `${stream.id}-${a.fy}`;
      if (a.confirmation.kind === 'fy-start') continue;
      await this.fundingEditor.chooseConfirmation(stream.id, a.fy, a.confirmation.kind);
      if (a.confirmation.kind === 'date') await this.type(`confirm-${key}`, a.confirmation.typed);
      else await this.type(`confirm-delay-${key}`, String(a.confirmation.months));
    }
  }

  async secondStream(): Promise<void> {
    const stream = this.steps.streams[1];
    await this.fundingEditor.addStream(stream.name, stream.funder, stream.kind);
    await this.waitForResults();
    const idField = this.page.locator('input[data-testid^="stream-id-"]').nth(1);
    await idField.fill(stream.id);
    await idField.press('Enter');
    await this.page.getByTestId(`stream-${stream.id}`).waitFor();
    await this.waitForResults();
    for (const a of stream.allocations) {
      await this.fundingEditor.addAllocation(stream.id, a.fy, a.amount);
      await this.waitForResults();
    }
    await this.streamDetails(1);
    await this.fundingEditor.card(stream.id).scrollIntoViewIfNeeded();
  }

  /** Drops the services spreadsheet on the window; the preview lists every row; Import. */
  async importServices(csv: Buffer, fileName: string): Promise<void> {
    await this.sheet.drop(fileName, csv, 'text/csv');
    await this.sheet.read();
    await this.shot('sheet-preview');
    await this.sheet.confirm();
    await this.page.getByTestId('screen-interventions').waitFor();
    await this.waitForResults();
  }

  async serviceExtras(): Promise<void> {
    for (const item of this.steps.extras) {
      if (typeof item.annualCost === 'string') await this.typeCostFormula(item.id, item.annualCost);
      for (const share of item.partnerShares ?? []) await this.addPartnerShare(item.id, share);
      if (item.transition) await this.setTransition(item.id, item.transition);
    }
  }

  /** Types a formula over a cost in the grid, which shows one FY: the app asks, and it is for every year. */
  async typeCostFormula(id: string, formula: string): Promise<void> {
    await this.interventions.cell(id, 'annualCost').click();
    await this.page.keyboard.press('Enter');
    const editor = this.page.getByTestId('cell-editor');
    await editor.fill(formula);
    await editor.press('Enter');
    await this.question.answer('every-year');
    await editor.waitFor({ state: 'detached' });
    await this.waitForResults();
  }

  async ringFences(): Promise<void> {
    await this.go('funding');
    for (const r of this.steps.ringFences) {
      await this.fundingEditor.ringFence(r.stream, r.interventions);
      await this.waitForResults();
    }
  }

  async addScenarios(): Promise<void> {
    await this.go('scenarios');
    for (const scenario of this.steps.scenarios) {
      await this.addScenario(scenario.name);
      await this.type('scenario-id', scenario.id);
      await this.page.locator(`[data-testid="scenario-item-${scenario.id}"][aria-current="true"]`).waitFor();
      for (const c of scenario.changes) {
        if (c.percent !== undefined) await this.setGrantLevel(c.stream, c.fy, c.percent);
        if (c.confirmedOn) await this.setConfirmedOn(c.stream, c.fy, c.confirmedOn);
      }
      if (scenario.stance === 'prudent') {
        // The radio shows the stored stance, so it is ticked once the edit is stored, not at the click.
        await this.page.getByTestId('stance-prudent').click();
        await this.page.waitForFunction(() => document.querySelector<HTMLInputElement>('[data-testid="stance-prudent"]')?.checked);
        await this.waitForResults();
      }
    }
  }

  async exportPlan(): Promise<Plan> {
    return (await this.exportPlanJson()).plan;
  }
}
