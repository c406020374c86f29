// The field tables of the plan's entities: one place for labels, headers, readers and formats.
export * from './field';
export * from './interventions';
export * from './funding';
