// The actions possible now (from requests.get): one button each; a blocked one says why in its tooltip.
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { RequestCommandType } from '../../../shared/request/commands';
import type { RequestDetails } from './useRequest';

export interface ActionToolbarProps {
  commands: RequestDetails['commands'];
  /** Commands handled elsewhere (reply tab) or not offered as buttons. */
  hidden: readonly RequestCommandType[];
  onAction: (type: RequestCommandType) => void;
  extra?: React.ReactNode;
}

export function ActionToolbar({ commands, hidden, onAction, extra }: ActionToolbarProps) {
  const { t } = useTranslation();
  const shown = commands.filter((c) => !hidden.includes(c.type));
  return (
    <div className="toolbar" role="toolbar" aria-label={t('request.actions')}>
      {extra}
      {shown.map((c) => (
        <Button key={c.type} className="button" onPress={() => onAction(c.type)} data-command={c.type}>
          {t(`commands.${c.type}`)}
        </Button>
      ))}
    </div>
  );
}
