export { AppError, createErrorFactory, type FieldProblem } from './app-error.js';
export { badRequest, conflict, forbidden, notFound, staleVersion, unauthenticated, validationFailed } from './common.js';
