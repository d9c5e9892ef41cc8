import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { AppStateProvider } from './app-state';
import { ConsoleConfigProvider } from './console-config';
import { I18nProvider } from './i18n/i18n';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <ConsoleConfigProvider>
        <AppStateProvider>
          <App />
        </AppStateProvider>
      </ConsoleConfigProvider>
    </I18nProvider>
  </StrictMode>,
);
