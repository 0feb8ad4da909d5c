import { EntitySchema } from 'typeorm';

export type NeedCategory =
  | 'ELDERLY_CARE'
  | 'CHILDREN_YOUTH'
  | 'EMPLOYMENT'
  | 'HEALTH'
  | 'LEGAL_AID'
  | 'ENVIRONMENT'
  | 'CULTURE_EDUCATION'
  | 'SAFETY'
  | 'HARDSHIP_ASSISTANCE'
  | 'OTHER';
export type NeedStatus = 'OPEN' | 'MATCHED' | 'RESOLVED';
export type ProjectStatus = 'PLANNED' | 'ACTIVE' | 'COMPLETED';

export interface Need {
  id: string;
  communityId: string;
  title: string;
  category: NeedCategory;
  description: string;
  status: NeedStatus;
  raisedOn: string;
  resolvedOn: string | null;
}

export interface Project {
  id: string;
  needId: string;
  communityId: string;
  title: string;
  partnerUnitIds: string[];
  status: ProjectStatus;
  plannedOn: string;
  startedOn: string | null;
  completedOn: string | null;
  outcome: string | null;
}

export const NeedEntity = new EntitySchema<Need>({
  name: 'need',
  columns: {
    id: { type: 'uuid', primary: true },
    communityId: { type: 'uuid', name: 'community_id' },
    title: { type: 'text' },
    category: { type: 'text' },
    description: { type: 'text' },
    status: { type: 'text' },
    raisedOn: { type: 'date', name: 'raised_on' },
    resolvedOn: { type: 'date', name: 'resolved_on', nullable: true },
  },
});

export const ProjectEntity = new EntitySchema<Project>({
  name: 'project',
  columns: {
    id: { type: 'uuid', primary: true },
    needId: { type: 'uuid', name: 'need_id' },
    communityId: { type: 'uuid', name: 'community_id' },
    title: { type: 'text' },
    partnerUnitIds: { type: 'uuid', array: true, name: 'partner_unit_ids' },
    status: { type: 'text' },
    plannedOn: { type: 'date', name: 'planned_on' },
    startedOn: { type: 'date', name: 'started_on', nullable: true },
    completedOn: { type: 'date', name: 'completed_on', nullable: true },
    outcome: { type: 'text', nullable: true },
  },
});
