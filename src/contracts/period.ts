/** A period's ends in order, for the refinements of the calendar's and the staff's schemas. */
import { messageEn } from './messages/index.js';

/** True unless both ends are given and the end comes before the start. */
export const inOrder = (from: string | null | undefined, to: string | null | undefined) => !from || !to || from <= to;

/** The refinement's message, on the period's end. */
export const endAfterStart = { message: messageEn('period.end_before_start'), path: ['to'] };
