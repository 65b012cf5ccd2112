import { render } from 'preact';
import { useState } from 'preact/hooks';
import './app/styles.css';
import { setApiLanguage } from './app/api.ts';
import { detectLocale, I18nContext, loadLocale, makeI18n, serverLanguage, type UiLocale } from './app/i18n.ts';
import { refreshSession } from './app/session.ts';
import { Shell } from './app/shell.tsx';
import './features/index.ts';

function App({ initial }: { initial: UiLocale }) {
  const [locale, setLocaleState] = useState(initial);
  const setLocale = (next: UiLocale) => {
    void loadLocale(next, true).then(() => {
      setApiLanguage(serverLanguage(next));
      setLocaleState(next);
    });
  };
  return (
    <I18nContext.Provider value={makeI18n(locale, setLocale)}>
      <Shell />
    </I18nContext.Provider>
  );
}

async function start() {
  const locale = detectLocale();
  setApiLanguage(serverLanguage(locale));
  await loadLocale(locale, false);
  void refreshSession().catch(() => undefined);
  const root = document.getElementById('app');
  if (root) render(<App initial={locale} />, root);
}

void start();
