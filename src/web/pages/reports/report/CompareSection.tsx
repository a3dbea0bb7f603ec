/** "Confronta due versioni": the figures and texts that differ between two published versions. */
import { useState } from 'react';
import type { Report, ReportComparison } from '../../../../contracts/reports.js';
import { api } from '../../../api/client.js';
import { SelectField } from '../../../components/fields.js';
import { useI18n } from '../../../i18n/index.js';
import { RecordTable, TitledSection, useChange, useFields } from '../../../kit/index.js';
import { CellText, SectionForm } from '../shared.js';

type Difference = ReportComparison['differences'][number];

function Differences({ result }: { result: ReportComparison }) {
  const { t, formatNumber } = useI18n();
  const absent = <span className="text-muted">{t('reports.compare.absent')}</span>;
  return (
    <div data-testid="report-comparison">
      <p>{t('reports.compare.summary', { figures: formatNumber(result.figures), count: formatNumber(result.differences.length) })}</p>
      <RecordTable<Difference>
        caption={t('reports.compare.caption', { from: result.from, to: result.to })}
        className="table table-sm caption-top"
        rows={result.differences}
        rowKey={(d) => d.path}
        empty={t('reports.compare.none')}
        columns={[
          { header: t('reports.compare.section'), cell: (d) => d.section },
          { header: t('reports.compare.table'), cell: (d) => d.table },
          { header: t('reports.compare.row'), rowHeader: true, className: 'fw-normal', cell: (d) => d.row },
          { header: t('reports.compare.column'), cell: (d) => d.column },
          {
            header: t('reports.compare.before'),
            className: 'text-end',
            cell: (d) => (d.from === undefined ? absent : <CellText cell={d.from} />),
          },
          {
            header: t('reports.compare.after'),
            className: 'text-end',
            cell: (d) => (d.to === undefined ? absent : <CellText cell={d.to} />),
          },
        ]}
      />
      <h3 className="h5">{t('reports.compare.texts')}</h3>
      {result.changedTexts.length === 0 ? (
        <p>{t('reports.compare.noTexts')}</p>
      ) : (
        <ul>
          {result.changedTexts.map((text) => (
            <li key={text.id}>{text.title}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function CompareForm({
  numbers,
  reportId,
  onResult,
}: {
  numbers: number[];
  reportId: number;
  onResult(result: ReportComparison | null): void;
}) {
  const { t } = useI18n();
  const change = useChange();
  const form = useFields({ from: String(numbers[numbers.length - 2]), to: String(numbers[numbers.length - 1]) });
  const compare = async () => {
    const sent = await change.run(() =>
      api<ReportComparison>('GET', `/reports/${reportId}/compare`, undefined, {
        from: Number(form.values.from),
        to: Number(form.values.to),
      }),
    );
    if (sent.ok) onResult(sent.data);
    else if (sent.error) onResult(null);
  };
  const options = numbers.map((n) => (
    <option key={n} value={n}>
      {t('reports.showVersion', { number: n })}
    </option>
  ));
  return (
    <SectionForm change={change} onSubmit={compare} label={t('reports.compare.title')} submitLabel={t('reports.compare.submit')}>
      <div className="row align-items-end">
        <div className="col-sm-6">
          <SelectField label={t('reports.compare.from')} {...form.field('from')}>
            {options}
          </SelectField>
        </div>
        <div className="col-sm-6">
          <SelectField label={t('reports.compare.to')} {...form.field('to')}>
            {options}
          </SelectField>
        </div>
      </div>
    </SectionForm>
  );
}

export function CompareSection({ report }: { report: Report }) {
  const { t } = useI18n();
  const numbers = report.versions.map((v) => v.number).sort((a, b) => a - b);
  const [result, setResult] = useState<ReportComparison | null>(null);
  return (
    <TitledSection id="report-compare" title={t('reports.compare.title')} className="mb-4">
      {numbers.length < 2 ? (
        <p>{t('reports.compare.needTwo')}</p>
      ) : (
        <>
          <CompareForm key={numbers.join(',')} numbers={numbers} reportId={report.id} onResult={setResult} />
          <div aria-live="polite">{result ? <Differences result={result} /> : null}</div>
        </>
      )}
    </TitledSection>
  );
}
