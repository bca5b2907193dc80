/** The accounts pages' queries and form fields (password sign-in); the pages answer in HTML, never JSON. */
import { Type } from '@sinclair/typebox';

const id = Type.String({ pattern: '^[0-9]{1,20}$', description: 'a portal id' });
/** Where to go once signed in: a consent page of this server (checked again by the route). */
const returnTo = Type.Optional(Type.String({ maxLength: 4000 }));
const csrf = Type.Optional(Type.String({ maxLength: 200 }));
const email = Type.String({ minLength: 1, maxLength: 254 });
/** Bounded for the sign-in form (the rules for a new password are checked by the service). */
const password = Type.String({ minLength: 1, maxLength: 1024 });
const token = Type.String({ minLength: 1, maxLength: 200 });

/** The query of the sign-in and forgot-password pages. */
export const signInPageQuery = Type.Object({ portalId: id, return: returnTo });

/** The sign-in form's fields. */
export const signInFormBody = Type.Object({ portalId: id, return: returnTo, email, password, _csrf: csrf });

/** The forgot-password form's fields. */
export const forgotFormBody = Type.Object({ portalId: id, return: returnTo, email, _csrf: csrf });

/** The query of the set-password page a link opens. */
export const passwordPageQuery = Type.Object({ token });

/** The set-password form's fields. */
export const passwordFormBody = Type.Object({
  token,
  password: Type.String({ maxLength: 1024 }),
  confirm: Type.String({ maxLength: 1024 }),
  _csrf: csrf,
});
