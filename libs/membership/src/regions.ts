import { Localized } from '@delibera/kernel';

/** Québec's 17 administrative regions, by their official two-digit code. */
export const QUEBEC_REGIONS: Record<string, Localized> = {
  '01': { fr: 'Bas-Saint-Laurent', en: 'Bas-Saint-Laurent' },
  '02': { fr: 'Saguenay–Lac-Saint-Jean', en: 'Saguenay–Lac-Saint-Jean' },
  '03': { fr: 'Capitale-Nationale', en: 'Capitale-Nationale' },
  '04': { fr: 'Mauricie', en: 'Mauricie' },
  '05': { fr: 'Estrie', en: 'Estrie' },
  '06': { fr: 'Montréal', en: 'Montréal' },
  '07': { fr: 'Outaouais', en: 'Outaouais' },
  '08': { fr: 'Abitibi-Témiscamingue', en: 'Abitibi-Témiscamingue' },
  '09': { fr: 'Côte-Nord', en: 'Côte-Nord' },
  '10': { fr: 'Nord-du-Québec', en: 'Nord-du-Québec' },
  '11': { fr: 'Gaspésie–Îles-de-la-Madeleine', en: 'Gaspésie–Îles-de-la-Madeleine' },
  '12': { fr: 'Chaudière-Appalaches', en: 'Chaudière-Appalaches' },
  '13': { fr: 'Laval', en: 'Laval' },
  '14': { fr: 'Lanaudière', en: 'Lanaudière' },
  '15': { fr: 'Laurentides', en: 'Laurentides' },
  '16': { fr: 'Montérégie', en: 'Montérégie' },
  '17': { fr: 'Centre-du-Québec', en: 'Centre-du-Québec' },
};

export const REGION_CODES = Object.keys(QUEBEC_REGIONS);
