import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { demoUsers, worldId } from '@cpb/demo-world';
import { mintCallerToken, type Actor, type GraphQLResponse } from '@cpb/kit';
import { ensureDashboardBuilt, shippedJavaScript } from '../../../scripts/lib/dashboard-build';
import type { TrustedDocumentManifest } from '../../../scripts/lib/trusted-documents';
import { startFederation, type Federation } from '@cpb/kit/testing';
import { canvasInk, chromiumPath, guardedContext, launchChromium, screenshot } from './browser';

// One stack (four subgraphs on fresh databases with the demo district, the gateway serving the
// build) and one browser for every page; each test gets a fresh context that fails on any
// request leaving localhost.
const manifest = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', 'schemas', 'trusted-documents.json'), 'utf8'),
) as TrustedDocumentManifest;
const idOf = (name: string) => manifest.operations.find((o) => o.name === name)!.id;

let federation: Federation;
let browser: Browser;
let base: string;
let external: string[] = [];
const measured: Record<string, unknown> = {};

const tokenOf = (actor: Actor) => mintCallerToken(actor);

/** The gateway's answer to a registered operation, asked as the dashboard asks it (by hash). */
async function ask<T>(name: string, variables: Record<string, unknown>, actor: Actor): Promise<GraphQLResponse<T>> {
  const response = await fetch(federation.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenOf(actor)}` },
    body: JSON.stringify({ operationName: name, variables, extensions: { persistedQuery: { version: 1, sha256Hash: idOf(name) } } }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

async function open(actor: Actor | null, path: string) {
  const opened = await guardedContext(browser, actor ? await tokenOf(actor) : undefined);
  external = opened.external;
  await opened.page.goto(`${base}/dashboard/#${path}`);
  return opened;
}

const ready = (panel: string) => `[data-panel="${panel}"][data-status="ready"]`;
const numberIn = (text: string | null) => Number((text ?? '').replace(/[^\d.]/g, ''));

// A system tool, not an npm package: without it the browser tests skip and say so (.ci/run installs it).
const chromiumMissing = chromiumPath() === null;
if (chromiumMissing)
  console.warn('Dashboard browser tests skipped: no chromium on this machine (apt-get install chromium, or set CHROMIUM_PATH)');
const describeInBrowser = chromiumMissing ? describe.skip : describe;

beforeAll(async () => {
  if (chromiumMissing) return;
  await ensureDashboardBuilt();
  // Production's default: the dashboard must work with trusted documents enforced.
  [federation, browser] = await Promise.all([startFederation({ gatewayEnv: { TRUSTED_DOCUMENTS: 'enforce' } }), launchChromium()]);
  base = federation.gatewayUrl.replace(/\/graphql$/, '');
});
afterEach(() => {
  expect(external).toEqual([]);
  external = [];
});
afterAll(async () => {
  await browser?.close();
  await federation?.stop();
  if (Object.keys(measured).length) console.log(`dashboard measurements: ${JSON.stringify(measured)}`);
});

describeInBrowser('the dashboard in a real browser', () => {
  it('ships under 1 MB of gzipped JavaScript', () => {
    const js = shippedJavaScript();
    measured.javascript = js;
    expect(js.gzipBytes).toBeLessThan(1024 * 1024);
  });

  it("shows a street administrator the street overview with the gateway's numbers", async () => {
    const { page, context } = await open(demoUsers['street-admin'], '/');
    await page.waitForSelector(ready('street-summary'));
    await page.waitForSelector('[data-panel="monthly-volunteering"][data-status="ready"] canvas');
    // First meaningful paint: the street's numbers on screen, from navigation start (cold cache).
    measured.streetOverviewPaintMs = await page.evaluate(() =>
      Math.round(performance.getEntriesByName('cpb:street-overview-painted')[0]?.startTime ?? -1),
    );
    measured.firstContentfulPaintMs = await page.evaluate(() =>
      Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1),
    );
    expect(page.url()).toMatch(/#\/street$/);
    // Once more with the assets cached and the gateway's query plans warm.
    await page.reload();
    await page.waitForSelector(ready('street-summary'));
    measured.streetOverviewPaintWarmMs = await page.evaluate(() =>
      Math.round(performance.getEntriesByName('cpb:street-overview-painted')[0]?.startTime ?? -1),
    );

    const period = (await page.textContent('.page-head .muted:last-child'))!.match(/(\d{4}-\d{2}-\d{2}) 至 (\d{4}-\d{2}-\d{2})/)!;
    type Overview = {
      street: {
        workingCommittee: { memberCount: number; fullMemberCount: number; volunteerStats: { hours: number; participations: number } };
        communities: {
          id: string;
          partyOrganization: { memberCount: number; kindCheck: { fits: boolean } };
          coBuilding: { openNeeds: number };
        }[];
      };
    };
    const truth = (
      await ask<Overview>(
        'DashboardStreetOverview',
        { streetId: worldId('street', 0), from: period[1], to: period[2] },
        demoUsers['street-admin'],
      )
    ).data!.street;
    expect(await page.textContent('[data-testid="street-name"]')).toContain('街道');
    expect(numberIn(await page.textContent('[data-stat="members"] .value'))).toBe(truth.workingCommittee.memberCount);
    expect(numberIn(await page.textContent('[data-stat="full-members"] .value'))).toBe(truth.workingCommittee.fullMemberCount);
    expect(numberIn(await page.textContent('[data-stat="participations"] .value'))).toBe(
      truth.workingCommittee.volunteerStats.participations,
    );
    expect(numberIn(await page.textContent('[data-stat="hours"] .value'))).toBeCloseTo(truth.workingCommittee.volunteerStats.hours, 1);
    expect(truth.workingCommittee.volunteerStats.participations).toBeGreaterThan(0);
    const rows = await page.$$eval('[data-table="communities"] tbody tr', (trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-community'),
        members: tr.querySelector('[data-cell="members"]')!.textContent,
        needs: tr.querySelector('[data-cell="open-needs"]')!.textContent,
        misfit: !!tr.querySelector('[data-misfit]'),
      })),
    );
    expect(rows.map((r) => r.id)).toEqual(truth.communities.map((c) => c.id));
    expect(rows.map((r) => numberIn(r.members))).toEqual(truth.communities.map((c) => c.partyOrganization.memberCount));
    expect(rows.map((r) => numberIn(r.needs))).toEqual(truth.communities.map((c) => c.coBuilding.openNeeds));
    expect(rows.map((r) => r.misfit)).toEqual(truth.communities.map((c) => !c.partyOrganization.kindCheck.fits));

    await page.waitForSelector(ready('top-volunteers'));
    expect(await page.$$eval('[data-panel="top-volunteers"] li', (items) => items.length)).toBe(10);
    const chart = await canvasInk(page, 'street-monthly');
    expect(chart.painted).toBeGreaterThan(1000);
    expect(chart.red).toBeGreaterThan(50);
    await screenshot(page, 'street-overview');
    await context.close();
  });

  it('opens a community from the overview: tree, leadership, units, needs and charts', async () => {
    const { page, context } = await open(demoUsers['street-admin'], '/street');
    await page.click(`[data-community="${worldId('community', 0)}"] a`);
    await page.waitForSelector(ready('community-profile'));
    await Promise.all(
      ['leadership', 'community-monthly', 'activities', 'co-building', 'units'].map((panel) => page.waitForSelector(ready(panel))),
    );
    expect(page.url()).toContain(`#/community/${worldId('community', 0)}`);
    expect(await page.textContent('[data-testid="community-name"]')).toMatch(/社区$/);
    expect(await page.$$eval('[data-panel="community-profile"] [data-organization]', (nodes) => nodes.length)).toBeGreaterThan(3);
    expect(await page.$$eval('[data-panel="units"] [data-unit]', (rows) => rows.length)).toBe(6);
    // A street administrator manages the community: phones come in full.
    expect(
      await page.$$eval('[data-panel="leadership"] [data-cell="phone"]', (cells) =>
        cells.every((c) => /^1\d{10}$/.test(c.textContent!.trim())),
      ),
    ).toBe(true);
    for (const chart of ['community-monthly', 'activity-fill']) {
      await page.waitForSelector(`[data-chart="${chart}"] canvas`);
      const ink = await canvasInk(page, chart);
      expect(ink.painted).toBeGreaterThan(500);
      expect(ink.red).toBeGreaterThan(20);
    }
    await screenshot(page, 'community');
    await context.close();
  });

  it('signs a member in from the demo users: masked phones, and the register refused with the role it needs', async () => {
    const { page, context } = await open(null, '/');
    await page.click('[data-user="member"]');
    await page.waitForSelector(ready('leadership'));
    expect(page.url()).toMatch(/#\/community\//);
    expect(await page.textContent('[data-testid="identity"]')).toBe('党员');
    // The graph gives a member phones masked, except the member's own: the page shows exactly that.
    type Seat = { member: { id: string; phone: string | null; phoneMasked: string } };
    type Leadership = { community: { partyOrganization: { positions: Seat[]; children: { positions: Seat[] }[] } } };
    const communityId = /#\/community\/([\w-]+)/.exec(page.url())![1];
    const organization = (await ask<Leadership>('DashboardCommunityLeadership', { id: communityId }, demoUsers.member)).data!.community
      .partyOrganization;
    const seats = [organization, ...organization.children].flatMap((o) => o.positions);
    const phones = await page.$$eval('[data-panel="leadership"] [data-cell="phone"]', (cells) => cells.map((c) => c.textContent!.trim()));
    expect(phones).toEqual(seats.map((s) => s.member.phone ?? s.member.phoneMasked));
    const others = seats.filter((s) => s.member.id !== demoUsers.member.memberId);
    expect(others.length).toBeGreaterThan(2);
    expect(others.every((s) => s.member.phone === null && /^\d{3}\*{4}\d{4}$/.test(s.member.phoneMasked))).toBe(true);
    expect(phones.filter((p) => /^\d{3}\*{4}\d{4}$/.test(p)).length).toBe(others.length);
    await screenshot(page, 'community-as-member');

    await page.click('a[href="#/members"]');
    await page.waitForSelector('[data-panel="member-register"][data-status="forbidden"]');
    expect(await page.textContent('[data-notice="forbidden"]')).toContain('需要区级管理员、街道党工委管理员、社区党组织书记身份');
    expect(await page.$$('[data-member]')).toHaveLength(0);
    await screenshot(page, 'member-register-refused');
    await context.close();
  });

  it('gives a secretary the register: search by name, filters and pages', async () => {
    const { page, context } = await open(demoUsers['community-secretary'], '/members');
    await page.waitForSelector(ready('member-register'));
    const total = numberIn((await page.textContent('[data-testid="register-count"]'))!.split('，')[0]);
    type Register = { members: { totalCount: number; edges: { node: { name: string } }[] } };
    const truth = (await ask<Register>('DashboardMemberRegister', { first: 20 }, demoUsers['community-secretary'])).data!.members;
    expect(total).toBe(truth.totalCount);
    const firstPage = await page.$$eval('[data-member] td:first-child', (cells) => cells.map((c) => c.textContent));
    expect(firstPage).toEqual(truth.edges.map((e) => e.node.name));
    await page.click('[data-testid="next-page"]');
    await page.waitForFunction((first) => document.querySelector('[data-member] td')?.textContent !== first, firstPage[0]);
    expect(await page.textContent('[data-testid="register-count"]')).toContain('第 2/');

    const surname = firstPage[0]!.slice(0, 1);
    await page.fill('[data-testid="name-search"]', surname);
    await page.selectOption('[data-testid="status-filter"]', 'FULL');
    await page.click('.filters button[type="submit"]');
    const filtered = (
      await ask<Register>(
        'DashboardMemberRegister',
        { filter: { nameContains: surname, status: 'FULL' }, first: 20 },
        demoUsers['community-secretary'],
      )
    ).data!.members;
    await page.waitForFunction(
      (count) => document.querySelector('[data-testid="register-count"]')?.textContent?.startsWith(`共 ${count} 名，第 1/`),
      filtered.totalCount,
    );
    expect(await page.$$eval('[data-member] td:first-child', (cells) => cells.map((c) => c.textContent))).toEqual(
      filtered.edges.map((e) => e.node.name),
    );
    await screenshot(page, 'member-register');
    await context.close();
  });

  it('lets a secretary check members in to an activity', async () => {
    const startsAt = new Date(Date.now() + 10 * 60_000);
    const created = await federation.query<{ createActivity: { id: string } }>(
      'mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }',
      {
        input: {
          title: '楼道清洁志愿服务',
          kind: 'VOLUNTEER_SERVICE',
          organizerId: worldId('org-community', 0),
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(),
          capacity: 10,
          place: '3号楼',
        },
      },
    );
    const activityId = created.data!.createActivity.id;
    expect((await federation.query('mutation($id: ID!) { publishActivity(id: $id) { id } }', { id: activityId })).errors).toBeUndefined();
    const memberId = worldId('member', 6);
    expect(
      (await federation.query('mutation($a: ID!, $m: ID!) { signUp(activityId: $a, memberId: $m) { id } }', { a: activityId, m: memberId }))
        .errors,
    ).toBeUndefined();

    const { page, context } = await open(demoUsers['community-secretary'], `/activity/${activityId}`);
    await page.waitForSelector(ready('activity'));
    expect(await page.textContent('[data-testid="activity-title"]')).toBe('楼道清洁志愿服务');
    await page.click(`[data-participant="${memberId}"] [data-action="check-in"]`);
    await page.waitForSelector(`[data-participant="${memberId}"] [data-action="check-out"]`);
    const after = await federation.query<{
      activity: { participants: { edges: { node: { status: string; checkedInAt: string | null } }[] } };
    }>('query($id: ID!) { activity(id: $id) { participants { edges { node { status checkedInAt } } } } }', { id: activityId });
    expect(after.data!.activity.participants.edges[0].node.status).toBe('ATTENDED');
    expect(after.data!.activity.participants.edges[0].node.checkedInAt).not.toBeNull();
    await screenshot(page, 'activity-check-in');
    await context.close();
  });

  it('shows an analyst the aggregates and says which role the volunteer names need', async () => {
    const { page, context } = await open(demoUsers.analyst, '/street');
    await page.waitForSelector(ready('street-summary'));
    await page.waitForSelector('[data-panel="top-volunteers"][data-status="forbidden"]');
    expect(await page.textContent('[data-panel="top-volunteers"] [data-notice="forbidden"]')).toContain('当前身份（数据分析员）无权查看');
    await context.close();
  });

  it('serves GraphiQL from the gateway with nothing from outside', async () => {
    const opened = await guardedContext(browser);
    external = opened.external;
    await opened.page.goto(`${base}/graphql`);
    await opened.page.waitForSelector('.graphiql-container', { timeout: 60_000 });
    await opened.page.waitForTimeout(1500);
    await screenshot(opened.page, 'graphiql');
    await opened.context.close();
  });

  // Last: it stops a subgraph for good.
  it('keeps a community page working with the resources service down: partial data and a notice', async () => {
    const resources = federation.subgraphs.resources;
    const stopped = resources.stop();
    resources.stop = () => stopped;
    await stopped;
    const { page, context } = await open(demoUsers['community-secretary'], `/community/${worldId('community', 0)}`);
    await page.waitForSelector(ready('community-profile'));
    await page.waitForSelector(ready('units'));
    expect(await page.textContent('[data-panel="units"] [data-notice="unavailable"]')).toContain('共建资源服务暂时不可用');
    expect(
      await page.$$eval('[data-panel="units"] [data-cell="resources"]', (cells) => cells.every((c) => c.textContent!.trim() === '—')),
    ).toBe(true);
    expect(await page.$$eval('[data-panel="units"] [data-unit]', (rows) => rows.length)).toBe(6);
    expect(await page.$$('[data-panel="community-profile"] [data-notice]')).toHaveLength(0);
    await page.waitForSelector('[data-panel="co-building"] [data-notice="unavailable"]');
    await page.waitForSelector(ready('leadership'));
    await screenshot(page, 'community-resources-down');
    await context.close();
  });
});
