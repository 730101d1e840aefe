import { INestApplication } from '@nestjs/common';
import { ageOn, CouncilsService } from '@delibera/councils';
import { AuthUser, quebecDate } from '@delibera/kernel';
import { DemoPeople } from './demo-people';

/** Councils of the demo trust by code (youth, seniors, artists). */
export type DemoCouncils = Map<string, string>;

const ARTISTS_PRACTICES = [
  'Arts visuels — gravure et sérigraphie',
  'Théâtre de rue',
  'Musique traditionnelle québécoise',
  'Danse contemporaine',
  'Littérature jeunesse',
];

/**
 * Seats on the three councils, applied for by eligible members and approved
 * by the secretary, who then names each chair: the youth council's chair has
 * the printed chair account; the demo member sits on the seniors council.
 */
export async function seedCouncils(
  app: INestApplication,
  people: DemoPeople,
): Promise<DemoCouncils> {
  const councils = app.get(CouncilsService);
  const byCode: DemoCouncils = new Map((await councils.list()).map((c) => [c.code, c.id]));
  const today = quebecDate();
  const ageOf = (i: number) => ageOn(people.personMembers[i].birthDate!, today);
  // Staff accounts (persons 1–5) keep to their roles; the member account and everyone else may sit.
  const candidates = people.persons.map((_, i) => i).filter((i) => i === 0 || i > 5);
  const youth = candidates.filter((i) => ageOf(i) >= 16 && ageOf(i) <= 30);
  const seniors = candidates.filter((i) => ageOf(i) >= 65);
  const artists = candidates.filter((i) => !youth.includes(i) && !seniors.includes(i)).slice(0, 5);

  const seat = async (code: string, members: number[], practices?: string[]) => {
    const councilId = byCode.get(code)!;
    for (const [n, i] of members.entries()) {
      const applied = await councils.apply(people.persons[i], councilId, practices?.[n]);
      await councils.decide(people.secretary, applied.id, true);
    }
    return councilId;
  };
  const chair = async (councilId: string, user: AuthUser) =>
    councils.setChair(people.secretary, councilId, user.memberId!);

  // The chair first, so it is seated whatever the ages give.
  const youthMembers = [people.persons.indexOf(people.youthChair), ...youth].filter(
    (i, n, all) => all.indexOf(i) === n,
  );
  await chair(await seat('youth', youthMembers.slice(0, 7)), people.youthChair);
  const seniorsId = await seat('seniors', seniors.slice(0, 6));
  await chair(seniorsId, people.persons[seniors.find((i) => i !== 0)!]);
  const artistsId = await seat('artists', artists, ARTISTS_PRACTICES);
  await chair(artistsId, people.persons[artists[0]]);
  return byCode;
}
