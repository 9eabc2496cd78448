import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { AppEventSchema, createApi, EVENT_CHANNEL, IPC_CHANNEL, type Api, type AppEvent } from '../../shared/contract';

// The page's listener never sees Electron's event object (it carries the sender), only our event.
function onEvent(listener: (event: AppEvent) => void): () => void {
  const forward = (_event: IpcRendererEvent, payload: unknown) => {
    const parsed = AppEventSchema.safeParse(payload);
    if (parsed.success) listener(parsed.data);
  };
  ipcRenderer.on(EVENT_CHANNEL, forward);
  return () => ipcRenderer.removeListener(EVENT_CHANNEL, forward);
}

/** The page gets the contract's calls and events as window.commonplace, and nothing else of Electron. */
const api: Api = createApi((name, input) => ipcRenderer.invoke(IPC_CHANNEL, name, input), onEvent);

contextBridge.exposeInMainWorld('commonplace', api);
