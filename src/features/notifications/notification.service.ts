/** Reading the outbox: LMS admins see their portal's, everyone else only their own e-mails. */

import type { Caller } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import type { DeliveryStatus } from '../../db/tables/notifications.ts';
import { findDeliveryAttempts } from '../../deliveries/index.ts';
import { forbidden, invalidInput, notFound } from '../../errors.ts';
import { webhookEventTypes } from '../../events/index.ts';
import { isNumericId } from '../../ids.ts';
import { findNotification, listNotifications } from './notification.repository.ts';

/** The states of a delivery, as the status filter names them. */
export const deliveryStatuses: readonly DeliveryStatus[] = ['pending', 'sending', 'sent', 'failed', 'skipped'];

function isAdmin(caller: Caller): boolean {
  return caller.isAdmin || caller.isOperator;
}

/** The listing's filters as sent (query strings). */
export interface NotificationQuery {
  erecno?: string;
  status?: string;
  type?: string;
}

/** One page of the outbox the caller may read. */
export async function listCallerNotifications(
  context: AppContext,
  caller: Caller,
  query: NotificationQuery,
  page: { offset: number; limit: number },
) {
  if (query.erecno !== undefined && !isNumericId(query.erecno)) {
    throw invalidInput('erecno', `must be a numeric id, got ${JSON.stringify(query.erecno)}`);
  }
  if (query.status !== undefined && !deliveryStatuses.includes(query.status as DeliveryStatus)) {
    throw invalidInput('status', `must be one of ${deliveryStatuses.join(', ')}`);
  }
  if (query.type !== undefined && !(webhookEventTypes as readonly string[]).includes(query.type)) {
    throw invalidInput('type', `must be a versioned event name such as learner.enrolled.v1`);
  }
  if (!isAdmin(caller) && query.erecno !== undefined && query.erecno !== caller.erecno) {
    throw forbidden("only LMS admins may read other people's notifications");
  }
  const erecno = isAdmin(caller) ? query.erecno : caller.erecno;
  return listNotifications(
    context.db,
    {
      portalId: caller.portalId,
      ...(erecno === undefined ? {} : { erecno }),
      ...(query.status === undefined ? {} : { status: query.status as DeliveryStatus }),
      ...(query.type === undefined ? {} : { type: query.type }),
    },
    page.offset,
    page.limit,
  );
}

/** One e-mail of the outbox with its attempts, for an LMS admin or its recipient. */
export async function getCallerNotification(context: AppContext, caller: Caller, id: string) {
  const row = await findNotification(context.db, caller.portalId, id);
  if (row === undefined) throw notFound('notification', id);
  if (!isAdmin(caller) && row.erecno !== caller.erecno) {
    throw forbidden("only LMS admins may read other people's notifications");
  }
  const attempts = await findDeliveryAttempts(context.db, [row.id]);
  return { row, attempts };
}
