// Join tokens are derived, never stored: token = HMAC-SHA256(server secret, workshop id, role,
// epoch). The server can show a facilitator the links again, a stolen database alone yields no
// token, and rotating a link is bumping its epoch.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ROLES, type Role } from './roles.ts';

export type RoleEpochs = Record<Role, number>;

/** 128 random bits, base64url: workshop ids. */
export function newWorkshopId(): string {
  return randomBytes(16).toString('base64url');
}

export function deriveToken(secret: Buffer, workshopId: string, role: Role, epoch: number): string {
  return createHmac('sha256', secret).update(`join-token\0${workshopId}\0${role}\0${epoch}`).digest('base64url');
}

export function tokensFor(secret: Buffer, workshopId: string, epochs: RoleEpochs): Record<Role, string> {
  return {
    facilitator: deriveToken(secret, workshopId, 'facilitator', epochs.facilitator),
    participant: deriveToken(secret, workshopId, 'participant', epochs.participant),
    viewer: deriveToken(secret, workshopId, 'viewer', epochs.viewer),
  };
}

/** The role a token grants, comparing in constant time against every role's token. */
export function roleOfToken(secret: Buffer, workshopId: string, epochs: RoleEpochs, token: string): Role | null {
  const given = Buffer.from(token, 'utf8');
  let found: Role | null = null;
  for (const role of ROLES) {
    const expected = Buffer.from(deriveToken(secret, workshopId, role, epochs[role]), 'utf8');
    // Compare every role, matched or not, so timing does not reveal which role matched.
    const same = given.length === expected.length && timingSafeEqual(given, expected);
    if (same) found = role;
  }
  return found;
}
