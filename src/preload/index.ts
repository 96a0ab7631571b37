import { contextBridge, ipcRenderer } from 'electron';
import { createClient, type GatehouseApi, type Transport } from '../shared/client';
import { CALL_CHANNEL, EVENT_CHANNEL, SIGNAL_CHANNEL } from '../shared/ipc-channels';
import { fail, type Result } from '../shared/result';

const listeners = new Map<string, Set<(payload: unknown) => void>>();

// One raw listener for all events: the renderer never sees ipcRenderer or an IpcRendererEvent.
ipcRenderer.on(EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

const ipcTransport: Transport = {
  async call(method, input) {
    try {
      return (await ipcRenderer.invoke(CALL_CHANNEL, method, input)) as Result<unknown>;
    } catch {
      return fail('transport', `The main process did not answer ${method}. Restart Gatehouse.`);
    }
  },
  signal(name, input) {
    ipcRenderer.send(SIGNAL_CHANNEL, name, input);
  },
  listen(event, listener) {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set.add(listener));
    return () => set.delete(listener);
  },
};

const gatehouse: GatehouseApi = createClient(ipcTransport);
contextBridge.exposeInMainWorld('gatehouse', gatehouse);
