export { AppError, createErrorFactory, errorCarrying, type FieldProblem, fixedError } from './app-error.js';
export { badRequest, conflict, forbidden, notFound, staleVersion, unauthenticated, validationFailed } from './common.js';
