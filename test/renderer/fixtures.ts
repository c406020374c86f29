// The renderer's logic tests use the shared fixtures.
export { delayedDemoPlan, demoPlan, workedExample } from '../fixtures';
