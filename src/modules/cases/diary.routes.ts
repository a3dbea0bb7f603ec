/** A case's diary: its notes (restricted ones read only by who may). */
import { noteCreateInput, noteSchema, noteUpdateInput } from '../../contracts/cases.js';
import { deleteQuery } from '../../contracts/common.js';
import { idParams, routesOf } from '../http/route.js';
import { addNote, deleteNote, updateNote } from './diary.usecases.js';

export const diaryRoutes = routesOf(['cases'], (route, app) => {
  route.post('/cases/:id/notes', {
    permission: 'personal.write',
    summary: 'Add a diary note; a restricted one (health, legal) is read only by the coordinator, the responsible operator and its author',
    params: idParams,
    body: noteCreateInput,
    response: noteSchema,
    status: 201,
    handle: (actor, { params, body }) => addNote(app.db, actor, params.id, body),
  });

  route.patch('/notes/:id', {
    permission: 'personal.write',
    summary: 'Change a diary note (its author or the coordinator; send the version you read)',
    params: idParams,
    body: noteUpdateInput,
    response: noteSchema,
    handle: (actor, { params, body }) => updateNote(app.db, actor, params.id, body),
  });

  route.delete('/notes/:id', {
    permission: 'personal.write',
    summary: 'Delete a diary note (its author or the coordinator; ?version= the version you read)',
    params: idParams,
    querystring: deleteQuery,
    handle: (actor, { params, query }) => deleteNote(app.db, actor, params.id, query.version),
  });
});
