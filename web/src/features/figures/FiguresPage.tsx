import { ExportLinks } from '../../app/ExportLinks.tsx';
import { rememberedUnit } from '../../app/devicePetitions.ts';
import { useI18n } from '../../app/i18n.ts';
import { navigate, type PageProps } from '../../app/router.ts';
import { Loading, PageTitle } from '../../app/ui.tsx';
import { FiguresView } from './FiguresView.tsx';
import { PeriodForm, useFiguresPeriod } from './PeriodForm.tsx';

export default function FiguresPage({ query }: PageProps) {
  const { t } = useI18n();
  const unit = query.get('unit') ?? rememberedUnit()?.code ?? '';
  const { period, years } = useFiguresPeriod(unit, query);
  return (
    <>
      <PageTitle>{t('figures.title')}</PageTitle>
      <p class="lead">{t('figures.lead')}</p>
      <PeriodForm
        key={`${unit}:${period?.from}:${period?.to}`}
        value={{ unit, ...period }}
        years={years}
        onChange={(p) => navigate(`/figures?unit=${encodeURIComponent(p.unit)}&from=${p.from}&to=${p.to}`)}
      />
      {unit && period ? <FiguresView unit={unit} from={period.from} to={period.to} /> : unit ? <Loading /> : <p class="muted">{t('figures.pickUnit')}</p>}
      {unit && period ? <ExportLinks label={t('exports.figures')} path="/figures/export" params={{ unit, from: period.from, to: period.to }} /> : null}
      {unit && period ? <ExportLinks label={t('exports.publicPetitions')} path="/petitions/public/export" params={{ unit, from: period.from, to: period.to }} /> : null}
    </>
  );
}
