import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, type Blocker } from 'react-router';

export interface LeaveGuard {
  blocker: Blocker;
  /** Call before navigating away on purpose (after a save): the guard lets it through. */
  allowLeave: () => void;
  /**
   * Leaving without a navigation (closing a dialog, Cancel on an inline editor): runs
   * `leave` at once when nothing is unsaved, else after the user confirms the discard.
   */
  confirmLeave: (leave: () => void) => void;
  /** The "Discard unsaved changes?" dialog; render it once. */
  dialog: ReactNode;
}

/**
 * The dirty checks of every mounted guard. React Router consults only the newest blocker
 * when several are mounted (an engagement page has its schedule editor, its terms editor,
 * its SLA clause editor…), so each blocker asks all of them: whichever one the router
 * picks, no form's unsaved changes are dropped without asking.
 */
const mountedGuards = new Set<() => boolean>();
const anyUnsaved = () => [...mountedGuards].some((isUnsaved) => isUnsaved());

/**
 * Leaving a form with unsaved changes asks first, whichever way the user leaves (Cancel,
 * the sidebar, a shortcut, Back): every way out is a navigation, and the router's blocker
 * catches it while `isDirty()` says so. Moving within the same path is not leaving.
 */
export function useLeaveGuard(isDirty: () => boolean): LeaveGuard {
  const { t } = useTranslation();
  const leaving = useRef(false);
  const dirty = useRef(isDirty);
  useEffect(() => {
    dirty.current = isDirty;
  }, [isDirty]);
  useEffect(() => {
    // A guard whose form was just saved (allowLeave) no longer holds anyone back.
    const unsaved = () => !leaving.current && dirty.current();
    mountedGuards.add(unsaved);
    return () => void mountedGuards.delete(unsaved);
  }, []);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      anyUnsaved() && currentLocation.pathname !== nextLocation.pathname,
  );

  const [pending, setPending] = useState<(() => void) | null>(null);
  const keep = () => {
    if (pending) setPending(null);
    else blocker.reset?.();
  };
  const discard = () => {
    if (pending) {
      setPending(null);
      pending();
    } else blocker.proceed?.();
  };

  const dialog = (
    <Modal
      opened={blocker.state === 'blocked' || pending !== null}
      zIndex={400}
      onClose={keep}
      title={t('clients.discard.title')}
      size="sm"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Text size="sm">{t('clients.discard.body')}</Text>
      <Group justify="flex-end" mt="lg" gap="sm">
        <Button variant="default" onClick={keep} data-autofocus>
          {t('clients.discard.keep')}
        </Button>
        <Button color="red" onClick={discard}>
          {t('clients.discard.confirm')}
        </Button>
      </Group>
    </Modal>
  );

  return {
    blocker,
    allowLeave: () => {
      leaving.current = true;
    },
    confirmLeave: (leave) => {
      if (dirty.current()) setPending(() => leave);
      else leave();
    },
    dialog,
  };
}
