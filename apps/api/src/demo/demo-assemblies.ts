import { INestApplication } from '@nestjs/common';
import {
  AgendaItemKind,
  AssembliesService,
  AssemblyKind,
  AssemblyMode,
  GeneralAssemblyType,
} from '@delibera/assemblies';
import { DecisionType } from '@delibera/charter';
import { DemoCampaign } from './demo-contributions';
import { DemoCouncils } from './demo-councils';
import { DemoPeople, DAY_MS } from './demo-people';
import { DemoProposals } from './demo-proposals';

/** `days` from now at `hour`:00 UTC (Québec is UTC−5 in winter, UTC−4 in summer). */
function dayAt(days: number, hour: number): Date {
  const day = new Date(Date.now() + days * DAY_MS);
  day.setUTCHours(hour, 0, 0, 0);
  return day;
}

/**
 * The annual general assembly, convened by the secretary with the charter's
 * notice (the 2027 scale on its agenda asks 30 days), the youth council's
 * meeting and a regional public meeting; each sends its notices.
 */
export async function seedAssemblies(
  app: INestApplication,
  people: DemoPeople,
  councils: DemoCouncils,
  proposals: DemoProposals,
  campaign: DemoCampaign,
): Promise<{ annualId: string; councilMeetingId: string }> {
  const assemblies = app.get(AssembliesService);
  const annual = await assemblies.convene(people.secretary, {
    kind: AssemblyKind.GeneralAssembly,
    generalAssemblyType: GeneralAssemblyType.Annual,
    mode: AssemblyMode.Hybrid,
    titleFr: 'Assemblée générale annuelle 2027',
    titleEn: '2027 annual general meeting',
    place: 'Université du Québec à Rimouski, 300, allée des Ursulines, Rimouski',
    url: 'https://visio.demo.delibera.quebec/aga-2027',
    startsAt: dayAt(40, 23),
    endsAt: dayAt(41, 2),
    agenda: [
      {
        kind: AgendaItemKind.Information,
        titleFr: 'Rapport d’activités 2026',
        titleEn: '2026 activity report',
      },
      {
        kind: AgendaItemKind.Information,
        titleFr: 'États financiers vérifiés 2026',
        titleEn: 'Audited 2026 financial statements',
      },
      {
        kind: AgendaItemKind.Proposal,
        titleFr: 'Assemblée générale annuelle hybride, en rotation dans les régions',
        titleEn: 'A hybrid annual general meeting, rotating among the regions',
        refId: proposals.deliberation,
        decisionType: DecisionType.OrdinaryResolution,
      },
      {
        kind: AgendaItemKind.ContributionScale,
        titleFr: 'Barème des contributions 2027',
        titleEn: '2027 contribution scale',
        refId: campaign.draftScaleId,
      },
    ],
  });
  const councilMeeting = await assemblies.convene(people.secretary, {
    kind: AssemblyKind.CouncilMeeting,
    mode: AssemblyMode.Hybrid,
    titleFr: 'Réunion du Conseil des jeunes',
    titleEn: 'Youth Council meeting',
    place: 'Maison des jeunes de Limoilou, Québec',
    url: 'https://visio.demo.delibera.quebec/conseil-jeunes',
    startsAt: dayAt(9, 23),
    endsAt: dayAt(10, 1),
    councilId: councils.get('youth'),
    agenda: [
      {
        kind: AgendaItemKind.Proposal,
        titleFr: 'Suivi de l’avis sur la politique de savoir ouvert',
        titleEn: 'Follow-up on the opinion on the open-knowledge policy',
        refId: proposals.consultation,
      },
      {
        kind: AgendaItemKind.Information,
        titleFr: 'Atelier sur les licences libres dans les cégeps',
        titleEn: 'Open-licence workshop in the CEGEPs',
      },
    ],
  });
  await assemblies.convene(people.secretary, {
    kind: AssemblyKind.PublicMeeting,
    mode: AssemblyMode.InPerson,
    titleFr: 'Rencontre régionale du Bas-Saint-Laurent',
    titleEn: 'Bas-Saint-Laurent regional meeting',
    place: 'Bibliothèque Lisette-Morin, Rimouski',
    startsAt: dayAt(20, 23),
    endsAt: dayAt(21, 1),
    region: '01',
    agenda: [
      {
        kind: AgendaItemKind.Information,
        titleFr: 'Les projets de la fiducie dans la région',
        titleEn: 'The trust’s projects in the region',
      },
    ],
  });
  return { annualId: annual.id, councilMeetingId: councilMeeting.id };
}
