// The newsgraph explorer: a single page over the public GraphQL API, with
// routes in the URL fragment (#/search/…, #/entity/…, #/claim/…, #/paths),
// so that every view has a link and the server serves one page.

import './style.css';
import { closeCitations, errorBox } from './citations';
import { el } from './dom';
import { claimPage } from './pages/claim';
import { entityPage, leaveEntityPage } from './pages/entity';
import { homePage } from './pages/home';
import { pathsPage } from './pages/paths';
import { searchPage } from './pages/search';

const main = document.getElementById('main')!;
const search = document.getElementById('q') as HTMLInputElement;

async function route(): Promise<void> {
  const hash = decodeURIComponent(location.hash.replace(/^#\/?/, '').split('?')[0] ?? '');
  const q = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const [page, ...rest] = hash.split('/');
  const arg = rest.join('/');
  leaveEntityPage();
  closeCitations();
  main.setAttribute('aria-busy', 'true');
  try {
    switch (page) {
      case '':
        await homePage(main);
        break;
      case 'search':
        search.value = arg;
        await searchPage(main, arg);
        break;
      case 'entity':
        await entityPage(main, arg, q);
        break;
      case 'claim':
        await claimPage(main, arg);
        break;
      case 'paths':
        await pathsPage(main, q);
        break;
      default:
        main.replaceChildren(el('h1', { tabindex: '-1' }, 'No such page'), el('p', {}, el('a', { href: '#/' }, 'Back to the start')));
    }
  } catch (err) {
    main.replaceChildren(el('h1', { tabindex: '-1' }, 'Something went wrong'), errorBox(err));
  } finally {
    main.removeAttribute('aria-busy');
  }
  // Move the focus to the new page's heading, as a page load would, so that
  // keyboard and screen-reader users start at the top of what changed.
  (main.querySelector('h1') as HTMLElement | null)?.focus({ preventScroll: false });
}

document.getElementById('search-form')!.addEventListener('submit', (ev) => {
  ev.preventDefault();
  location.hash = `#/search/${encodeURIComponent(search.value.trim())}`;
});

document.addEventListener('keydown', (ev) => {
  const t = ev.target as HTMLElement;
  const typing = t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;
  if (ev.key === '/' && !typing) {
    ev.preventDefault();
    search.focus();
    search.select();
  } else if (ev.key === 'Escape') {
    closeCitations();
  }
});

window.addEventListener('hashchange', () => void route());
void route();
