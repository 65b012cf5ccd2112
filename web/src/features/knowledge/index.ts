import { registerFeature } from '../../app/router.ts';
import { KnowledgePage } from './KnowledgePage.tsx';
import { ArticlePage } from './ArticlePage.tsx';
import { articleWriters } from '../../../../server/contract/roleSets.ts';

registerFeature({
  name: 'knowledge',
  routes: [
    { path: '/knowledge', title: 'knowledge.title', area: 'public', page: KnowledgePage },
    { path: '/knowledge/:id', title: 'knowledge.articleTitle', area: 'public', page: ArticlePage },
    { path: '/staff/knowledge', title: 'knowledge.staffTitle', area: 'staff', load: () => import('./StaffKnowledgePage.tsx') },
  ],
  nav: [
    { href: '/knowledge', label: 'nav.knowledge', area: 'public', order: 15 },
    { href: '/staff/knowledge', label: 'nav.staffKnowledge', area: 'staff', roles: articleWriters, order: 110 },
  ],
});
