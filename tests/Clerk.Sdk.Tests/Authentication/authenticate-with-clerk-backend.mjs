// Differential peer for request authentication: runs Clerk's own authenticateRequest (@clerk/backend, pinned in
// tests/package-lock.json) on a corpus of requests, offline (jwtKey only; no scenario needs the Backend API).
//
// One process per test run: reads one JSON document on stdin, writes one JSON document on stdout.
//   in:  { nowMs, scenarios: [{ id, url, method, headers: { name: value }, options: { publishableKey, secretKey, jwtKey,
//          authorizedParties, domain, isSatellite, proxyUrl, signInUrl, acceptsToken, audience } }] }
//          hasChecks: [{ id, claims, checks: [{ role, permission, feature, plan }] }] }
//   out: { backendVersion, results: [{ id, status, reason, message, location, setCookies, tokenType, userId, subject }],
//          has: [{ id, results: [true | false | 'threw'] }] }
// Date.now() is pinned to nowMs. Clerk's console output goes to stderr so that stdout stays JSON.
import { readFileSync } from 'node:fs';
import { createClerkClient } from '@clerk/backend';
import { signedInAuthObject } from '@clerk/backend/internal';

const input = JSON.parse(readFileSync(0, 'utf8'));
Date.now = () => input.nowMs;
for (const level of ['log', 'info', 'warn', 'error', 'debug']) console[level] = (...args) => process.stderr.write(args.map(String).join(' ') + '\n');

const backendPackage = JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('@clerk/backend')), 'utf8'));

const results = [];
for (const scenario of input.scenarios) {
  // null (not given) becomes undefined, as an option left out.
  const options = Object.fromEntries(Object.entries(scenario.options).map(([name, value]) => [name, value ?? undefined]));
  try {
    const clerk = createClerkClient({ secretKey: options.secretKey, publishableKey: options.publishableKey, jwtKey: options.jwtKey, audience: options.audience });
    const request = new Request(scenario.url, { method: scenario.method, headers: scenario.headers });
    const state = await clerk.authenticateRequest(request, options);
    let auth = null;
    try {
      auth = state.toAuth();
    } catch {
      auth = null;
    }
    results.push({
      id: scenario.id,
      status: state.status,
      reason: state.reason ?? null,
      message: state.message ?? null,
      location: state.headers?.get('location') ?? null,
      setCookies: state.headers?.getSetCookie?.() ?? [],
      tokenType: state.tokenType ?? null,
      userId: auth?.userId ?? null,
      subject: auth?.subject ?? null,
    });
  } catch (error) {
    results.push({ id: scenario.id, status: 'threw', reason: String(error?.message ?? error) });
  }
}
// has(): Clerk's authorization check on the auth object of verified claims.
const has = [];
for (const { id, claims, checks } of input.hasChecks ?? []) {
  let auth = null;
  try {
    auth = signedInAuthObject({}, 'token', claims);
  } catch {
    auth = null;
  }
  has.push({
    id,
    results: checks.map((check) => {
      if (!auth) return false;
      try {
        return auth.has(Object.fromEntries(Object.entries(check).filter(([, v]) => v !== null)));
      } catch {
        return false;
      }
    }),
  });
}
process.stdout.write(JSON.stringify({ backendVersion: backendPackage.version, results, has }));
