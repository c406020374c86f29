// The fields of a funding stream and of its allocations (plan-format.md §2), as people type,
// paste and import them. A funding sheet has one row per allocation, naming its stream.
import { readFy, readId, readKind } from '../parse';
import {
  formatDateValue,
  formatMoneyValue,
  formatText,
  orEmpty,
  readDate,
  readMoneyValue,
  readShareValue,
  readTextValue,
  required,
  type Field,
  type PathSegment,
} from './field';

export type StreamFieldKey = 'id' | 'name' | 'funder' | 'kind' | 'minCommissionedShare';
export type AllocationFieldKey = 'fy' | 'amount' | 'confirmedOn';

export const STREAM_FIELDS = {
  id: { key: 'id', label: 'Stream id', noun: 'id', headers: ['id'], kind: 'id', read: orEmpty(readId), format: formatText },
  name: {
    key: 'name',
    label: 'Stream',
    noun: 'name',
    headers: ['funding stream', 'stream name', 'grant', 'fund'],
    kind: 'text',
    read: required(readTextValue, 'A name is required'),
    format: formatText,
  },
  funder: {
    key: 'funder',
    label: 'Funder',
    noun: 'funder',
    headers: ['funded by', 'funding body', 'source'],
    kind: 'text',
    read: required(readTextValue, 'A funder is required'),
    format: formatText,
  },
  kind: {
    key: 'kind',
    label: 'Kind',
    noun: 'kind',
    headers: ['type'],
    kind: 'kind',
    read: orEmpty(readKind),
    format: formatText,
  },
  minCommissionedShare: {
    key: 'minCommissionedShare',
    label: 'Least share commissioned',
    noun: 'grant condition',
    headers: ['min commissioned share'],
    kind: 'share',
    formula: true,
    read: orEmpty(readShareValue),
    format: formatText,
  },
} as const satisfies Record<StreamFieldKey, Field>;

export const ALLOCATION_FIELDS = {
  fy: {
    key: 'fy',
    label: 'FY',
    noun: 'FY',
    headers: ['financial year', 'year'],
    kind: 'fy',
    required: true,
    read: readFy,
    format: formatText,
  },
  amount: {
    key: 'amount',
    label: 'Amount',
    noun: 'amount',
    headers: ['allocation', 'value', 'funding'],
    kind: 'money',
    formula: true,
    required: true,
    read: required(readMoneyValue, 'An amount is required'),
    format: formatMoneyValue,
  },
  confirmedOn: {
    key: 'confirmedOn',
    label: 'Confirmed on',
    noun: 'confirmation date',
    kind: 'date',
    headers: ['confirmed', 'confirmation', 'confirmation date', 'date confirmed'],
    read: orEmpty(readDate),
    format: formatDateValue,
  },
} as const satisfies Record<AllocationFieldKey, Field>;

/** A row of a funding sheet: one allocation, and the stream it belongs to. */
export const FUNDING_ROW_FIELDS: readonly Field[] = [
  { ...STREAM_FIELDS.name, key: 'stream' },
  { ...STREAM_FIELDS.id, key: 'streamId' },
  STREAM_FIELDS.funder,
  STREAM_FIELDS.kind,
  ALLOCATION_FIELDS.fy,
  ALLOCATION_FIELDS.amount,
  ALLOCATION_FIELDS.confirmedOn,
];

export function allocationPath(streamIndex: number, allocationIndex: number, key: AllocationFieldKey): PathSegment[] {
  return ['fundingStreams', streamIndex, 'allocations', allocationIndex, key];
}

export function streamPath(streamIndex: number, key: StreamFieldKey): PathSegment[] {
  return key === 'minCommissionedShare' ? ['fundingStreams', streamIndex, 'conditions', key] : ['fundingStreams', streamIndex, key];
}
