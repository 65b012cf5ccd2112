import { registerFeature } from '../../app/router.ts';
import { KnowledgePage } from './KnowledgePage.tsx';
import { ArticlePage } from './ArticlePage.tsx';
import { articleWriters } from '../../../../server/contract/roleSets.ts';

registerFeature({
  name: 'knowledge',
  routes: [
    { path: '/knowledge', title: 'knowledge.title', area: 'public', page: KnowledgePage, nav: { label: 'nav.knowledge', order: 15 } },
    { path: '/knowledge/:id', title: 'knowledge.articleTitle', area: 'public', page: ArticlePage },
    {
      path: '/staff/knowledge', title: 'knowledge.staffTitle', area: 'staff', load: () => import('./StaffKnowledgePage.tsx'),
      nav: { label: 'nav.staffKnowledge', order: 110, roles: articleWriters },
    },
  ],
});
