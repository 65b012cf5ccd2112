import { api, type List } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { navigate, type PageProps } from '../../app/router.ts';
import { myUnits, useSession } from '../../app/session.ts';
import type { PetitionSummary } from '../../app/apiTypes.ts';
import { Alert, Loading, PageTitle, useAsync } from '../../app/ui.tsx';
import { FiguresView } from '../figures/FiguresView.tsx';
import { PeriodForm, useFiguresPeriod } from '../figures/PeriodForm.tsx';
import { PetitionTable } from '../inbox/PetitionTable.tsx';
import { ExportLinks } from '../../app/ExportLinks.tsx';
import { GatheringFigures } from '../gatherings/GatheringFigures.tsx';
import type { Static } from 'typebox';
import type { DeflectionFigures } from '../../../../server/modules/knowledge/knowledge.schema.ts';

export default function StaffFiguresPage({ query }: PageProps) {
  const { t } = useI18n();
  const { me } = useSession();
  const unit = query.get('unit') ?? myUnits(me)[0] ?? '';
  const { period, years } = useFiguresPeriod(unit, query);
  const overdue = useAsync(() => api.get<List<PetitionSummary>>('/petitions', { overdue: true, unit: unit || undefined, limit: 50 }), [unit]);
  return (
    <>
      <PageTitle>{t('staffFigures.title')}</PageTitle>
      <PeriodForm key={`${unit}:${period?.from}:${period?.to}`} value={{ unit, ...period }}
        years={years} onChange={(p) => navigate(`/staff/figures?unit=${encodeURIComponent(p.unit)}&from=${p.from}&to=${p.to}`)} />
      {unit && period ? <FiguresView unit={unit} from={period.from} to={period.to} /> : unit ? <Loading /> : <p class="muted">{t('figures.pickUnit')}</p>}
      {unit && period ? <ExportLinks label={t('exports.figures')} path="/figures/export" params={{ unit, from: period.from, to: period.to }} /> : null}
      {unit && period ? <GatheringFigures unit={unit} from={period.from} to={period.to} /> : null}
      {unit && period ? <Deflection unit={unit} from={period.from} to={period.to} /> : null}
      <section aria-labelledby="overdue-heading">
        <h2 id="overdue-heading">{t('staffFigures.overdue')}</h2>
        {overdue.loading ? <Loading /> : null}
        <Alert>{overdue.error}</Alert>
        {overdue.value ? <PetitionTable items={overdue.value.items} caption={t('staffFigures.overdue')} /> : null}
      </section>
    </>
  );
}

/** Drafts of new petitions given up after the resident opened a suggested article: questions the knowledge base answered. */
function Deflection({ unit, from, to }: { unit: string; from: string; to: string }) {
  const { t, number, percent } = useI18n();
  const figures = useAsync(() => api.get<Static<typeof DeflectionFigures>>('/knowledge/figures', { unit, from, to }), [unit, from, to]);
  return (
    <section aria-labelledby="deflection-heading">
      <h2 id="deflection-heading">{t('knowledge.deflection')}</h2>
      <p class="hint">{t('knowledge.deflectionLead')}</p>
      <Alert>{figures.error}</Alert>
      {figures.value ? (
        <dl class="figures-list">
          {(['drafts', 'suggested', 'opened', 'abandonedAfterArticle'] as const).map((k) => (
            <div key={k} data-figure={`knowledge-${k}`}>
              <dt>{t(`knowledge.figures.${k}`)}</dt>
              <dd>{number(figures.value![k])}</dd>
            </div>
          ))}
          <div data-figure="knowledge-deflection">
            <dt>{t('knowledge.figures.deflectionRate')}</dt>
            <dd>{percent(figures.value.deflectionRate)}</dd>
          </div>
        </dl>
      ) : null}
    </section>
  );
}
