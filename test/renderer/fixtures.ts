// The renderer's logic tests use the shared fixtures.
export { demoPlan, workedExample } from '../fixtures';
