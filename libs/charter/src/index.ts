import { CharterVersion } from './charter-version.entity';
import { DecisionRule } from './decision-rule.entity';

export * from './charter-change';
export * from './charter.enums';
export * from './charter.errors';
export * from './charter.labels';
export * from './charter.module';
export * from './charter.service';
export * from './charter.types';
export * from './decision-methods';
export * from './dto/charter-change.input';
export { CharterVersion, DecisionRule };
export const CHARTER_ENTITIES = [CharterVersion, DecisionRule];
