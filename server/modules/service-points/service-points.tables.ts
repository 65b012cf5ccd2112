/** Which checklist ('township', 'village', 'group') a unit level follows. */
export interface ServicePointChecklistLevelsTable {
  unit_level: string;
  checklist_level: string;
}

export interface ServicePointsTables {
  service_point_checklist_levels: ServicePointChecklistLevelsTable;
}
