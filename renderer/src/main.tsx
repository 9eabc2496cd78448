import './zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { libraryStore } from './state/useLibraryStore';
import './styles.css';

// Asked before the first render: the core reads the library while React draws the window.
void libraryStore.start();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
