// Schema 3's nine plan tables (migrations.ts, versions 1-3) and the plan they hold. Used
// only by migration 4, which reads them into the plan's JSON row and drops them, and by the
// tests that build files as versions 1-3 wrote them. FROZEN like the migrations it serves:
// it describes files already on users' disks, so it never follows a change to the plan
// format (the format is shared/plan.ts; the store since schema 4 is one JSON row).
//
// Lossless: rowsToPlan(planToRows(plan)) deep-equals plan, and an absent optional field
// stays absent. Objects come back with their keys in the schema's order.
import type Database from 'better-sqlite3';
import { penceToPounds, poundsToPence } from '../../shared/money';
import type { AmountValue, Plan, Scenario } from '../../shared/plan';
import { StoredDataError } from './document-error';

type Row = Record<string, unknown>;

interface MetaRow {
  format: string;
  version: number;
  name: string;
  horizon_start: string;
  horizon_months: number;
  variables_json: string | null;
  underwriting_by: string | null;
  underwriting_limit_pence: number | null;
  underwriting_limit_formula: string | null;
  has_scenarios: number;
  notes: string | null;
}

interface InterventionRow {
  id: string;
  position: number;
  name: string;
  category: string;
  system: string | null;
  area: string | null;
  provider: string | null;
  annual_cost_pence: number | null;
  annual_cost_formula: string | null;
  annual_cost_by_fy: number;
  start_month: string | null;
  end_month: string | null;
  notice_months: number | null;
  notice_months_formula: string | null;
  exit_cost_pence: number | null;
  exit_cost_formula: string | null;
  service_users: number | null;
  priority: number;
  has_partner_shares: number;
  transition_to: string | null;
  transition_capacity: number | null;
  notes: string | null;
}

interface CostRow {
  intervention_id: string;
  position: number;
  fy: string;
  amount_pence: number | null;
  amount_formula: string | null;
}

interface PartnerShareRow {
  intervention_id: string;
  position: number;
  from_month: string;
  share: number | null;
  share_formula: string | null;
  partner: string;
}

interface StreamRow {
  id: string;
  position: number;
  name: string;
  funder: string;
  kind: string;
  restricted: number;
  has_conditions: number;
  min_commissioned_share: number | null;
  min_commissioned_share_formula: string | null;
  notes: string | null;
}

interface AllocationRow {
  stream_id: string;
  position: number;
  fy: string;
  amount_pence: number | null;
  amount_formula: string | null;
  confirmed_on: string | null;
  confirm_delay: number | null;
  confirm_delay_formula: string | null;
}

interface RestrictionRow {
  stream_id: string;
  position: number;
  intervention_id: string;
}

interface ScenarioRow {
  id: string;
  position: number;
  name: string;
  stance: string | null;
  variables_json: string | null;
  underwriting_by: string | null;
  underwriting_limit_pence: number | null;
  underwriting_limit_formula: string | null;
  changes_json: string | null;
  uncertainty_json: string | null;
  notes: string | null;
}

interface PlanRows {
  meta: MetaRow;
  interventions: InterventionRow[];
  costs: CostRow[];
  partnerShares: PartnerShareRow[];
  streams: StreamRow[];
  allocations: AllocationRow[];
  restrictions: RestrictionRow[];
  scenarios: ScenarioRow[];
}

// ---- plan → rows ------------------------------------------------------------------------

/** [pence, formula] for an amount in pounds or a formula; [null, null] when absent. */
function money(value: AmountValue | undefined, where: string): [number | null, string | null] {
  if (value === undefined) return [null, null];
  if (typeof value === 'string') return [null, value];
  const pence = poundsToPence(value);
  if (pence === null) throw new Error(`${where}: ${value} is not an amount in pounds (validate the plan before storing it)`);
  return [pence, null];
}

/** [number, formula] for a share or a whole number that may be a formula. */
function numberOr(value: number | string | undefined): [number | null, string | null] {
  if (value === undefined) return [null, null];
  return typeof value === 'string' ? [null, value] : [value, null];
}

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));
const opt = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

function planToRows(plan: Plan): PlanRows {
  const [limitPence, limitFormula] = money(plan.underwriting?.limit, 'underwriting.limit');
  const rows: PlanRows = {
    meta: {
      format: plan.format,
      version: plan.version,
      name: plan.name,
      horizon_start: plan.horizon.start,
      horizon_months: plan.horizon.months,
      variables_json: json(plan.variables),
      underwriting_by: opt(plan.underwriting?.by),
      underwriting_limit_pence: limitPence,
      underwriting_limit_formula: limitFormula,
      has_scenarios: plan.scenarios ? 1 : 0,
      notes: opt(plan.notes),
    },
    interventions: [],
    costs: [],
    partnerShares: [],
    streams: [],
    allocations: [],
    restrictions: [],
    scenarios: [],
  };

  plan.interventions.forEach((item, position) => {
    const where = `interventions[${position}]`;
    const byFy = typeof item.annualCost === 'object';
    const [costPence, costFormula] = byFy ? [null, null] : money(item.annualCost as AmountValue, `${where}.annualCost`);
    const [notice, noticeFormula] = numberOr(item.noticeMonths);
    const [exitPence, exitFormula] = money(item.exitCost, `${where}.exitCost`);
    rows.interventions.push({
      id: item.id,
      position,
      name: item.name,
      category: item.category,
      system: opt(item.system),
      area: opt(item.area),
      provider: opt(item.provider),
      annual_cost_pence: costPence,
      annual_cost_formula: costFormula,
      annual_cost_by_fy: byFy ? 1 : 0,
      start_month: opt(item.start),
      end_month: opt(item.end),
      notice_months: notice,
      notice_months_formula: noticeFormula,
      exit_cost_pence: exitPence,
      exit_cost_formula: exitFormula,
      service_users: opt(item.serviceUsers),
      priority: item.priority,
      has_partner_shares: item.partnerShares ? 1 : 0,
      transition_to: item.transition ? item.transition.to : null,
      transition_capacity: item.transition ? item.transition.capacity : null,
      notes: opt(item.notes),
    });
    if (byFy) {
      Object.entries(item.annualCost as Record<string, AmountValue>).forEach(([fy, amount], costPosition) => {
        const [pence, formula] = money(amount, `${where}.annualCost["${fy}"]`);
        rows.costs.push({ intervention_id: item.id, position: costPosition, fy, amount_pence: pence, amount_formula: formula });
      });
    }
    item.partnerShares?.forEach((entry, sharePosition) => {
      const [share, shareFormula] = numberOr(entry.share);
      rows.partnerShares.push({
        intervention_id: item.id,
        position: sharePosition,
        from_month: entry.from,
        share,
        share_formula: shareFormula,
        partner: entry.partner,
      });
    });
  });

  plan.fundingStreams.forEach((stream, position) => {
    const [minShare, minShareFormula] = numberOr(stream.conditions?.minCommissionedShare);
    rows.streams.push({
      id: stream.id,
      position,
      name: stream.name,
      funder: stream.funder,
      kind: stream.kind,
      restricted: stream.restrictedTo ? 1 : 0,
      has_conditions: stream.conditions ? 1 : 0,
      min_commissioned_share: minShare,
      min_commissioned_share_formula: minShareFormula,
      notes: opt(stream.notes),
    });
    stream.allocations.forEach((allocation, allocationPosition) => {
      const [pence, formula] = money(allocation.amount, `fundingStreams[${position}].allocations[${allocationPosition}].amount`);
      const [delay, delayFormula] = numberOr(allocation.confirmDelay);
      rows.allocations.push({
        stream_id: stream.id,
        position: allocationPosition,
        fy: allocation.fy,
        amount_pence: pence,
        amount_formula: formula,
        confirmed_on: opt(allocation.confirmedOn),
        confirm_delay: delay,
        confirm_delay_formula: delayFormula,
      });
    });
    stream.restrictedTo?.forEach((interventionId, restrictionPosition) => {
      rows.restrictions.push({ stream_id: stream.id, position: restrictionPosition, intervention_id: interventionId });
    });
  });

  plan.scenarios?.forEach((scenario, position) => {
    const [pence, formula] = money(scenario.underwriting?.limit, `scenarios[${position}].underwriting.limit`);
    rows.scenarios.push({
      id: scenario.id,
      position,
      name: scenario.name,
      stance: opt(scenario.stance),
      variables_json: json(scenario.variables),
      underwriting_by: opt(scenario.underwriting?.by),
      underwriting_limit_pence: pence,
      underwriting_limit_formula: formula,
      changes_json: json(scenario.changes),
      uncertainty_json: json(scenario.uncertainty),
      notes: opt(scenario.notes),
    });
  });
  return rows;
}

// ---- rows → plan ------------------------------------------------------------------------

function safeInteger(value: number, where: string): number {
  if (!Number.isSafeInteger(value)) throw new StoredDataError(`${where}: ${value} is not a whole number this program can hold exactly`);
  return value;
}

function readMoney(pence: number | null, formula: string | null, where: string): AmountValue | undefined {
  if (pence !== null && formula !== null) throw new StoredDataError(`${where}: both an amount and a formula`);
  if (pence !== null) return penceToPounds(safeInteger(pence, where));
  return formula ?? undefined;
}

function readInteger(value: number | null, formula: string | null, where: string): number | string | undefined {
  if (value !== null && formula !== null) throw new StoredDataError(`${where}: both a number and a formula`);
  if (value !== null) return safeInteger(value, where);
  return formula ?? undefined;
}

function readShare(value: number | null, formula: string | null, where: string): number | string | undefined {
  if (value !== null && formula !== null) throw new StoredDataError(`${where}: both a share and a formula`);
  return value ?? formula ?? undefined;
}

function readJson(text: string | null, where: string): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new StoredDataError(`${where}: stored JSON is not readable`);
  }
}

/** Sets `key` only when the value is present, so that absent fields stay absent. */
function put<T extends object>(target: T, key: string, value: unknown): void {
  if (value !== undefined && value !== null) (target as Record<string, unknown>)[key] = value;
}

function groupBy<T extends { position: number }>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  for (const list of groups.values()) list.sort((a, b) => a.position - b.position);
  return groups;
}

const byPosition = <T extends { position: number }>(rows: readonly T[]): T[] => [...rows].sort((a, b) => a.position - b.position);

/**
 * The plan held by the rows, keys in the schema's order. Values are not validated here
 * (validatePlan does that), but every integer is checked to be exact.
 */
function rowsToPlan(rows: PlanRows): Plan {
  const m = rows.meta;
  const plan: Row = {
    format: m.format,
    version: safeInteger(m.version, 'version'),
    name: m.name,
    horizon: { start: m.horizon_start, months: safeInteger(m.horizon_months, 'horizon.months') },
  };
  put(plan, 'variables', readJson(m.variables_json, 'variables'));
  const limit = readMoney(m.underwriting_limit_pence, m.underwriting_limit_formula, 'underwriting.limit');
  if (limit !== undefined) {
    const underwriting: Row = {};
    put(underwriting, 'by', m.underwriting_by);
    underwriting.limit = limit;
    plan.underwriting = underwriting;
  }

  const allocations = groupBy(rows.allocations, (r) => r.stream_id);
  const restrictions = groupBy(rows.restrictions, (r) => r.stream_id);
  plan.fundingStreams = byPosition(rows.streams).map((s) => {
    const where = `fundingStreams "${s.id}"`;
    const stream: Row = { id: s.id, name: s.name, funder: s.funder, kind: s.kind };
    stream.allocations = (allocations.get(s.id) ?? []).map((a) => {
      const allocation: Row = { fy: a.fy, amount: readMoney(a.amount_pence, a.amount_formula, `${where} allocation ${a.fy}`) };
      put(allocation, 'confirmedOn', a.confirmed_on);
      put(allocation, 'confirmDelay', readInteger(a.confirm_delay, a.confirm_delay_formula, `${where} allocation ${a.fy}`));
      return allocation;
    });
    if (s.restricted) stream.restrictedTo = (restrictions.get(s.id) ?? []).map((r) => r.intervention_id);
    if (s.has_conditions) {
      const conditions: Row = {};
      put(conditions, 'minCommissionedShare', readShare(s.min_commissioned_share, s.min_commissioned_share_formula, where));
      stream.conditions = conditions;
    }
    put(stream, 'notes', s.notes);
    return stream;
  });

  const costs = groupBy(rows.costs, (r) => r.intervention_id);
  const shares = groupBy(rows.partnerShares, (r) => r.intervention_id);
  plan.interventions = byPosition(rows.interventions).map((i) => {
    const where = `interventions "${i.id}"`;
    const item: Row = { id: i.id, name: i.name, category: i.category };
    put(item, 'system', i.system);
    put(item, 'area', i.area);
    put(item, 'provider', i.provider);
    if (i.annual_cost_by_fy) {
      const map: Row = {};
      for (const c of costs.get(i.id) ?? []) map[c.fy] = readMoney(c.amount_pence, c.amount_formula, `${where} annualCost ${c.fy}`);
      item.annualCost = map;
    } else {
      item.annualCost = readMoney(i.annual_cost_pence, i.annual_cost_formula, `${where} annualCost`);
    }
    put(item, 'start', i.start_month);
    put(item, 'end', i.end_month);
    put(item, 'noticeMonths', readInteger(i.notice_months, i.notice_months_formula, `${where} noticeMonths`));
    put(item, 'exitCost', readMoney(i.exit_cost_pence, i.exit_cost_formula, `${where} exitCost`));
    put(item, 'serviceUsers', i.service_users === null ? null : safeInteger(i.service_users, `${where} serviceUsers`));
    item.priority = safeInteger(i.priority, `${where} priority`);
    if (i.has_partner_shares) {
      item.partnerShares = (shares.get(i.id) ?? []).map((p) => ({
        from: p.from_month,
        share: readShare(p.share, p.share_formula, `${where} partnerShares`),
        partner: p.partner,
      }));
    }
    if (i.transition_to !== null && i.transition_capacity !== null) {
      item.transition = { to: i.transition_to, capacity: safeInteger(i.transition_capacity, `${where} transition`) };
    }
    put(item, 'notes', i.notes);
    return item;
  });

  if (m.has_scenarios) {
    plan.scenarios = byPosition(rows.scenarios).map((s) => {
      const where = `scenarios "${s.id}"`;
      const scenario: Row = { id: s.id, name: s.name };
      put(scenario, 'stance', s.stance);
      put(scenario, 'variables', readJson(s.variables_json, `${where} variables`));
      const scenarioLimit = readMoney(s.underwriting_limit_pence, s.underwriting_limit_formula, `${where} underwriting`);
      if (scenarioLimit !== undefined) {
        const underwriting: Row = { limit: scenarioLimit };
        put(underwriting, 'by', s.underwriting_by);
        scenario.underwriting = underwriting;
      }
      put(scenario, 'changes', readJson(s.changes_json, `${where} changes`));
      put(scenario, 'uncertainty', readJson(s.uncertainty_json, `${where} uncertainty`));
      put(scenario, 'notes', s.notes);
      return scenario as Scenario;
    });
  }
  put(plan, 'notes', m.notes);
  return plan as unknown as Plan;
}

// ---- SQLite -----------------------------------------------------------------------------

const COLUMNS = {
  plan_meta: [
    'id',
    'format',
    'version',
    'name',
    'horizon_start',
    'horizon_months',
    'variables_json',
    'underwriting_by',
    'underwriting_limit_pence',
    'underwriting_limit_formula',
    'has_scenarios',
    'notes',
  ],
  interventions: [
    'id',
    'position',
    'name',
    'category',
    'system',
    'area',
    'provider',
    'annual_cost_pence',
    'annual_cost_formula',
    'annual_cost_by_fy',
    'start_month',
    'end_month',
    'notice_months',
    'notice_months_formula',
    'exit_cost_pence',
    'exit_cost_formula',
    'service_users',
    'priority',
    'has_partner_shares',
    'transition_to',
    'transition_capacity',
    'notes',
  ],
  intervention_costs: ['intervention_id', 'position', 'fy', 'amount_pence', 'amount_formula'],
  partner_shares: ['intervention_id', 'position', 'from_month', 'share', 'share_formula', 'partner'],
  funding_streams: [
    'id',
    'position',
    'name',
    'funder',
    'kind',
    'restricted',
    'has_conditions',
    'min_commissioned_share',
    'min_commissioned_share_formula',
    'notes',
  ],
  allocations: ['stream_id', 'position', 'fy', 'amount_pence', 'amount_formula', 'confirmed_on', 'confirm_delay', 'confirm_delay_formula'],
  stream_restrictions: ['stream_id', 'position', 'intervention_id'],
  scenarios: [
    'id',
    'position',
    'name',
    'stance',
    'variables_json',
    'underwriting_by',
    'underwriting_limit_pence',
    'underwriting_limit_formula',
    'changes_json',
    'uncertainty_json',
    'notes',
  ],
} as const;

type Table = keyof typeof COLUMNS;

const insertInto = (db: Database.Database, table: Table) =>
  db.prepare(`INSERT INTO ${table} (${COLUMNS[table].join(', ')}) VALUES (${COLUMNS[table].map((c) => `@${c}`).join(', ')})`);

const selectAll = <T>(db: Database.Database, table: Table) =>
  db.prepare(`SELECT ${COLUMNS[table].join(', ')} FROM ${table}${table === 'plan_meta' ? '' : ' ORDER BY position'}`).all() as T[];

/** Writes `plan` into the empty schema-3 tables, as versions 1-3 did. Tests only (old-version fixtures). */
export function writeLegacyPlan(db: Database.Database, plan: Plan): void {
  const rows = planToRows(plan);
  insertInto(db, 'plan_meta').run({ id: 1, ...rows.meta });
  const many = (table: Table, list: readonly object[]) => {
    const insert = insertInto(db, table);
    for (const row of list) insert.run(row);
  };
  many('interventions', rows.interventions);
  many('intervention_costs', rows.costs);
  many('partner_shares', rows.partnerShares);
  many('funding_streams', rows.streams);
  many('allocations', rows.allocations);
  many('stream_restrictions', rows.restrictions);
  many('scenarios', rows.scenarios);
}

/**
 * The plan in the schema-3 tables (not yet validated), or undefined when they hold none (a
 * new file on its way to the current schema). Throws StoredDataError for values no plan could hold.
 */
export function readLegacyPlan(db: Database.Database): Plan | undefined {
  const all = <T>(table: Table) => selectAll<T>(db, table);
  const metas = all<MetaRow>('plan_meta');
  if (metas.length === 0) return undefined;
  if (metas.length !== 1) throw new StoredDataError(`the file holds ${metas.length} plans; a plan document holds exactly one`);
  return rowsToPlan({
    meta: metas[0],
    interventions: all<InterventionRow>('interventions'),
    costs: all<CostRow>('intervention_costs'),
    partnerShares: all<PartnerShareRow>('partner_shares'),
    streams: all<StreamRow>('funding_streams'),
    allocations: all<AllocationRow>('allocations'),
    restrictions: all<RestrictionRow>('stream_restrictions'),
    scenarios: all<ScenarioRow>('scenarios'),
  });
}
