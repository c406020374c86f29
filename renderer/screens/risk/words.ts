// How the Risk screen writes a chance: a percentage to one decimal.
import { percent } from '../../logic/format';

export const probability = (p: number) => percent(p, 1);
