// The fields of an intervention (plan-format.md §2) as people type, paste and import them.
import { readCategory, readId } from '../parse';
import {
  formatMoneyValue,
  formatMonths,
  formatMonthValue,
  formatText,
  formatWhole,
  orEmpty,
  readMoneyValue,
  readMonth,
  readMonthsValue,
  readPriorityValue,
  readTextValue,
  readWholeValue,
  required,
  type Field,
  type PathSegment,
} from './field';

export type InterventionFieldKey =
  | 'id'
  | 'name'
  | 'category'
  | 'system'
  | 'area'
  | 'provider'
  | 'annualCost'
  | 'priority'
  | 'noticeMonths'
  | 'exitCost'
  | 'serviceUsers'
  | 'start'
  | 'end'
  | 'notes';

export interface InterventionField extends Field {
  readonly key: InterventionFieldKey;
}

const text = (key: 'system' | 'area' | 'provider' | 'notes', label: string, headers: readonly string[]): InterventionField => ({
  key,
  label,
  noun: label.toLowerCase(),
  headers,
  kind: 'text',
  read: readTextValue,
  format: formatText,
});

export const INTERVENTION_FIELDS = {
  id: {
    key: 'id',
    label: 'Id',
    noun: 'id',
    headers: ['intervention id', 'service id'],
    kind: 'id',
    read: orEmpty(readId),
    format: formatText,
  },
  name: {
    key: 'name',
    label: 'Name',
    noun: 'name',
    kind: 'text',
    required: true,
    headers: ['intervention', 'service', 'intervention name', 'service name', 'programme', 'project'],
    read: required(readTextValue, 'A name is required'),
    format: formatText,
  },
  category: {
    key: 'category',
    label: 'Category',
    noun: 'category',
    headers: ['type', 'commissioned or central'],
    kind: 'category',
    read: orEmpty(readCategory),
    format: (v) => (v === 'commissioned' ? 'Commissioned' : v === 'central' ? 'Central' : formatText(v)),
  },
  system: text('system', 'System', []),
  area: text('area', 'Area', ['locality', 'location', 'place']),
  provider: text('provider', 'Provider', ['delivered by', 'supplier']),
  annualCost: {
    key: 'annualCost',
    label: 'Annual cost',
    short: 'Cost',
    noun: 'annual cost',
    kind: 'money',
    formula: true,
    required: true,
    headers: ['cost', 'annual cost gbp', 'cost per year', 'budget', 'annual budget', 'yearly cost', 'full annual cost'],
    read: required(readMoneyValue, 'An annual cost is required'),
    format: formatMoneyValue,
  },
  priority: {
    key: 'priority',
    label: 'Priority',
    noun: 'priority',
    headers: ['rank', 'funding priority'],
    kind: 'whole',
    read: orEmpty(readPriorityValue),
    format: formatWhole,
  },
  noticeMonths: {
    key: 'noticeMonths',
    label: 'Notice (months)',
    short: 'Notice',
    noun: 'notice',
    kind: 'months',
    formula: true,
    headers: ['notice', 'notice period', 'notice period months', 'months notice', 'months of notice'],
    read: orEmpty(readMonthsValue, 0),
    format: formatMonths,
  },
  exitCost: {
    key: 'exitCost',
    label: 'Exit cost',
    noun: 'exit cost',
    kind: 'money',
    formula: true,
    headers: ['exit', 'exit costs', 'closure cost', 'redundancy', 'redundancy cost'],
    read: orEmpty(readMoneyValue),
    format: formatMoneyValue,
  },
  serviceUsers: {
    key: 'serviceUsers',
    label: 'People supported',
    short: 'People',
    noun: 'people supported',
    kind: 'whole',
    headers: ['service users', 'people', 'users', 'clients', 'participants'],
    read: orEmpty(readWholeValue('a number of people')),
    format: formatWhole,
  },
  start: {
    key: 'start',
    label: 'Start',
    noun: 'start',
    headers: ['start month', 'start date', 'starts'],
    kind: 'month',
    read: orEmpty(readMonth),
    format: formatMonthValue,
  },
  end: {
    key: 'end',
    label: 'End',
    noun: 'end',
    headers: ['end month', 'end date', 'ends'],
    kind: 'month',
    read: orEmpty(readMonth),
    format: formatMonthValue,
  },
  notes: text('notes', 'Notes', []),
} as const satisfies Record<InterventionFieldKey, InterventionField>;

export const INTERVENTION_FIELD_LIST: readonly InterventionField[] = Object.values(INTERVENTION_FIELDS);

/** The order of the Interventions grid, and of pasted rows that carry no header. */
export const GRID_ORDER: readonly InterventionFieldKey[] = [
  'name',
  'category',
  'system',
  'area',
  'provider',
  'annualCost',
  'priority',
  'noticeMonths',
  'exitCost',
  'serviceUsers',
  'start',
  'end',
];

/** Where an intervention's field is in the plan (and in the validator's problems). */
export function interventionPath(index: number, key: InterventionFieldKey, ...rest: PathSegment[]): PathSegment[] {
  return ['interventions', index, key, ...rest];
}
