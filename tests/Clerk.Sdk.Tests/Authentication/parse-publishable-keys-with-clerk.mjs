// Differential peer: parses publishable keys with the function Clerk's JavaScript backend SDK (@clerk/backend, pinned in
// tests/package-lock.json) parses them with, parsePublishableKey of @clerk/shared (its dependency), as
// authenticateRequest does (fatal), so the .NET tests can compare decisions with Clerk.PublishableKey.
//   in:  [{ id, key }]   (key may be null)
//   out: { sharedVersion, keys: [{ id, ok, frontendApi, instanceType, error }] }
import { readFileSync } from 'node:fs';
import { parsePublishableKey } from '@clerk/shared/keys';

const input = JSON.parse(readFileSync(0, 'utf8'));
const sharedPackage = JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('@clerk/shared/keys')), 'utf8'));

const keys = [];
for (const { id, key } of input) {
  try {
    const parsed = parsePublishableKey(key, { fatal: true });
    keys.push({ id, ok: true, frontendApi: parsed.frontendApi, instanceType: parsed.instanceType, error: null });
  } catch (error) {
    keys.push({ id, ok: false, frontendApi: null, instanceType: null, error: String(error?.message ?? error).split('\n')[0] });
  }
}
process.stdout.write(JSON.stringify({ sharedVersion: sharedPackage.version, keys }));
