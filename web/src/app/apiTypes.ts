/**
 * The API's types, taken from the server's TypeBox schemas (type-only: nothing of the server is
 * bundled), so a field the server renames breaks the web's typecheck instead of a page.
 */
import type { Static } from 'typebox';
import type { EventView, TrackView } from '../../../server/modules/petitions/petitions.schema.ts';
import type { UnitAncestor, UnitRef as UnitRefSchema, UnitSummary } from '../../../server/modules/units/units.schema.ts';

export type {
  PetitionSummary,
  TrackView as PublicPetition,
  OwnPetition,
  PublicPetitionItem,
  PetitionView as Petition,
  IntakeResult as CreatedPetition,
} from '../../../server/modules/petitions/petitions.schema.ts';
export type { AgencyView as Agency } from '../../../server/modules/agencies/agencies.schema.ts';
export type { OfficialView as OfficialSummary } from '../../../server/modules/people/people.schema.ts';
export type { ArticleSummary, ArticleView as Article, ArticleWorkView as ArticleWork } from '../../../server/modules/knowledge/knowledge.schema.ts';
export type { FiguresView as UnitFigures } from '../../../server/modules/figures/figures.schema.ts';

/** A timeline event as the tracking page (public) or the case page (officials) receives it. */
type PublicEvent = TrackView['timeline'][number];
export type TimelineEntry = Pick<PublicEvent, 'at' | 'type'> & Partial<PublicEvent> & Partial<EventView>;

/** A unit as a response names it: its code and name, with its names per locale and level when the response has them. */
export type UnitRef = Static<typeof UnitRefSchema> & Partial<Pick<Static<typeof UnitAncestor>, 'names' | 'level'>>;

/** A unit as the units API lists it (GET /units), with its ancestors when read one by one (GET /units/:code). */
export type Unit = UnitSummary & { ancestors?: Array<Static<typeof UnitAncestor>> };
