// The one way a transport (Electron IPC or the loopback server) calls the service:
// payload shape and contract validation first, then the method. Transports only add
// their own sender checks and error encoding.
import { ApiError, METHODS, parseArgs, type Api, type Method } from '../shared/contract';

function isPlainObject(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

export function isMethod(name: string): name is Method {
  return (METHODS as readonly string[]).includes(name);
}

export async function dispatch(api: Api, name: Method, payload: unknown): Promise<unknown> {
  // Structured clone can deliver a Date, Map or typed array, which zod's object check would
  // read as an empty object; only a plain object (or nothing) is an argument object.
  if (payload != null && !isPlainObject(payload)) throw new ApiError(`${name}: arguments must be an object`, 'invalid');
  const args = parseArgs(name, payload);
  // Each method's args type matches its own schema; the union is not expressible per call.
  return (api[name] as (a: unknown) => Promise<unknown>)(args);
}
