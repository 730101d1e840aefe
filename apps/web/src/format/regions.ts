/** Québec's 17 administrative regions (proper names, the same in both languages), by official code. */
export const QUEBEC_REGIONS: Record<string, string> = {
  '01': 'Bas-Saint-Laurent',
  '02': 'Saguenay–Lac-Saint-Jean',
  '03': 'Capitale-Nationale',
  '04': 'Mauricie',
  '05': 'Estrie',
  '06': 'Montréal',
  '07': 'Outaouais',
  '08': 'Abitibi-Témiscamingue',
  '09': 'Côte-Nord',
  '10': 'Nord-du-Québec',
  '11': 'Gaspésie–Îles-de-la-Madeleine',
  '12': 'Chaudière-Appalaches',
  '13': 'Laval',
  '14': 'Lanaudière',
  '15': 'Laurentides',
  '16': 'Montérégie',
  '17': 'Centre-du-Québec',
};

export function regionName(code: string): string {
  return QUEBEC_REGIONS[code] ?? code;
}

/** The regions as drop-down options, in code order. */
export const REGION_OPTIONS = Object.entries(QUEBEC_REGIONS).map(([value, label]) => ({
  value,
  label,
}));
