/**
 * The report's test data set, built from the counting rules with the edge cases that break
 * reports, loaded through the public API as a centre would. Each part seeds its own records
 * and says which figures the report must show for them.
 */
export * from './activities.js';
export * from './visits-care.js';
