// Turns a failed call into the stable reason code the desk put in `data.reason`, so the UI can show a
// sentence in the user's language (the shared catalogue resources/i18n/reasons, i18next namespace `reasons`,
// then the interface's `reasons.<CODE>`) while logs keep the code.
import { TRPCClientError } from '@trpc/client';
import type { TFunction } from 'i18next';

export function reasonOf(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const data: unknown = error.data;
    if (data && typeof data === 'object' && 'reason' in data && typeof data.reason === 'string') return data.reason;
    return error.message === 'Failed to fetch' ? 'HUB_UNREACHABLE' : 'INTERNAL';
  }
  return 'INTERNAL';
}

/** The plain-words sentence for a reason code; unknown codes get a generic sentence that still shows the code. */
export function reasonText(t: TFunction, reason: string): string {
  const fallback = t('UNKNOWN', { ns: 'reasons', reason, defaultValue: t('reasons.UNKNOWN', { reason }) });
  return t(reason, { ns: 'reasons', defaultValue: t(`reasons.${reason}`, { defaultValue: fallback }) });
}

export function errorText(t: TFunction, error: unknown): string {
  return reasonText(t, reasonOf(error));
}
