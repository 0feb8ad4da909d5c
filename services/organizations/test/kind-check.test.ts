import { msg, render } from '@cpb/kit';
import { kindCheck } from '../src/domain/kind-check';

const base = { memberCount: 30, fullMemberCount: 28, hasFullTimeDeputySecretary: true };

describe('kind follows size (kindCheck)', () => {
  it('lets a committee stand from 100 members, with a full-time deputy secretary', () => {
    expect(kindCheck({ ...base, kind: 'COMMITTEE', memberCount: 100 })).toMatchObject({ fits: true, recommendedKind: 'COMMITTEE' });
  });

  it('flags a committee without a current full-time deputy secretary', () => {
    const check = kindCheck({ ...base, kind: 'COMMITTEE', memberCount: 120, hasFullTimeDeputySecretary: false });
    expect(check).toMatchObject({ fits: false, recommendedKind: 'COMMITTEE' });
    expect(check.reason).toEqual(msg('kindCheck.committeeNeedsFullTimeDeputy'));
    expect(render(check.reason, 'zh-CN')).toBe('党委须配备现任专职副书记');
  });

  it('recommends a general branch from 50 members and a committee from 100', () => {
    expect(kindCheck({ ...base, kind: 'BRANCH', memberCount: 50 })).toMatchObject({ fits: false, recommendedKind: 'GENERAL_BRANCH' });
    expect(kindCheck({ ...base, kind: 'GENERAL_BRANCH', memberCount: 99 })).toMatchObject({
      fits: true,
      recommendedKind: 'GENERAL_BRANCH',
    });
    expect(kindCheck({ ...base, kind: 'GENERAL_BRANCH', memberCount: 100 })).toMatchObject({ fits: false, recommendedKind: 'COMMITTEE' });
    expect(kindCheck({ ...base, kind: 'COMMITTEE', memberCount: 49 })).toMatchObject({ fits: false, recommendedKind: 'BRANCH' });
  });

  it('says a branch with fewer than 3 full members cannot stand', () => {
    const check = kindCheck({ ...base, kind: 'BRANCH', memberCount: 4, fullMemberCount: 2 });
    expect(check.fits).toBe(false);
    expect(check.reason).toEqual(msg('kindCheck.tooFewFullMembers', { fullMemberCount: 2, minimum: 3 }));
    expect(render(check.reason, 'en')).toContain('a branch needs at least 3');
    expect(kindCheck({ ...base, kind: 'BRANCH', memberCount: 3, fullMemberCount: 3 }).fits).toBe(true);
  });

  it('does not size working committees or Party groups', () => {
    expect(kindCheck({ ...base, kind: 'PARTY_GROUP', memberCount: 1, fullMemberCount: 0 }).fits).toBe(true);
    expect(kindCheck({ ...base, kind: 'WORKING_COMMITTEE', memberCount: 5000 }).fits).toBe(true);
  });
});
