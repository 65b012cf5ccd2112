/** What other modules may use of the staff directory. */
export { inUnitStaff, photoHashes } from './directory.queries.ts';
export { photoPath } from './directory.photos.ts';
export { directoryModule } from './directory.routes.ts';
export { setOfficialPhoto } from './commands/officialPhoto.ts';
