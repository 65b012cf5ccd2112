/** What other systems may do here: API keys for Open311 clients, webhooks, CSV imports. */
import { useI18n } from '../../app/i18n.ts';
import { PageTitle } from '../../app/ui.tsx';
import { ApiKeys } from './ApiKeys.tsx';
import { Webhooks } from './Webhooks.tsx';
import { Imports } from './Imports.tsx';

export default function InteropPage() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle>{t('interop.title')}</PageTitle>
      <p>{t('interop.lead')}</p>
      <ApiKeys />
      <Webhooks />
      <Imports />
    </>
  );
}
