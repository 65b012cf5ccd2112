/** The deliberation API's shapes, from the server's schemas. */
import type { Static } from 'typebox';
import type { ConsultationView, CouncilView, Figures, MatterList, MatterView, ResultsView, Turnout } from '../../../../server/modules/deliberation/deliberation.schema.ts';

export type Council = CouncilView;
export type Matter = MatterView;
export type MatterItem = Static<typeof MatterList>['items'][number];
export type Consultation = ConsultationView;
export type ConsultationResults = Static<typeof ResultsView>;
export type ConsultationTurnout = Static<typeof Turnout>;
export type DeliberationFigures = Figures;
