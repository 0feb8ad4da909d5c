import { judge } from '../src/judge';
import { lastTwelveMonths, monthVariables } from '../src/dates';
import { missingServices } from '../src/services';

const error = (code: string, path?: string[]) => ({ message: 'x', path, extensions: { code } });

describe('what a panel shows for an answer', () => {
  it('names the service whose documented-nullable fields came back null, and only when there were errors', () => {
    const data = { community: { residentUnits: [{ name: 'a', resources: null }], coBuilding: null, census: { members: 3 } } };
    expect(missingServices(data, [error('INTERNAL_SERVER_ERROR')])).toEqual(['resources']);
    expect(missingServices(data, [])).toEqual([]);
    expect(missingServices({ organization: { m01: null, m02: { hours: 1 } } }, [error('UNAVAILABLE')])).toEqual(['activities']);
    expect(missingServices({ x: 1 }, [{ message: 'The members service did not answer', extensions: { code: 'UNAVAILABLE' } }])).toEqual([
      'members',
    ]);
    const unavailable = { code: 'UNAVAILABLE', messageKey: 'service.unavailable', messageParams: { service: 'resources' } };
    expect(missingServices({ x: 1 }, [{ message: '共建资源服务未响应，未做任何更改，请重试', extensions: unavailable }])).toEqual([
      'resources',
    ]);
  });

  it('is refused (FORBIDDEN) when what it cannot show without is missing, partial when the rest came', () => {
    expect(judge({ members: null }, [error('FORBIDDEN', ['members'])]).status).toBe('forbidden');
    const partial = judge({ organization: { volunteerStats: null } }, [error('FORBIDDEN')]);
    expect(partial.status).toBe('ready');
    expect(partial.partlyForbidden).toBe(true);
    expect(judge({ organization: { volunteerStats: null } }, [error('FORBIDDEN')], (d) => d.organization.volunteerStats).status).toBe(
      'forbidden',
    );
  });

  it('asks to sign in on UNAUTHENTICATED and fails with the code when nothing came', () => {
    expect(judge({ street: { id: '1' } }, [error('UNAUTHENTICATED')]).status).toBe('unauthenticated');
    const failed = judge(null, [error('PERSISTED_QUERY_NOT_FOUND')]);
    expect([failed.status, failed.code]).toEqual(['failed', 'PERSISTED_QUERY_NOT_FOUND']);
    expect(judge({ community: null }, []).status).toBe('ready');
  });
});

describe('the twelve months of the charts', () => {
  afterEach(() => jest.useRealTimers());

  it('counts months in China time, oldest first, the current one up to today', () => {
    jest.useFakeTimers({ now: new Date('2026-03-31T17:00:00Z') }); // 2026-04-01 01:00 in Shanghai
    const months = lastTwelveMonths();
    expect(months.map((m) => m.key)).toEqual([
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
    ]);
    expect(months[9]).toEqual({ key: '2026-02', from: '2026-02-01', to: '2026-02-28' });
    expect(months[11]).toEqual({ key: '2026-04', from: '2026-04-01', to: '2026-04-01' });
    const variables = monthVariables(months);
    expect([variables.from01, variables.to12, Object.keys(variables).length]).toEqual(['2025-05-01', '2026-04-01', 24]);
  });
});
