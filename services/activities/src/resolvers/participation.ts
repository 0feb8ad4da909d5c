import type { Context } from '../context';
import type { Participation as ParticipationRecord } from '../entities';

export const Participation = {
  activity: (p: ParticipationRecord, _: unknown, ctx: Context) => ctx.loaders.activity.load(p.activityId),
  member: (p: ParticipationRecord) => ({ id: p.memberId }),
  signedUpAt: (p: ParticipationRecord) => p.signedUpAt.toISOString(),
  checkedInAt: (p: ParticipationRecord) => p.checkedInAt?.toISOString() ?? null,
  checkedOutAt: (p: ParticipationRecord) => p.checkedOutAt?.toISOString() ?? null,
};
