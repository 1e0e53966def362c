// Entry point of the renderer: sets up i18n, then mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setupI18n } from './i18n/setupI18n';
import { App } from './app/App';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  void setupI18n().then(() => {
    createRoot(root).render(<StrictMode><App /></StrictMode>);
  });
}
