// Differential peer: verifies a corpus of tokens with Clerk's own JavaScript backend SDK (@clerk/backend, pinned in
// tests/package-lock.json) and derives auth-object properties from claims, so the .NET tests can compare decisions.
//
// One process per test run: reads one JSON document on stdin, writes one JSON document on stdout.
//   in:  { nowMs, jwtKey, issuer, authorizedParties, clockSkewInMs,
//          sessionTokens: [{ id, token }], machineTokens: [{ id, token }], claims: [{ id, claims }] }
//   out: { backendVersion, sessionTokens: [{ id, ok, reason, auth }], machineTokens: [{ id, ok, tokenType, code }],
//          claims: [{ id, ok, error, userId, sessionId, sessionStatus, orgId, orgRole, orgSlug, orgPermissions, actorSub, fva }] }
// Date.now() is pinned to nowMs so both sides judge exp/nbf/iat at the same instant. Works offline: jwtKey only.
import { readFileSync } from 'node:fs';
import { verifyToken } from '@clerk/backend';
import { signedInAuthObject, verifyMachineAuthToken } from '@clerk/backend/internal';

const input = JSON.parse(readFileSync(0, 'utf8'));
Date.now = () => input.nowMs;

const backendPackage = JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('@clerk/backend')), 'utf8'));

const sessionOptions = {
  jwtKey: input.jwtKey,
  issuer: input.issuer ?? undefined,
  authorizedParties: input.authorizedParties ?? undefined,
  clockSkewInMs: input.clockSkewInMs,
};

const sessionTokens = [];
for (const { id, token } of input.sessionTokens ?? []) {
  // The public verifyToken returns the payload and throws a TokenVerificationError (with a reason) on rejection;
  // on some inputs (a header that is JSON null) it throws a plain TypeError.
  try {
    const payload = await verifyToken(token, sessionOptions);
    let auth = null;
    let authError = null;
    try {
      auth = authProperties(payload);
    } catch (error) {
      authError = String(error?.message ?? error);
    }
    sessionTokens.push({ id, ok: !!payload, reason: null, auth, authError });
  } catch (error) {
    sessionTokens.push({ id, ok: false, reason: error?.reason ?? 'threw:' + (error?.name ?? 'Error') });
  }
}

const machineTokens = [];
for (const { id, token } of input.machineTokens ?? []) {
  try {
    const { data, tokenType, errors } = await verifyMachineAuthToken(token, { jwtKey: input.jwtKey, clockSkewInMs: input.clockSkewInMs });
    machineTokens.push(errors ? { id, ok: false, tokenType, code: errors[0]?.code ?? 'error' } : { id, ok: !!data, tokenType, code: null });
  } catch (error) {
    machineTokens.push({ id, ok: false, tokenType: null, code: 'threw:' + (error?.name ?? 'Error') });
  }
}

// What @clerk/backend's signed-in auth object reports for verified claims (throws where Clerk's claims parser does).
function authProperties(payload) {
  const auth = signedInAuthObject({}, 'token', payload);
  return {
    userId: auth.userId ?? null,
    sessionId: auth.sessionId ?? null,
    sessionStatus: auth.sessionStatus ?? null,
    orgId: auth.orgId ?? null,
    orgRole: auth.orgRole ?? null,
    orgSlug: auth.orgSlug ?? null,
    orgPermissions: auth.orgPermissions ?? null,
    actorSub: auth.actor?.sub ?? null,
    fva: auth.factorVerificationAge ?? null,
  };
}

const claims = [];
for (const { id, claims: payload } of input.claims ?? []) {
  try {
    claims.push({ id, ok: true, error: null, ...authProperties(payload) });
  } catch (error) {
    claims.push({ id, ok: false, error: String(error?.message ?? error) });
  }
}

process.stdout.write(JSON.stringify({ backendVersion: backendPackage.version, sessionTokens, machineTokens, claims }));
