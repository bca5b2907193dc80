/**
 * People's photos: an uploaded png, jpeg or webp (at most 2 MiB, its first bytes checked against the type it claims),
 * or a generated avatar. A photo's URL carries a random key, changed at every upload and removal: browsers load
 * <img> without a token, so the key is what makes an uploaded photo unguessable; without the right key a person's
 * avatar (initials on a colour) is served instead, which tells nothing a colleague's e-mail would not.
 */
import { randomBytes } from 'node:crypto';
import type { Caller } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { invalidInput, notFound, unsupportedMediaType } from '../../errors.ts';
import { renderAvatar } from './avatar.ts';
import * as lifecycle from './people-lifecycle.repository.ts';

/** The largest photo accepted, in bytes. */
export const maxPhotoBytes = 2 * 1024 * 1024;

/** The image types a photo may be. */
export const photoTypes = ['image/png', 'image/jpeg', 'image/webp'] as const;

/** The type the bytes themselves show (their signature), or undefined for anything else. */
export function sniffImageType(bytes: Uint8Array): (typeof photoTypes)[number] | undefined {
  const starts = (signature: number[], at = 0) => signature.every((byte, index) => bytes[at + index] === byte);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return undefined;
}

/** Checks an upload: not empty, a png, jpeg or webp by its bytes, and what it claims to be; answers its type. */
export function checkPhoto(bytes: Uint8Array, declaredType: string | undefined): string {
  if (bytes.byteLength === 0) throw invalidInput('photo', 'is empty: send a png, jpeg or webp image');
  const declared = (declaredType ?? '').split(';')[0]!.trim().toLowerCase();
  const vague = declared === '' || declared === 'application/octet-stream';
  if (!vague && !(photoTypes as readonly string[]).includes(declared)) {
    throw unsupportedMediaType('Content-Type', `${declared} is not a photo type; send ${photoTypes.join(', ')}`);
  }
  const sniffed = sniffImageType(bytes);
  if (sniffed === undefined) throw invalidInput('photo', `is not a png, jpeg or webp image (its bytes say otherwise)`);
  if (!vague && sniffed !== declared)
    throw invalidInput('photo', `is sent as ${declared} but its bytes are ${sniffed}`);
  return sniffed;
}

/** Stores a person's photo (replacing any), with a new key; answers the key. */
export async function storePhoto(
  context: AppContext,
  caller: Caller,
  erecno: string,
  photo: { bytes: Uint8Array; contentType: string },
): Promise<string> {
  const key = randomBytes(16).toString('hex');
  const now = context.clock.now();
  await context.db.transaction().execute(async (trx) => {
    const found = await lifecycle.updateEmployee(trx, caller.portalId, erecno, { photo_key: key });
    if (!found) throw notFound('employee', erecno);
    await lifecycle.upsertPhoto(trx, {
      erecno,
      portal_id: caller.portalId,
      content_type: photo.contentType,
      size: photo.bytes.byteLength,
      data: photo.bytes,
      updated_at: now,
    });
  });
  return key;
}

/** Removes a person's photo (the avatar stands in again); answers whether there was one. */
export async function removePhoto(context: AppContext, caller: Caller, erecno: string): Promise<boolean> {
  return context.db.transaction().execute(async (trx) => {
    const found = await lifecycle.updateEmployee(trx, caller.portalId, erecno, { photo_key: null });
    if (!found) throw notFound('employee', erecno);
    return lifecycle.deletePhoto(trx, caller.portalId, erecno);
  });
}

/** What a photo URL serves: the uploaded image, or the avatar; undefined when no such person exists. */
export type PhotoAnswer =
  | { kind: 'photo'; contentType: string; bytes: Uint8Array }
  | { kind: 'avatar'; contentType: 'image/svg+xml'; bytes: Buffer };

/** The photo behind a URL: the uploaded image when the key is its key, else the person's avatar. */
export async function readPhoto(db: Db, erecno: string, key: string | undefined): Promise<PhotoAnswer | undefined> {
  const owner = await lifecycle.findPhotoOwner(db, erecno);
  if (owner === undefined) return undefined;
  if (owner.photo_key && key === owner.photo_key) {
    const photo = await lifecycle.findPhoto(db, erecno);
    if (photo !== undefined) return { kind: 'photo', contentType: photo.content_type, bytes: photo.data };
  }
  const svg = renderAvatar(owner.erecno, owner.display_name);
  return { kind: 'avatar', contentType: 'image/svg+xml', bytes: Buffer.from(svg, 'utf8') };
}
