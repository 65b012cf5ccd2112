/** What the command line and the start-up may use of the demo module. */
export { formatDemoSignIns, seedDemo, seedDemoIfEmpty } from './seed.ts';
