// A problem's place in words for the app's banners (shared/problem-words.ts).
import { describe, expect, it } from 'vitest';
import { placeInWords, problemInWords } from '../../shared/problem-words';
import { demoPlan } from '../fixtures';

describe('a problem’s place in words', () => {
  const plan = demoPlan();
  it('names the service, the stream and year, or the scenario, with the field’s noun', () => {
    expect(placeInWords(plan, 'interventions[2].annualCost')).toBe('Local evaluation: annual cost');
    expect(placeInWords(plan, 'interventions[2].annualCost["2021/22"]')).toBe('Local evaluation: annual cost');
    expect(placeInWords(plan, 'fundingStreams[0].allocations[1].amount')).toBe('Serious Violence Fund: VRU grant 2021/22: amount');
    expect(placeInWords(plan, 'scenarios[2].variables.grantLevel')).toBe('Scenario “25% cut, confirmed in June”: variables.grantLevel');
  });

  it('keeps the file’s spelling where the plan has no such place', () => {
    expect(placeInWords(plan, 'interventions[99].annualCost')).toBeNull();
    expect(problemInWords(plan, { path: '(plan)', message: 'could not be saved' })).toBe('(plan): could not be saved');
    expect(problemInWords(plan, { path: 'interventions[0].priority', message: 'must be whole', scenario: 'cut' })).toBe(
      'VRU central team: priority: must be whole (scenario "cut")',
    );
  });
});
