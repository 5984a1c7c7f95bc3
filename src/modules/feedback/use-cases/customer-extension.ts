import type { CustomerExtension } from '../../customers/api';
import { eraseCustomerAnswers, listCustomerAnswers } from '../data/repo-answers';
import { latestScores, listCustomerScores, unlinkCustomerScores } from '../data/repo-customer';

/** Latest feedback on the profile; scores and open answers in the export; erasure unlinks. */
export const feedbackExtensions: CustomerExtension[] = [
  {
    name: 'latestFeedback',
    profile: (tx, orgId, customerId) => latestScores(tx, orgId, customerId),
    export: async (tx, orgId, customerId) => ({
      scores: await listCustomerScores(tx, orgId, customerId),
      openAnswers: await listCustomerAnswers(tx, orgId, customerId),
    }),
    erase: async (tx, orgId, customerId) => {
      await unlinkCustomerScores(tx, orgId, customerId);
      await eraseCustomerAnswers(tx, orgId, customerId);
    },
  },
];
