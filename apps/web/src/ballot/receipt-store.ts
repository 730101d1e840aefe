/**
 * The receipt of each ballot, kept on this device so the voter can check it
 * after the close. It reveals nothing without the published list, and the
 * voter is told to note it elsewhere too.
 */
const key = (voteId: string) => `delibera.receipt.${voteId}`;

export const receiptStore = {
  get: (voteId: string) => localStorage.getItem(key(voteId)),
  save: (voteId: string, receipt: string) => localStorage.setItem(key(voteId), receipt),
};
