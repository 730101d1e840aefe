/** What an argument says about the proposal. Top-level arguments must take a stance; replies may. */
export enum ArgumentStance {
  For = 'for',
  Against = 'against',
  Question = 'question',
  Information = 'information',
}

/** Why a member asks moderators to look at an argument. */
export enum FlagKind {
  NeedsVerification = 'needs_verification',
  False = 'false',
  SourceNeeded = 'source_needed',
}

/** A moderator's decision on an argument's open flags. */
export enum FlagResolution {
  Kept = 'kept',
  Annotated = 'annotated',
  Hidden = 'hidden',
}

/** Replies nest at most this deep (a top-level argument is depth 0), so threads stay readable. */
export const MAX_REPLY_DEPTH = 3;

/** The longest argument body, in characters (also a CHECK in the database). */
export const MAX_ARGUMENT_LENGTH = 10_000;

/**
 * Members of this council moderate deliberation alongside accounts holding the
 * moderator role. The founding charter seeds no such council; creating one with
 * this code is all it takes to give its active members the right.
 */
export const EDITORIAL_COMMITTEE_CODE = 'editorial_committee';
