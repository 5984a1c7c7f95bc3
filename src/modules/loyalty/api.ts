/** What other modules may call of the loyalty module: thin wrappers of its use cases. */
export {
  balanceOf,
  type EarnInput,
  earnPoints,
  InsufficientPointsError,
  isInsufficientPoints,
  restoreSpend,
  type SpendInput,
  spendPoints,
} from './use-cases/ledger';
