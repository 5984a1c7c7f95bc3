/** Enumerations of the public API (DESIGN.md §1), in the order the dashboard lists them. */
export const STAGES = ['potential', 'visitor', 'buyer', 'regular', 'loyal', 'lost'] as const;
/** The server's own list: one definition of the RFM segments for API and dashboard. */
export { RFM_SEGMENTS as SEGMENTS } from '../../../src/modules/customers/rfm-segments';
