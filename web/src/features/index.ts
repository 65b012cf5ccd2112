/**
 * Every feature of the web app. A new capability adds its folder and one line here; resident
 * pages are bundled with the first load, officials' pages load when first opened.
 */
import './portal-home/index.ts';
import './petition-new/index.ts';
import './track/index.ts';
import './figures/index.ts';
import './sign-in/index.ts';
import './inbox/index.ts';
import './case/index.ts';
import './hotline/index.ts';
import './staff-figures/index.ts';
import './admin/index.ts';
import './audit/index.ts';
import './interop/index.ts';
import './deliberation/index.ts';
import './knowledge/index.ts';
import './subscribe/index.ts';
import './insight/index.ts';
import './reports/index.ts';
import './conduct/index.ts';
import './scorecards/index.ts';
import './gatherings/index.ts';
