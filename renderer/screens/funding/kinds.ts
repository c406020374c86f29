// The kinds of funding stream (plan-format.md §2), as the Funding screen names them.
import type { FundingStream } from '../../../shared/plan';

export const KINDS: readonly { readonly kind: FundingStream['kind']; readonly label: string }[] = [
  { kind: 'grant', label: 'Grant' },
  { kind: 'one-off', label: 'One-off' },
  { kind: 'contribution', label: 'Contribution' },
];
