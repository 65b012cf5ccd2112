import { api, type List } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { navigate, type PageProps } from '../../app/router.ts';
import { myUnits, useSession } from '../../app/session.ts';
import type { PetitionSummary } from '../../app/types.ts';
import { Alert, Loading, PageTitle, useAsync } from '../../app/ui.tsx';
import { FiguresView } from '../figures/FiguresView.tsx';
import { PeriodForm, useFiguresPeriod } from '../figures/PeriodForm.tsx';
import { PetitionTable } from '../inbox/PetitionTable.tsx';

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
      <section aria-labelledby="overdue-heading">
        <h2 id="overdue-heading">{t('staffFigures.overdue')}</h2>
        {overdue.loading ? <Loading /> : null}
        <Alert>{overdue.error}</Alert>
        {overdue.value ? <PetitionTable items={overdue.value.items} caption={t('staffFigures.overdue')} /> : null}
      </section>
    </>
  );
}
