// A Yes/No question, e.g. "save this incomplete draft?" (SPEC §5.3 orange asterisks).
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from './ModalDialog';

export interface ConfirmDialogProps {
  title: string;
  message: string;
  isOpen: boolean;
  onYes: () => void;
  onNo: () => void;
}

export function ConfirmDialog({ title, message, isOpen, onYes, onNo }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalDialog title={title} isOpen={isOpen} onClose={onNo} role="alertdialog"
      actions={<>
        <Button className="button" onPress={onNo} autoFocus>{t('common.no')}</Button>
        <Button className="button button-primary" onPress={onYes}>{t('common.yes')}</Button>
      </>}
    >
      <p>{message}</p>
    </ModalDialog>
  );
}
