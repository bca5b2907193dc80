/** The location API's request and response schemas (/lectern/v1/locations). */
import { Type } from '@sinclair/typebox';
import { successEnvelope } from '../../http/envelope.ts';
import { startIndexParameter } from '../../http/parameters.ts';

/** Longest location name. */
export const locationNameLimit = 100;

const addressPart = (maxLength: number, description: string) =>
  Type.Optional(
    Type.Union([Type.String({ maxLength }), Type.Null()], { description: `${description}; null clears it` }),
  );

/** A postal address as sent: every part optional; on PATCH the parts sent replace those stored. */
export const AddressInput = Type.Object(
  {
    street: addressPart(200, 'street and number, up to 200 characters'),
    city: addressPart(100, 'up to 100 characters'),
    state: addressPart(100, 'state, province or region, up to 100 characters'),
    postalCode: addressPart(20, 'up to 20 characters'),
    country: addressPart(100, 'up to 100 characters'),
  },
  { additionalProperties: false },
);

/** The body of createLocation and updateLocation: the service says which key create needs. */
export const LocationBody = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: locationNameLimit, description: '1 to 100 characters' })),
    timeZone: Type.Optional(
      Type.Union([Type.String({ maxLength: 64 }), Type.Null()], {
        description: 'an IANA time zone (Europe/Berlin); null or "": the portal\'s',
      }),
    ),
    address: Type.Optional(Type.Union([AddressInput, Type.Null()], { description: 'null clears every part' })),
  },
  { additionalProperties: false },
);

const NullableText = Type.Union([Type.String(), Type.Null()]);

/** A location as Lectern shows it. */
export const LocationSchema = Type.Object({
  locationId: Type.String(),
  name: Type.String(),
  timeZone: Type.Union([Type.String(), Type.Null()], {
    description: "the IANA zone its rooms' sessions are held in; null: the portal's",
  }),
  address: Type.Object({
    street: NullableText,
    city: NullableText,
    state: NullableText,
    postalCode: NullableText,
    country: NullableText,
  }),
});

/** The path of one location. */
export const LocationParams = Type.Object({ locationId: Type.String() });

/** `{"code":"200","location":{...},"message":"success"}`. */
export const LocationEnvelope = successEnvelope('location', LocationSchema);

/** The querystring of listLocations. */
export const listLocationsQuery = Type.Object({ startIndex: startIndexParameter });
