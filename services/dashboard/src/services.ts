import type { GraphError } from './answer';

export type Service = 'organizations' | 'members' | 'resources' | 'activities';

export const serviceLabels: Record<Service, string> = {
  organizations: '组织服务',
  members: '党员服务',
  resources: '共建资源服务',
  activities: '志愿活动服务',
};

/**
 * Fields (or aliases) the schema documents as "null only when the X service is unreachable": the
 * graph answers the rest of the page and leaves these null, which is how the page can say which part
 * is down whatever the error says.
 */
const nullWhenDown: Record<string, Service> = {
  memberCount: 'members',
  fullMemberCount: 'members',
  kindCheck: 'members',
  members: 'members',
  activists: 'members',
  coBuilding: 'resources',
  needs: 'resources',
  resources: 'resources',
  agreements: 'resources',
  volunteerStats: 'activities',
  upcoming: 'activities',
  activities: 'activities',
  participations: 'activities',
};

function walk(value: unknown, found: Set<Service>): void {
  if (Array.isArray(value)) {
    value.forEach((item) => walk(item, found));
    return;
  }
  if (!value || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    const service = nullWhenDown[key] ?? (/^m\d\d$/.test(key) ? 'activities' : undefined);
    if (child === null && service) found.add(service);
    else walk(child, found);
  }
}

/** The services whose part of an answer is missing: from UNAVAILABLE errors naming one, and from the documented nulls. */
export function missingServices(data: unknown, errors: GraphError[]): Service[] {
  const found = new Set<Service>();
  if (errors.length === 0) return [];
  for (const error of errors) {
    // The refusal's parameters name the service (messages are in Chinese by default, so the text no longer does).
    const params = error.extensions?.messageParams as { service?: unknown } | undefined;
    const named =
      error.extensions?.serviceName ??
      (typeof params?.service === 'string' ? params.service : undefined) ??
      /\b(organizations|members|resources|activities)\b/.exec(error.message)?.[1];
    if (error.extensions?.code === 'UNAVAILABLE' && named && named in serviceLabels) found.add(named as Service);
  }
  walk(data, found);
  return [...found];
}
