// A modal dialog (react-aria Modal + Dialog) with a heading, content and a row of actions; Escape closes it.
import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

export interface ModalDialogProps {
  title: string;
  isOpen: boolean;
  onClose: () => void;
  children: ReactNode;
  actions: ReactNode;
  role?: 'dialog' | 'alertdialog';
  wide?: boolean;
}

export function ModalDialog({ title, isOpen, onClose, children, actions, role = 'dialog', wide }: ModalDialogProps) {
  return (
    <ModalOverlay className="modal-overlay" isOpen={isOpen} onOpenChange={(open) => { if (!open) onClose(); }} isDismissable>
      <Modal className={`modal ${wide ? 'modal-wide' : ''}`}>
        <Dialog role={role} className="dialog">
          <Heading slot="title" className="dialog-title">{title}</Heading>
          <div className="dialog-body">{children}</div>
          <div className="dialog-actions">{actions}</div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
