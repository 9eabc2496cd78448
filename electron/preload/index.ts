import { contextBridge, ipcRenderer } from 'electron';
import { createApi, IPC_CHANNEL, type Api } from '../../shared/contract';

/** The page gets the contract's calls as window.commonplace, and nothing else of Electron. */
const api: Api = createApi((name, input) => ipcRenderer.invoke(IPC_CHANNEL, name, input));

contextBridge.exposeInMainWorld('commonplace', api);
