/** The loyalty module's texts for people, in four languages: each part's catalogue, re-exported here so one file lists them all. */
export { offerText, referralText } from './messages-referrals';
export { tierText } from './messages-tiers';
