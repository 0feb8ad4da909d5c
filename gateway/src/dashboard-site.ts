import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';
import { demoUsers } from '@cpb/demo-world';
import { mintCallerToken, type Actor, type Logger } from '@cpb/kit/core';
import type { GatewayConfig } from './config';

/** The demo district's users, typed as the actors their tokens carry. */
const users: Record<string, Actor> = demoUsers;

/** Demo users the development sign-in offers, with what the dashboard calls them. */
const demoUserLabels: Record<string, string> = {
  'district-admin': '区级管理员',
  'street-admin': '街道党工委管理员',
  'community-secretary': '社区党组织书记',
  'unit-liaison': '驻区单位联络员',
  member: '党员',
  analyst: '数据分析员',
};

/** Whether this gateway may sign people in as demo users: development, with the shared-key tokens it can mint. */
export function demoSignInAllowed(config: GatewayConfig): boolean {
  return config.NODE_ENV !== 'production' && !config.JWKS_URL;
}

/** Mints a demo user's token as the identity provider would, for the dev sign-in and GraphiQL. */
export function mintDemoToken(config: GatewayConfig, user: string, expiresIn = '12h'): Promise<string> {
  return mintCallerToken(users[user], { secret: config.JWT_SECRET, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE, expiresIn });
}

/**
 * The dashboard on the one endpoint: its static build at /dashboard/ (same origin as /graphql, so
 * no CORS and the token stays first-party), / redirecting there, and in development a sign-in as
 * one of the demo users (GET /dev/demo-users, POST /dev/sign-in {"user": …}).
 */
export function dashboardRoutes(config: GatewayConfig, logger: Logger): (app: Express) => void {
  return (app) => {
    const dir = config.DASHBOARD_DIR;
    if (existsSync(join(dir, 'index.html'))) {
      // Asset names carry a content hash (Vite): cached for good; index.html and config.json always revalidated.
      app.use('/dashboard/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
      app.use('/dashboard', express.static(dir, { maxAge: 0 }));
      app.get('/', (_req, res) => res.redirect('/dashboard/'));
    } else {
      logger.warn({ dir }, 'no dashboard build; `npm run build -w @cpb/dashboard` makes one');
      app.get(['/', '/dashboard'], (_req, res) => {
        res
          .status(503)
          .type('text/plain; charset=utf-8')
          .send('看板尚未构建 (the dashboard is not built): npm run build -w @cpb/dashboard\n');
      });
    }
    if (!demoSignInAllowed(config)) return;
    app.get('/dev/demo-users', (_req, res) => {
      res.json(Object.entries(users).map(([user, actor]) => ({ user, role: actor.role, label: demoUserLabels[user] ?? user })));
    });
    app.post('/dev/sign-in', express.json({ limit: '1kb' }), async (req, res) => {
      const user = (req.body as { user?: unknown } | undefined)?.user;
      if (typeof user !== 'string' || !users[user]) {
        res.status(400).json({ error: `user must be one of ${Object.keys(users).join(', ')}` });
        return;
      }
      res.json({ token: await mintDemoToken(config, user) });
    });
  };
}
