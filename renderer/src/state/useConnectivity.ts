import { useEffect } from 'react';
import { api } from '../api';

/** The browser knows first when the connection comes and goes; the outbox drains when it returns. */
export function useConnectivity(): void {
  useEffect(() => {
    const tell = () => void api.setOnline({ online: navigator.onLine });
    window.addEventListener('online', tell);
    window.addEventListener('offline', tell);
    return () => {
      window.removeEventListener('online', tell);
      window.removeEventListener('offline', tell);
    };
  }, []);
}
