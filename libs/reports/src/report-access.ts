import { Role } from '@delibera/kernel';

/** Who reads the board's reports: explicit roles, none implies another. */
export const REPORT_READERS = [Role.Trustee, Role.Secretary, Role.Admin];
/** Reports about money are the treasurer's too. */
export const MONEY_REPORT_READERS = [...REPORT_READERS, Role.Treasurer];
