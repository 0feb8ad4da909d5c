import { In, type DataSource } from 'typeorm';
import { keyset, type Page, type SortKey, whereEquals, type LazyCount } from '@cpb/kit';
import { JointMeetingEntity, type JointMeeting } from '../entities';

export interface JointMeetingFilter {
  convenerId?: string | null;
  year?: number | null;
  attendingUnitId?: string | null;
}

const latestFirst = keyset({ sort: 'm.held_on', type: 'date', id: 'm.id', direction: 'DESC' });

/** Reads of joint meetings (党建联席会议), newest first. */
export class MeetingRepository {
  constructor(private readonly db: DataSource) {}

  byIds(ids: readonly string[]): Promise<JointMeeting[]> {
    return this.db.getRepository(JointMeetingEntity).findBy({ id: In([...ids]) });
  }

  page(filter: JointMeetingFilter, page: Page<SortKey>): Promise<{ rows: JointMeeting[]; total: LazyCount }> {
    const query = whereEquals(this.db.getRepository(JointMeetingEntity).createQueryBuilder('m'), { 'm.convener_id': filter.convenerId });
    if (filter.year)
      query.andWhere('m.held_on >= make_date(:year, 1, 1) AND m.held_on < make_date(:year + 1, 1, 1)', { year: filter.year });
    // Containment, not `= ANY(...)`: the form the GIN index on the attendees serves.
    if (filter.attendingUnitId) query.andWhere('m.attending_unit_ids @> ARRAY[CAST(:unitId AS uuid)]', { unitId: filter.attendingUnitId });
    return latestFirst.page(query, page);
  }
}
