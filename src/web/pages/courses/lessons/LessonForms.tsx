/** The lesson forms: one moved (date, time, length), one added outside the pattern. */
import type { Course, Lesson } from '../../../../contracts/courses.js';
import { TextField } from '../../../components/fields.js';
import { useI18n } from '../../../i18n/index.js';
import { boundTo } from '../../../kit/bound.js';
import { orNull, useChange, useFields } from '../../../kit/index.js';
import { AddToListForm, RowForm } from '../courseList.js';

type When = 'date' | 'startTime' | 'minutes';

/**
 * A lesson's date, start time and length (15 to 600 minutes, as the API bounds it). Moving a
 * lesson asks for all three; a lesson added takes the course's time and length when left blank.
 */
function WhenFields({
  bound,
  moving,
}: {
  bound(name: When): { value: string; onChange(event: { target: { value: string } }): void; error?: string };
  moving: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <div className={moving ? 'col-sm-4' : 'col-sm-3'}>
        <TextField label={t('courses.lessons.date')} type="date" required {...bound('date')} />
      </div>
      <div className={moving ? 'col-sm-4' : 'col-sm-3'}>
        <TextField label={t('courses.startTime')} type="time" required={moving} {...bound('startTime')} />
      </div>
      <div className={moving ? 'col-sm-4' : 'col-sm-2'}>
        <TextField label={t('courses.lessonMinutes')} type="number" min={15} max={600} required={moving} {...bound('minutes')} />
      </div>
    </>
  );
}

/** Moving a lesson; `onClose` says what was done (null: cancelled). */
export function MoveForm({ lesson, reload, onClose }: { lesson: Lesson; reload(): void; onClose(message: string | null): void }) {
  const { t, formatDate } = useI18n();
  const change = useChange({ reload });
  const form = useFields({ date: lesson.date, startTime: lesson.startTime, minutes: String(lesson.minutes) });
  const bound = boundTo(form, change);
  const { values } = form;
  const move = async () => {
    const body = { version: lesson.version, date: values.date, startTime: values.startTime, minutes: Number(values.minutes) };
    const sent = await change.send('PATCH', `/lessons/${lesson.id}`, body);
    if (sent.ok) onClose(t('courses.lessons.moved'));
  };
  return (
    <RowForm change={change} onSubmit={move} label={t('courses.lessons.moveOf', { date: formatDate(lesson.date) })} onClose={onClose}>
      <div className="row align-items-end">
        <WhenFields bound={bound} moving />
      </div>
    </RowForm>
  );
}

export function AddLessonForm({ course, reload, onAdded }: { course: Course; reload(): void; onAdded(): void }) {
  const { t } = useI18n();
  const change = useChange({ reload });
  const form = useFields({ date: '', startTime: course.startTime, minutes: String(course.lessonMinutes), notes: '' });
  const bound = boundTo(form, change);
  const { values } = form;
  const add = async () => {
    const sent = await change.send('POST', `/courses/${course.id}/lessons`, {
      date: values.date.trim(),
      ...(values.startTime.trim() && { startTime: values.startTime.trim() }),
      ...(values.minutes.trim() && { minutes: Number(values.minutes.trim()) }),
      notes: orNull(values.notes),
    });
    if (sent.ok) {
      form.reset();
      onAdded();
    }
  };
  return (
    <AddToListForm change={change} onSubmit={add} title={t('courses.lessons.add')} submitLabel={t('courses.lessons.addAction')} outlined>
      <p className="small">{t('courses.lessons.addHint')}</p>
      <div className="row align-items-end">
        <WhenFields bound={bound} moving={false} />
        <div className="col-sm-4">
          <TextField label={t('courses.lessons.notes')} maxLength={1000} {...bound('notes')} />
        </div>
      </div>
    </AddToListForm>
  );
}
