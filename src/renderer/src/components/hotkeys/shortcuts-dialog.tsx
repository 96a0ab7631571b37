import { DEFAULT_HOTKEYS, FIXED_HOTKEYS, HOTKEY_ACTIONS, HOTKEY_LABELS } from '../../../../shared/hotkeys';
import { setHelpOpen, useHotkeyStore } from '../../stores/hotkey-store';
import { ModalDialog } from '../modal-dialog';

/** The help overlay opened with `?`: every shortcut, configurable ones as the person set them. */
export function ShortcutsDialog() {
  const open = useHotkeyStore((s) => s.helpOpen);
  const keys = useHotkeyStore((s) => s.keys) ?? DEFAULT_HOTKEYS;
  if (!open) return null;
  const rows = [
    ...FIXED_HOTKEYS,
    ...HOTKEY_ACTIONS.map((action) => ({ keys: keys[action], label: HOTKEY_LABELS[action] })),
  ];
  return (
    <ModalDialog title="Keyboard shortcuts" onCancel={() => setHelpOpen(false)}>
      <table className="shortcuts">
        <tbody>
          {rows.map((row) => (
            <tr key={row.keys}>
              <td>
                <kbd>{row.keys}</kbd>
              </td>
              <td>{row.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>Shortcuts do nothing while you type in a field. Change them in Settings.</p>
      <div className="dialog-actions">
        <button type="button" onClick={() => setHelpOpen(false)} autoFocus>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
