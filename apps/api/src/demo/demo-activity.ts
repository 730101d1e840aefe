import { INestApplication } from '@nestjs/common';
import { seedAssemblies } from './demo-assemblies';
import { seedContributions } from './demo-contributions';
import { seedCouncils } from './demo-councils';
import { DemoPeople } from './demo-people';
import { seedProposals } from './demo-proposals';

/**
 * The trust's life, through the domain services (each its own transaction,
 * one after the other: the embedded database serves one query at a time),
 * so the data obeys the same rules as real use and the audit chain holds.
 */
export async function seedDemoActivity(app: INestApplication, people: DemoPeople): Promise<void> {
  const councils = await seedCouncils(app, people);
  const proposals = await seedProposals(app, people, councils);
  const campaign = await seedContributions(app, people, councils);
  await seedAssemblies(app, people, councils, proposals, campaign);
}
