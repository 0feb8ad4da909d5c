import type { Component } from 'vue';
import MonthlyVolunteeringPanel from './MonthlyVolunteeringPanel.vue';
import StreetSummaryPanel from './StreetSummaryPanel.vue';
import TopVolunteersPanel from './TopVolunteersPanel.vue';

/**
 * The street overview's panels, in order. Each is a component taking `context: StreetContext` and
 * running its own operation (schemas/operations/dashboard/), so one refused or failing panel never
 * blanks the others. Organisational life (三会一课) compliance and dues (党费) arrears join here as
 * two more entries, with their operations, once their services exist: nothing else changes.
 */
export const streetPanels: { key: string; component: Component; wide?: boolean }[] = [
  { key: 'summary', component: StreetSummaryPanel, wide: true },
  { key: 'monthly-volunteering', component: MonthlyVolunteeringPanel },
  { key: 'top-volunteers', component: TopVolunteersPanel },
];
