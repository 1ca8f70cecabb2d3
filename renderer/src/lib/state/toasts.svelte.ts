// Transient messages: failed API calls (as the ApiError's message) and small confirmations.
export interface Toast {
  id: number;
  kind: 'error' | 'info';
  message: string;
}

const MAX_VISIBLE = 4;
const AUTO_DISMISS_MS = 10_000;

export class Toasts {
  items = $state<Toast[]>([]);
  private nextId = 1;

  push(message: string, kind: Toast['kind'] = 'error'): number {
    const id = this.nextId++;
    // Oldest go first so a burst of failures cannot bury the screen.
    this.items = [...this.items, { id, kind, message }].slice(-MAX_VISIBLE);
    setTimeout(() => this.dismiss(id), AUTO_DISMISS_MS);
    return id;
  }

  error(e: unknown, context?: string): void {
    const msg = e instanceof Error ? e.message : String(e);
    this.push(context ? `${context}: ${msg}` : msg, 'error');
  }

  dismiss(id: number): void {
    this.items = this.items.filter((t) => t.id !== id);
  }
}
