import { describe, expect, it } from 'vitest';
import { boundTo, textsOf } from './bound.js';

describe('kit bound', () => {
  it('textsOf starts a form from a record: blank where it has no value, or where there is no record', () => {
    const course = { title: 'Italiano A1', partner: null, lessons: 12 };
    expect(textsOf(course, ['title', 'partner'])).toEqual({ title: 'Italiano A1', partner: '' });
    expect(textsOf(undefined, ['title', 'partner'])).toEqual({ title: '', partner: '' });
  });

  it('boundTo gives a field its value and change from the form and its error from the change, by one name', () => {
    const onChange = () => {};
    const form = { field: (name: 'title' | 'place') => ({ value: `${name}!`, onChange }) };
    const bound = boundTo(form, { fieldErrors: { title: 'Campo obbligatorio' } });
    expect(bound('title')).toEqual({ value: 'title!', onChange, error: 'Campo obbligatorio' });
    expect(bound('place')).toEqual({ value: 'place!', onChange, error: undefined });
  });
});
