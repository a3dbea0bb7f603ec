export { AppError, createErrorFactory, type FieldProblem, fixedError } from './app-error.js';
export { badRequest, conflict, forbidden, notFound, staleVersion, unauthenticated, validationFailed } from './common.js';
