/** The gatherings API's shapes, from the server's schemas. */
import type { Static } from 'typebox';
import type {
  BookingResult,
  Compliance,
  EntryBody,
  EntryResult,
  Figures,
  GatheringListItem,
  PublicGathering,
  QuestionResult,
  MinimumView,
  RecordList,
  SeriesList,
  SeriesResult,
  StaffGathering,
} from '../../../../server/modules/gatherings/gatherings.schema.ts';

export type GatheringItem = GatheringListItem;
export type Gathering = PublicGathering;
export type StaffView = StaffGathering;
export type Booking = Static<typeof BookingResult>;
export type AskResult = Static<typeof QuestionResult>;
export type Series = Static<typeof SeriesResult>;
export type ComplianceView = Compliance;
export type GatheringFigures = Figures;
export type Entry = EntryBody;
export type EntryOutcome = Static<typeof EntryResult>;
export type FollowUps = Static<typeof RecordList>;
export type MinutesFile = StaffGathering['attachments'][number];
export type SeriesItem = Static<typeof SeriesList>['items'][number];
export type SeriesException = SeriesItem['exceptions'][number];
export type Minimum = Static<typeof MinimumView>;
