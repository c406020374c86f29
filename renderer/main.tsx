import './zod-jitless';
// Tokens and base rules first: each component's stylesheet, imported after its own
// imports, then overrides what it builds on.
import './styles/tokens.css';
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { listenToMenu } from './menu-commands';

listenToMenu();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
