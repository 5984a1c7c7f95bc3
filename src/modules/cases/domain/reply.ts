/** Why a reply to the customer cannot go anywhere, as the API and the dashboard name it. */
export const REPLY_OBSTACLES = ['no_customer', 'no_email', 'erased'] as const;
export type ReplyObstacle = (typeof REPLY_OBSTACLES)[number];

/** What stops a reply from reaching the case's customer by e-mail; null when it can be sent. */
export function replyObstacle(
  customer: { email: string | null; erasedAt: Date | null } | undefined,
): ReplyObstacle | null {
  if (!customer) return 'no_customer';
  if (customer.erasedAt) return 'erased';
  if (!customer.email) return 'no_email';
  return null;
}

export const REPLY_OBSTACLE_TEXT: Record<ReplyObstacle, string> = {
  no_customer: 'the case has no customer to write to',
  no_email: "the case's customer has no e-mail address",
  erased: "the case's customer was erased",
};
