// Allocation (SPEC §5.5): an allocator picks the handlers of its authority who may act on this request —
// handlers for the parties' work, referral handlers for a coordinator's approval and referral work.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, CheckboxGroup, FieldError, Label } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { hasRequestRole } from '../../../shared/user/user';
import { reasonText } from '../api/refusals';
import { useTRPC } from '../api/trpc';
import { ModalDialog } from '../ui/ModalDialog';
import { Notice } from '../ui/Notice';
import { useRequestCommand } from './useRequestCommand';
import type { CommandRejection } from './useRequestCommand';
import type { FullCase } from './useRequest';

export interface AllocationDialogProps {
  c: FullCase;
  ownAuthorityId: string;
  onClose: () => void;
  onDone: () => void;
}

export function AllocationDialog({ c, ownAuthorityId, onClose, onDone }: AllocationDialogProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const colleagues = useQuery(trpc.directory.colleagues.queryOptions());
  const run = useRequestCommand();
  const [chosen, setChosen] = useState<string[]>(() => c.assignments[ownAuthorityId] ?? []);
  const [tried, setTried] = useState(false);
  const [rejection, setRejection] = useState<CommandRejection | null>(null);
  const isParty = ownAuthorityId === c.requestingAuthorityId || ownAuthorityId === c.respondingAuthorityId;
  const role = isParty ? 'REQUEST_HANDLER' : 'REFERRAL_HANDLER';
  const eligible = (colleagues.data ?? []).filter((u) => hasRequestRole(u, c.area, role));

  const submit = () => {
    setTried(true);
    if (chosen.length === 0) return;
    run.mutate({ command: { type: 'assignHandlers', caseId: c.id, userIds: chosen } }, {
      onSuccess: (result) => { if (result.ok) onDone(); else setRejection(result.rejection); },
    });
  };

  return (
    <ModalDialog title={t('allocation.title')} isOpen onClose={onClose}
      actions={<>
        <Button className="button" onPress={onClose}>{t('common.cancel')}</Button>
        <Button className="button button-primary" onPress={submit} isPending={run.isPending}>{t('allocation.confirm')}</Button>
      </>}>
      <p>{t(isParty ? 'allocation.helpHandlers' : 'allocation.helpReferral')}</p>
      {rejection ? <Notice kind="error">{reasonText(t, rejection.reason)}</Notice> : null}
      {run.error ? <Notice kind="error">{reasonText(t, 'INTERNAL')}</Notice> : null}
      {colleagues.isPending ? <p>{t('common.loading')}</p> : null}
      {colleagues.isSuccess && eligible.length === 0 ? <Notice kind="warning">{t('allocation.nobody')}</Notice> : null}
      {eligible.length > 0 ? (
        <CheckboxGroup value={chosen} onChange={setChosen} className="field" isRequired isInvalid={tried && chosen.length === 0} validationBehavior="aria">
          <Label>{t('allocation.handlers')}</Label>
          {eligible.map((u) => (
            <Checkbox key={u.id} value={u.id} className="checkbox"><span className="checkbox-box" aria-hidden="true" />{`${u.name} ${u.surname}`}</Checkbox>
          ))}
          <FieldError className="field-error">{t('allocation.required')}</FieldError>
        </CheckboxGroup>
      ) : null}
    </ModalDialog>
  );
}
