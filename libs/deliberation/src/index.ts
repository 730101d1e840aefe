import { Argument } from './argument.entity';
import { ArgumentEndorsement } from './argument-endorsement.entity';
import { ArgumentFlag } from './argument-flag.entity';
import { ArgumentRevision } from './argument-revision.entity';
import { CouncilThread } from './council-thread.entity';

export * from './deliberation.module';
export * from './deliberation.service';
export * from './deliberation.enums';
export const DELIBERATION_ENTITIES = [
  Argument,
  ArgumentRevision,
  ArgumentEndorsement,
  ArgumentFlag,
  CouncilThread,
];
export { ModerationService } from './moderation.service';
