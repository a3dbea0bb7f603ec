/** The errors of retention. */
import { fixedError } from '../../errors/index.js';

/** A run asked for while the organisation's retention is off: it would remove nothing. */
export const retentionOff = fixedError('retention.off', 409, 'Retention is off: turn it on in the settings before running it');

/** Another run of the organisation is going (on this instance or another): this one was skipped, and logged. */
export const runInProgress = fixedError('retention.run_in_progress', 409, 'Another retention run is going: this one was skipped');
