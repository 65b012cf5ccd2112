import { rememberedUnit } from '../../app/devicePetitions.ts';
import { useI18n } from '../../app/i18n.ts';
import { navigate, type PageProps } from '../../app/router.ts';
import { yearToDate } from '../../app/stats.ts';
import { PageTitle } from '../../app/ui.tsx';
import { FiguresView } from './FiguresView.tsx';
import { PeriodForm } from './PeriodForm.tsx';

export default function FiguresPage({ query }: PageProps) {
  const { t } = useI18n();
  const year = yearToDate();
  const unit = query.get('unit') ?? rememberedUnit()?.code ?? '';
  const from = query.get('from') ?? year.from;
  const to = query.get('to') ?? year.to;
  return (
    <>
      <PageTitle>{t('figures.title')}</PageTitle>
      <p class="lead">{t('figures.lead')}</p>
      <PeriodForm
        key={unit}
        value={{ unit, from, to }}
        onChange={(p) => navigate(`/figures?unit=${encodeURIComponent(p.unit)}&from=${p.from}&to=${p.to}`)}
      />
      {unit ? <FiguresView unit={unit} from={from} to={to} /> : <p class="muted">{t('figures.pickUnit')}</p>}
    </>
  );
}
